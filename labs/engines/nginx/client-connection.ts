// One client connection: reads HTTP/1.x requests from the socket one after another (a pipelined
// request waits until the previous answer is written), with the body read completely first as
// nginx does with proxy_request_buffering on, and keeps the connection open between requests
// the way ngx_http_set_keepalive does. Request parsing follows ngx_http_parse_request_line and
// ngx_http_parse_header_line (src/http/ngx_http_parse.c) for the checks a client can notice: a
// malformed request line or header line, a missing Host in HTTP/1.1, a bad Content-Length or an
// unknown Transfer-Encoding end the connection with nginx's error status.
import type { Socket } from 'node:net';
import { unwatch, watch, type Deadline } from './deadlines.ts';

export interface ClientRequest {
  method: string;
  /** The request target, one char per byte (latin1). */
  target: string;
  httpVersion: '1.0' | '1.1';
  headers: Array<[string, string]>;
  body: Buffer;
}

/** A request nginx refuses before any phase runs: the status to answer, then close. */
export interface RejectedRequest {
  rejected: 400 | 413 | 501 | 505;
  method: string;
  target: string;
  httpVersion: '1.0' | '1.1';
  headers: Array<[string, string]>;
}

export interface ClientConnection {
  readonly socket: Socket;
  /** Writes part of an answer; false when the socket's buffer is full (wait for 'drain'). */
  write(data: Buffer): boolean;
  /** Writes the (rest of the) answer; the connection then reads the next request or closes. */
  finish(data: Buffer, keepAlive: boolean): void;
}

/** keepalive_timeout 75s and client_header_timeout 60s, both nginx's defaults. */
const idleTimeoutMs = 75_000;
const headerTimeoutMs = 60_000;
/** large_client_header_buffers 4 8k: a request head must fit in 32 KB. */
const maxHeadBytes = 32 * 1024;
const continueLine = Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
const requestLine = /^([A-Z_-]+) ([^\s]+) HTTP\/(\d)\.(\d+)$/;

type Parsed = ClientRequest | RejectedRequest | undefined;

export function serveConnection(socket: Socket, onRequest: (req: ClientRequest | RejectedRequest, conn: ClientConnection) => void): void {
  let buf: Buffer = Buffer.alloc(0);
  let busy = false;
  // The client shut its sending side (the server allows half-open sockets): answer what was
  // asked, then close.
  let clientDone = false;
  let head: { req: ClientRequest; length: number; chunked: boolean; expect: string | undefined } | undefined;
  socket.setNoDelay(true);
  // keepalive_timeout while idle, client_header_timeout once a request has begun to arrive, and
  // no limit while the request is being answered (the upstream's own timeouts apply then).
  const timer: Deadline = { at: Date.now() + headerTimeoutMs, expire: () => socket.destroy() };
  watch(timer);
  socket.on('close', () => unwatch(timer));
  socket.on('error', () => socket.destroy());

  const conn: ClientConnection = {
    socket,
    write(data) {
      return socket.destroyed ? true : socket.write(data);
    },
    finish(data, keepAlive) {
      if (socket.destroyed) return;
      if (!keepAlive || clientDone) {
        socket.end(data);
        return;
      }
      if (data.length) socket.write(data);
      busy = false;
      timer.at = Date.now() + (buf.length ? headerTimeoutMs : idleTimeoutMs);
      if (buf.length) next();
    },
  };

  const next = () => {
    let parsed: Parsed;
    try {
      parsed = readRequest();
    } catch {
      return socket.destroy();
    }
    if (!parsed) return;
    busy = true;
    timer.at = Infinity;
    onRequest(parsed, conn);
  };

  const readRequest = (): Parsed => {
    if (!head) {
      while (buf.length && (buf[0] === 13 || buf[0] === 10)) buf = buf.subarray(1);
      let end = buf.indexOf('\r\n\r\n');
      let sep = 4;
      if (end === -1) {
        end = buf.indexOf('\n\n');
        sep = 2;
      }
      if (end === -1) {
        if (buf.length > maxHeadBytes) return rejectWith(400, buf.subarray(0, 200).toString('latin1'));
        return undefined;
      }
      const text = buf.subarray(0, end).toString('latin1');
      buf = buf.subarray(end + sep);
      const parsedHead = parseHead(text);
      if ('rejected' in parsedHead) return parsedHead;
      head = parsedHead;
      if (head.req.httpVersion === '1.1' && head.expect?.toLowerCase() === '100-continue' && (head.length > 0 || head.chunked)) socket.write(continueLine);
    }
    const body = head.chunked ? readChunked() : readLength(head.length);
    if (!body) return undefined;
    const req = head.req;
    req.body = body;
    head = undefined;
    return req;
  };

  const readLength = (length: number): Buffer | undefined => {
    if (buf.length < length) return undefined;
    const body = length ? Buffer.from(buf.subarray(0, length)) : emptyBody;
    buf = buf.subarray(length);
    return body;
  };

  const readChunked = (): Buffer | undefined => {
    const chunks: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd === -1) return undefined;
      const size = parseInt(buf.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
      if (Number.isNaN(size) || size < 0) throw new Error('invalid chunk size');
      if (size === 0) {
        const trailerEnd = buf.indexOf('\r\n', lineEnd + 2);
        if (trailerEnd === -1) return undefined;
        buf = buf.subarray(trailerEnd + 2);
        return Buffer.concat(chunks);
      }
      if (buf.length < lineEnd + 2 + size + 2) return undefined;
      chunks.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  };

  socket.on('end', () => {
    clientDone = true;
    if (!busy) socket.end();
  });
  socket.on('data', (data: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, data]) : data;
    if (busy) return;
    timer.at = Date.now() + headerTimeoutMs;
    next();
  });
}

const emptyBody = Buffer.alloc(0);

function rejectWith(status: RejectedRequest['rejected'], line: string, headers: Array<[string, string]> = []): RejectedRequest {
  const m = /^(\S+) (\S+)/.exec(line);
  return { rejected: status, method: m?.[1] ?? 'GET', target: m?.[2] ?? '/', httpVersion: '1.0', headers };
}

function parseHead(text: string): { req: ClientRequest; length: number; chunked: boolean; expect: string | undefined } | RejectedRequest {
  // Lines end with CRLF or a bare LF, as nginx accepts both.
  let lineEnd = text.indexOf('\n');
  const first = lineEnd === -1 ? text : text.slice(0, lineEnd > 0 && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
  const m = requestLine.exec(first);
  if (!m) return rejectWith(400, first);
  if (m[3] !== '1') return rejectWith(m[3] === '0' ? 400 : 505, first);
  const httpVersion: ClientRequest['httpVersion'] = m[4] === '0' ? '1.0' : '1.1';
  const headers: Array<[string, string]> = [];
  let length: string | undefined;
  let te: string | undefined;
  let expect: string | undefined;
  let host = false;
  while (lineEnd !== -1) {
    const start = lineEnd + 1;
    lineEnd = text.indexOf('\n', start);
    const stop = lineEnd === -1 ? text.length : lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const colon = text.indexOf(':', start);
    const lead = text.charCodeAt(start);
    if (colon <= start || colon >= stop || lead === 32 || lead === 9) return rejectWith(400, first, headers);
    const name = text.slice(start, colon);
    const value = text.slice(colon + 1, stop).trim();
    headers.push([name, value]);
    const lower = name.toLowerCase();
    if (lower === 'host') {
      if (host) return rejectWith(400, first, headers);
      host = true;
    } else if (lower === 'content-length') {
      if (length !== undefined || !/^\d+$/.test(value)) return rejectWith(400, first, headers);
      length = value;
    } else if (lower === 'transfer-encoding') te = value.toLowerCase();
    else if (lower === 'expect' && expect === undefined) expect = value;
  }
  const reject = (status: RejectedRequest['rejected']): RejectedRequest => ({ ...rejectWith(status, first, headers), httpVersion });
  if (httpVersion === '1.1' && !host) return reject(400);
  if (te !== undefined && te !== 'chunked') return reject(501);
  if (te !== undefined && length !== undefined) return reject(400);
  const req: ClientRequest = { method: m[1]!, target: m[2]!, httpVersion, headers, body: emptyBody };
  return { req, length: length === undefined ? 0 : Number(length), chunked: te === 'chunked', expect };
}
