// One instance of the login service. `node launch.mjs` starts three of them behind the course
// proxy, each with its own PORT and INSTANCE_NAME and all with the same CACHE_URL.
//   POST /login  {"user":"ada"}  logs in: answers 200 and sets the session cookie sid
//   GET  /me                     who is logged in: 200 {"user":"ada"}, or 401
//   POST /logout                 ends the session
// Sessions live in the shared cache under session:<sid>, with a TTL, so every instance sees
// the same sessions and an instance can die without logging anybody out.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
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

const sessionKey = (sid) => `session:${sid}`;

function sessionIdOf(req) {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === 'sid') return value.join('=');
  }
  return undefined;
}

/** The logged-in user, or undefined; every request keeps the session alive for another TTL. */
async function currentUser(req) {
  const sid = sessionIdOf(req);
  if (!sid) return undefined;
  const stored = await cache.get(sessionKey(sid));
  if (stored === null) return undefined;
  // An idle timeout, as OWASP recommends: the TTL starts again with every request.
  await cache.expire(sessionKey(sid), ttlSeconds);
  return JSON.parse(stored).user;
}

async function logIn(user) {
  const sid = randomBytes(32).toString('base64url');
  await cache.set(sessionKey(sid), JSON.stringify({ user, createdAt: Date.now() }), { EX: ttlSeconds });
  return sid;
}

async function logOut(req) {
  const sid = sessionIdOf(req);
  if (sid) await cache.del(sessionKey(sid));
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
    if (req.method === 'POST' && req.url === '/login') {
      const body = await readJson(req);
      const user = typeof body?.user === 'string' ? body.user.trim() : '';
      if (!/^[\w.-]{1,64}$/.test(user)) return send(res, 400, { error: 'send JSON such as {"user":"ada"}' });
      return send(res, 200, { user }, { 'Set-Cookie': sessionCookie(await logIn(user)) });
    }
    if (req.method === 'GET' && req.url === '/me') {
      const user = await currentUser(req);
      return user === undefined ? send(res, 401, { error: 'not logged in' }) : send(res, 200, { user });
    }
    if (req.method === 'POST' && req.url === '/logout') {
      await logOut(req);
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
