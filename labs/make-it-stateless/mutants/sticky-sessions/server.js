// One instance of the login service. `node launch.mjs` starts three of them behind the course
// proxy, each with its own PORT and INSTANCE_NAME and all with the same CACHE_URL.
//   POST /login  {"user":"ada"}  logs in: answers 200 and sets the session cookie sid
//   GET  /me                     who is logged in: 200 {"user":"ada"}, or 401
//   POST /logout                 ends the session
// Sessions live in the memory of the instance that created them, and each user is pinned to
// that instance (sticky sessions): the cookie route names it, and an instance that receives a
// request for a session it does not hold relays the request to the instance that does.
import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import { createClient } from './cache-client.mjs';

const port = Number(process.env.PORT ?? 8081);
const host = process.env.HOST ?? '127.0.0.1';
const instance = process.env.INSTANCE_NAME ?? `instance on port ${port}`;
const ttlSeconds = Number(process.env.SESSION_TTL_SECONDS ?? 300);
if (!process.env.CACHE_URL) {
  throw new Error('CACHE_URL must be set: start the instances with `node launch.mjs`, which sets it.');
}

const cache = createClient({ url: process.env.CACHE_URL, commandTimeout: 1000 });
cache.on('error', (error) => console.error(`cache: ${error.message}`));
await cache.connect();

/** Session id → { user, expiresAt }: in this process only. */
const sessions = new Map();

function cookieOf(req, wanted) {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === wanted) return value.join('=');
  }
  return undefined;
}

const sessionIdOf = (req) => cookieOf(req, 'sid');
const self = `${host}:${port}`;

/** Sends the request on to the instance at `route` and passes its answer back unchanged. */
function relay(req, res, route) {
  const [routeHost, routePort] = route.split(':');
  const onward = request({ host: routeHost, port: Number(routePort), method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  onward.on('error', (error) => send(res, 502, { error: `the instance holding your session (${route}) did not answer: ${error.message}` }));
  req.pipe(onward);
}

/** The logged-in user, or undefined; every request keeps the session alive for another TTL. */
function currentUser(req) {
  const sid = sessionIdOf(req);
  const session = sid === undefined ? undefined : sessions.get(sid);
  if (!session) return undefined;
  if (session.expiresAt <= Date.now()) {
    sessions.delete(sid);
    return undefined;
  }
  session.expiresAt = Date.now() + ttlSeconds * 1000;
  return session.user;
}

function logIn(user) {
  const sid = randomBytes(32).toString('base64url');
  sessions.set(sid, { user, expiresAt: Date.now() + ttlSeconds * 1000 });
  return sid;
}

function logOut(req) {
  const sid = sessionIdOf(req);
  if (sid !== undefined) sessions.delete(sid);
}

function readJson(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(`${JSON.stringify({ ...body, instance })}\n`);
}

const sessionCookie = (value, maxAge) => `sid=${value}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

const server = createServer(async (req, res) => {
  try {
    const route = cookieOf(req, 'route');
    if (route && route !== self && req.url !== '/login') return relay(req, res, route);
    if (req.method === 'POST' && req.url === '/login') {
      const body = await readJson(req);
      const user = typeof body?.user === 'string' ? body.user.trim() : '';
      if (!/^[\w.-]{1,64}$/.test(user)) return send(res, 400, { error: 'send JSON such as {"user":"ada"}' });
      return send(res, 200, { user }, { 'Set-Cookie': [sessionCookie(logIn(user)), `route=${self}; Path=/; HttpOnly; SameSite=Lax`] });
    }
    if (req.method === 'GET' && req.url === '/me') {
      const user = currentUser(req);
      return user === undefined ? send(res, 401, { error: 'not logged in' }) : send(res, 200, { user });
    }
    if (req.method === 'POST' && req.url === '/logout') {
      logOut(req);
      return send(res, 200, { loggedOut: true }, { 'Set-Cookie': sessionCookie('', 0) });
    }
    return send(res, 404, { error: 'try POST /login, GET /me or POST /logout' });
  } catch (error) {
    console.error(`${req.method} ${req.url}: ${error.message}`);
    if (res.headersSent) return res.destroy();
    return send(res, 503, { error: error.message });
  }
});

server.listen(port, host, () => {
  console.log(`${instance} on http://${host}:${port} (cache ${process.env.CACHE_URL}, sessions last ${ttlSeconds} s)`);
});
