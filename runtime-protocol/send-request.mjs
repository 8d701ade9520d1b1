// Sends one raw HTTP/1.1 request to the learner's program on 127.0.0.1 and returns the bytes
// exactly as they came back, for the workbench's HTTP panel. It is plain JavaScript because it
// also runs inside the WebContainer (Node 18+, no TypeScript there), started as
// `node send-request.mjs '<request JSON>'`; the local runner imports `sendRequest` directly.
import { connect } from 'node:net';

const responseCap = 256 * 1024;

/**
 * @typedef {{ method: string, path: string, headers: [string, string][], body: string }} RequestSpec
 * @typedef {{ port: number, request: string, response: string, error?: string, durationMs: number }} Exchange
 */

/** @param {RequestSpec} spec @param {number} port @returns {string} */
export function formatRequest(spec, port) {
  const names = new Set(spec.headers.map(([name]) => name.toLowerCase()));
  const lines = [`${spec.method.toUpperCase()} ${spec.path} HTTP/1.1`];
  if (!names.has('host')) lines.push(`Host: 127.0.0.1:${port}`);
  for (const [name, value] of spec.headers) if (name.trim()) lines.push(`${name.trim()}: ${value}`);
  if (spec.body && !names.has('content-length') && !names.has('transfer-encoding')) {
    lines.push(`Content-Length: ${Buffer.byteLength(spec.body)}`);
  }
  if (!names.has('connection')) lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${spec.body}`;
}

/**
 * Whether `data` already holds a whole response, so we need not wait for the server to close.
 * @param {Buffer} data @param {string} method @returns {boolean}
 */
export function responseComplete(data, method) {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = data.subarray(0, end).toString('latin1');
  const status = Number(head.slice(9, 12));
  if (method.toUpperCase() === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200)) return true;
  const body = data.subarray(end + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return body.length >= Number(length[1]);
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) return body.includes('\r\n0\r\n\r\n') || body.subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

/** @param {RequestSpec} spec @param {{ port: number, timeoutMs?: number }} options @returns {Promise<Exchange>} */
export function sendRequest(spec, { port, timeoutMs = 5000 }) {
  const request = formatRequest(spec, port);
  const started = Date.now();
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    /** @param {string} [error] */
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const response = Buffer.concat(chunks).toString('utf8');
      const cut = size > responseCap ? `\n… response cut after ${responseCap / 1024} KB` : '';
      resolve({ port, request, response: response + cut, ...(error ? { error } : {}), durationMs: Date.now() - started });
    };
    const timer = setTimeout(() => {
      finish(size === 0
        ? `No response within ${timeoutMs / 1000} s. The program accepted the connection but never answered: does every path end with res.end()?`
        : `The response did not finish within ${timeoutMs / 1000} s; shown is what arrived.`);
    }, timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      if (size < responseCap) chunks.push(chunk.subarray(0, responseCap - size));
      size += chunk.length;
      if (size >= responseCap || responseComplete(Buffer.concat(chunks), spec.method)) finish();
    });
    socket.on('end', () => finish(size === 0 ? 'The program closed the connection without answering.' : undefined));
    socket.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'ECONNREFUSED') finish(`Nothing is listening on 127.0.0.1:${port}. Press Run first, and check that the program listens on process.env.PORT.`);
      else if (error.code === 'ECONNRESET' && size > 0) finish();
      else finish(`The connection failed: ${error.code ?? error.message}.`);
    });
  });
}

// Run as a script inside the WebContainer: the request arrives as JSON in argv, the exchange
// leaves as one JSON line on stdout.
const [, script, json, portText] = process.argv;
if (script?.endsWith('send-request.mjs') && json) {
  const exchange = await sendRequest(JSON.parse(json), { port: Number(portText) });
  process.stdout.write(`${JSON.stringify(exchange)}\n`);
}
