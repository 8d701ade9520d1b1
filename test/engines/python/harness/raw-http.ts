// A byte-level HTTP/1.1 client, so both servers get exactly the same bytes (chunked request
// bodies, percent-encoded paths) and a response cut short by a closed connection is seen as
// such instead of being papered over by a client library.
import { connect } from 'node:net';

export interface CorpusRequest {
  method: string;
  target: string;
  headers?: [string, string][];
  body?: string | Buffer;
  /** Sent with Transfer-Encoding: chunked, one chunk per entry. */
  chunks?: string[];
}

export interface RawResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Buffer;
  chunked: boolean;
  /** False when the connection closed before the body its framing announced. */
  complete: boolean;
}

export function serializeRequest(request: CorpusRequest): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of request.headers ?? []) lines.push(`${name}: ${value}`);
  let body = Buffer.alloc(0);
  if (request.chunks) {
    lines.push('Transfer-Encoding: chunked');
    body = Buffer.concat([...request.chunks.map((c) => Buffer.from(`${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`)), Buffer.from('0\r\n\r\n')]);
  } else if (request.body !== undefined) {
    body = Buffer.from(request.body);
    lines.push(`Content-Length: ${body.length}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

function dechunk(data: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false };
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), complete: false };
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    if (lineEnd + 2 + size > data.length) return { body: Buffer.concat([...parts, data.subarray(lineEnd + 2)]), complete: false };
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export function parseResponse(data: Buffer, method: string): RawResponse {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return { status: 0, reason: 'no response head', headers: [], body: data, chunked: false, complete: false };
  const [statusLine, ...headerLines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const match = /^HTTP\/\d\.\d (\d{3}) ?(.*)$/.exec(statusLine);
  const headers = headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as [string, string]);
  const rest = data.subarray(headEnd + 4);
  const status = match ? Number(match[1]) : 0;
  const chunked = headers.some(([n, v]) => n === 'transfer-encoding' && v.toLowerCase() === 'chunked');
  const length = headers.find(([n]) => n === 'content-length')?.[1];
  if (method === 'HEAD' || status === 204 || status === 304) return { status, reason: match?.[2] ?? '', headers, body: rest, chunked, complete: true };
  if (chunked) return { status, reason: match?.[2] ?? '', headers, chunked, ...dechunk(rest) };
  const complete = length === undefined || rest.length >= Number(length);
  return { status, reason: match?.[2] ?? '', headers, body: length === undefined ? rest : rest.subarray(0, Number(length)), chunked, complete };
}

/** Sends one request on a fresh connection and reads until the server closes it. */
export function exchange(port: number, request: CorpusRequest, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer from port ${port} to ${request.method} ${request.target} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(received), request.method));
    });
    socket.write(serializeRequest(request));
  });
}
