// A small static web server with a health endpoint, using only Node's standard library.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const publicDir = fileURLToPath(new URL('./public', import.meta.url));

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function send(res, status, contentType, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

// Returns the file's path inside public/, or undefined when the path is not a file there.
async function findFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = resolve(publicDir, `.${wanted}`);
  // After decoding, "..%2f" is "../": refuse anything that resolves outside public/.
  if (!file.startsWith(publicDir + sep)) return undefined;
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/health') {
    send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    return;
  }
  const file = await findFile(pathname);
  if (!file) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not Found\n');
    return;
  }
  const body = await readFile(file);
  // For HEAD, Node sends these headers and leaves the body out.
  send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', body, {
    'Cache-Control': 'public, max-age=3600',
  });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error\n');
    else res.destroy();
  });
});

server.listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}`);
});
