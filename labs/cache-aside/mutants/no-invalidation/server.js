// The product API with a cache-aside read path: look in the cache, and on a miss read the
// database and keep the answer in the cache for a while. Started by `node launch.mjs`, which
// sets DATABASE_URL and CACHE_URL (to practice services when you run it yourself).
import { createServer } from 'node:http';
import { createClient } from './cache-client.mjs';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const databaseUrl = process.env.DATABASE_URL;
const ttlSeconds = Number(process.env.CACHE_TTL_SECONDS ?? 30);
const negativeTtlSeconds = Number(process.env.NEGATIVE_TTL_SECONDS ?? 5);
if (!databaseUrl || !process.env.CACHE_URL) {
  throw new Error('DATABASE_URL and CACHE_URL must be set: start the API with `node launch.mjs`, which sets them.');
}

// What the cache holds for an id the database does not know (negative caching).
const notFound = 'not-found';

// A cache that hangs must not hang the API: every command gives up after a second.
const cache = createClient({ url: process.env.CACHE_URL, commandTimeout: 1000 });
// Without an 'error' listener, a lost cache connection would crash the whole process.
cache.on('error', (error) => console.error(`cache: ${error.message}`));
try {
  await cache.connect();
} catch (error) {
  console.error(`cache: ${error.message}; serving from the database until it is back`);
}

class DatabaseError extends Error {}

/** Sends one request to the database; a database that is down or too slow is a DatabaseError. */
async function askDatabase(id, init = {}) {
  try {
    return await fetch(`${databaseUrl}/products/${encodeURIComponent(id)}`, { ...init, signal: AbortSignal.timeout(3000) });
  } catch (error) {
    throw new DatabaseError(`the database did not answer: ${error.cause?.message ?? error.message}`);
  }
}

// The cache is an optimisation: when it fails, carry on as if it were empty.
async function cacheGet(key) {
  try {
    return await cache.get(key);
  } catch (error) {
    console.error(`cache: GET ${key} failed: ${error.message}`);
    return null;
  }
}

async function cacheSet(key, value, seconds) {
  try {
    await cache.set(key, value, { EX: seconds });
  } catch (error) {
    console.error(`cache: SET ${key} failed: ${error.message}`);
  }
}

async function cacheDel(key) {
  try {
    await cache.del(key);
  } catch (error) {
    console.error(`cache: DEL ${key} failed: ${error.message}`);
  }
}

/** Reads a product from the database and caches the answer: the product, or "not found". */
async function loadProduct(id) {
  const key = `product:${id}`;
  const response = await askDatabase(id);
  const body = await response.text();
  if (response.status === 404) {
    await cacheSet(key, notFound, negativeTtlSeconds);
    return { status: 404, body: null };
  }
  // Only real answers are cached; an error says nothing about the product.
  if (!response.ok) throw new DatabaseError(`the database answered ${response.status}`);
  await cacheSet(key, body, ttlSeconds);
  return { status: 200, body };
}

// Single flight: while one database read of an id is running, other requests for that id
// wait for its answer instead of sending the same query again.
const loading = new Map();

function loadOnce(id) {
  let pending = loading.get(id);
  if (!pending) {
    pending = loadProduct(id).finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

async function readProduct(id) {
  const cached = await cacheGet(`product:${id}`);
  if (cached === notFound) return { status: 404, body: null, cache: 'HIT' };
  if (cached !== null) return { status: 200, body: cached, cache: 'HIT' };
  return { ...(await loadOnce(id)), cache: 'MISS' };
}

async function updateProduct(id, body) {
  const response = await askDatabase(id, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
  const text = await response.text();
  // Delete only after the database has the new row: deleting first lets a read in between
  // put the old row back into the cache.
  return { status: response.status, body: text };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, headers = {}) {
  const text = body ?? `${JSON.stringify({ error: status === 404 ? 'no such product' : 'request failed' })}\n`;
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

const server = createServer(async (req, res) => {
  const match = /^\/products\/([^/?#]+)$/.exec(req.url ?? '');
  try {
    if (!match) return send(res, 404, `${JSON.stringify({ error: 'try GET or PUT /products/<id>' })}\n`);
    const id = decodeURIComponent(match[1]);
    if (req.method === 'GET') {
      const result = await readProduct(id);
      return send(res, result.status, result.body, { 'X-Cache': result.cache });
    }
    if (req.method === 'PUT') {
      const result = await updateProduct(id, await readBody(req));
      return send(res, result.status, result.body);
    }
    return send(res, 405, `${JSON.stringify({ error: 'use GET or PUT' })}\n`, { Allow: 'GET, PUT' });
  } catch (error) {
    console.error(`${req.method} ${req.url}: ${error.message}`);
    if (res.headersSent) return res.destroy();
    const status = error instanceof DatabaseError ? 502 : 500;
    return send(res, status, `${JSON.stringify({ error: error.message })}\n`);
  }
});

server.listen(port, host, () => {
  console.log(`Product API on http://${host}:${port} (database ${databaseUrl}, cache ${process.env.CACHE_URL})`);
});
