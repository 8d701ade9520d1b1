// Serves the built course (dist/) the way a static host would: files as they are, directory
// index.html, the site's 404 page for anything else, under the configured BASE_PATH, with the
// production headers of scripts/hosting/headers.ts (cross-origin isolation, CSP, …).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { headersFor } from './hosting/headers.ts';
import { isLoopbackHost } from './runner/isolation-headers.ts';
import { LocalRunner } from './runner/local-runner.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    // `--headers none` serves like GitHub Pages, which sends none of the production headers.
    headers: { type: 'string', default: 'production' },
  },
});

const root = resolve(values.dir);
const base = ('/' + (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

if (values.headers !== 'production' && values.headers !== 'none') {
  console.error(`--headers ${values.headers} is not a choice: use "production" (the default: COOP, COEP, CSP and the rest) or "none" (as GitHub Pages serves).`);
  process.exit(2);
}
const sendHeaders = values.headers === 'production';

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built site in ${root}. Run \`npm run build\` first (npm start does both).`);
  process.exit(1);
}

// The lab runner lets lab pages run the learner's code with this computer's Node. It executes
// what a page sends, so it exists only when the server is reachable from this computer alone.
const runner = isLoopbackHost(values.host)
  ? new LocalRunner({ base, labsDir: process.env.LABS_DIR || 'labs', bundlesDir: join(root, 'bundles'), workRoot: '.work/workbench' })
  : undefined;

function fileFor(urlPath: string): string | undefined {
  if (!urlPath.startsWith(base) && urlPath + '/' !== base) return undefined;
  const relative = normalize(decodeURIComponent(urlPath.slice(base.length - 1))).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, relative);
  if (!candidate.startsWith(root)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html'), candidate + '.html']) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

const server = createServer((request, response) => {
  if (runner?.handleRequest(request, response)) return;
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/' && base !== '/') {
    response.writeHead(302, { Location: base }).end();
    return;
  }
  const file = fileFor(url.pathname);
  const status = file ? 200 : 404;
  const path = file ?? join(root, '404.html');
  const contentType = contentTypes[extname(path)] ?? 'application/octet-stream';
  // Text is sent gzipped when the browser accepts it, as static hosts and CDNs do, so what a
  // page transfers here (npm start, the Lighthouse bench) is what it transfers in production.
  const gzip = /^(text\/|application\/(json|xml|wasm)|image\/svg)/.test(contentType) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...(sendHeaders ? headersFor(url.pathname, base) : {}),
  });
  if (request.method === 'HEAD') response.end();
  else if (gzip) createReadStream(path).pipe(createGzip()).pipe(response);
  else createReadStream(path).pipe(response);
});

server.on('upgrade', (request, socket, head) => {
  if (!runner?.handleUpgrade(request, socket, head)) socket.destroy();
});

// Ctrl-C ends the learner's programs too, not just this server.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (runner?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
}

server.listen(Number(values.port), values.host, () => {
  console.log(`Port to Production is being served at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}${base}`);
});
