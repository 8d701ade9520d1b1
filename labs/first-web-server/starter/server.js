// Your first web server. Run it with `node server.js` (or `npm run lab -- start first-web-server`)
// and open http://127.0.0.1:8080 in a browser. The lab's instructions list what it must do.
import { createServer } from 'node:http';

// Where to listen comes from the environment, so whoever runs the program decides.
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const server = createServer((req, res) => {
  // Every request gets the same plain-text answer for now. Replace this with real routing:
  // the HTML page at /, the files in public/, /health, 404 and 405.
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Hello! You asked for ${req.method} ${req.url}\n`);
});

server.listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}`);
});
