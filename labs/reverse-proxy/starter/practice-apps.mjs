// Two practice instances of the shop's app, for trying your proxy by hand (the checks start
// their own). The start command, node launch.mjs, starts them next to the proxy when nothing
// listens on their ports yet; to run them on their own, in a second terminal:
//   node practice-apps.mjs              # app-1 on 127.0.0.1:8081, app-2 on 127.0.0.1:8082
//   node practice-apps.mjs 9001 9002    # other ports
// Each answers every request with JSON naming the instance, the path and the forwarding headers
// it received, so `curl http://127.0.0.1:8080/api/products` shows what your proxy sends.
import { createServer } from 'node:http';

const ports = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [8081, 8082];
const forwarded = ['host', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-proto'];

ports.forEach((port, index) => {
  const name = `app-${index + 1}`;
  const server = createServer((req, res) => {
    const headers = Object.fromEntries(forwarded.map((header) => [header, req.headers[header] ?? null]));
    const body = JSON.stringify({ instance: name, method: req.method, path: req.url, headers }, null, 2);
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Upstream': name });
    res.end(`${body}\n`);
    console.log(`[${name}] ${req.method} ${req.url} (X-Forwarded-For: ${req.headers['x-forwarded-for'] ?? 'none'})`);
  });
  server.on('error', (error) => {
    console.error(`[${name}] cannot listen on 127.0.0.1:${port}: ${error.message}. Stop the program using that port, or pass other ports: node practice-apps.mjs <port> <port>`);
    process.exitCode = 1;
  });
  server.listen(port, '127.0.0.1', () => console.log(`[${name}] listening on http://127.0.0.1:${port}`));
});
