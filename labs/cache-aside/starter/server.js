// The product API of the cache-aside lab. Started by `node launch.mjs`, which sets
// DATABASE_URL and CACHE_URL (to practice services when you run it yourself).
// For now every request goes straight to the slow database. The lab's instructions say how to
// put the cache in front of it.
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

// The cache is connected, but nothing uses it yet: cache.get(key), cache.set(key, value, { EX: seconds })
// and cache.del(key) are yours to call.
const cache = createClient({ url: process.env.CACHE_URL });
cache.on('error', (error) => console.error(`cache: ${error.message}`));
await cache.connect();
console.log(`Cache connected; entries should live ${ttlSeconds} s, "not found" answers ${negativeTtlSeconds} s.`);

class DatabaseError extends Error {}

/** Sends one request to the database; a database that is down or too slow is a DatabaseError. */
async function askDatabase(id, init = {}) {
  try {
    return await fetch(`${databaseUrl}/products/${encodeURIComponent(id)}`, { ...init, signal: AbortSignal.timeout(3000) });
  } catch (error) {
    throw new DatabaseError(`the database did not answer: ${error.cause?.message ?? error.message}`);
  }
}

async function readProduct(id) {
  const response = await askDatabase(id);
  const body = await response.text();
  if (response.status === 404) return { status: 404, body: null };
  if (!response.ok) throw new DatabaseError(`the database answered ${response.status}`);
  return { status: 200, body };
}

async function updateProduct(id, body) {
  const response = await askDatabase(id, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
  return { status: response.status, body: await response.text() };
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
      return send(res, result.status, result.body);
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
