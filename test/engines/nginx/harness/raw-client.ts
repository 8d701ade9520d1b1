// A client that sends requests byte for byte (HTTP/1.0 or 1.1, any target, headers in a given
// order) and reads the whole response, so nginx and the course proxy get identical input.
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { UpstreamResponseParser } from '../../../../labs/engines/nginx/upstream-response-parser.ts';

export interface RawRequest {
  method?: string;
  path: string;
  /** Host header; null sends none. Defaults to localhost:<port>. */
  host?: string | null;
  headers?: Array<[string, string]>;
  body?: string;
  http10?: boolean;
  port?: number;
  /** Wait this long before sending (to let fail_timeout or a rate limit pass). */
  delayMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Array<[string, string]>;
  /** The body, gunzipped when Content-Encoding is gzip. */
  body: string;
  /** True when the server closed the connection without answering (return 444). */
  closed: boolean;
}

export function sendRaw(req: RawRequest, defaultPort: number, timeoutMs = 5000): Promise<RawResponse> {
  const port = req.port ?? defaultPort;
  const method = req.method ?? 'GET';
  let head = `${method} ${req.path} HTTP/${req.http10 ? '1.0' : '1.1'}\r\n`;
  const host = req.host === undefined ? `localhost:${port}` : req.host;
  if (host !== null) head += `Host: ${host}\r\n`;
  for (const [n, v] of req.headers ?? []) head += `${n}: ${v}\r\n`;
  if (req.body !== undefined) head += `Content-Length: ${Buffer.byteLength(req.body)}\r\n`;
  head += 'Connection: close\r\n\r\n';
  return new Promise((resolve, reject) => {
    let parser = new UpstreamResponseParser(method === 'HEAD');
    const socket = connect({ host: '127.0.0.1', port });
    let done = false;
    const finish = (r: RawResponse | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const timer = setTimeout(() => finish(new Error(`no response from port ${port} within ${timeoutMs} ms`)), timeoutMs);
    const toResponse = (res: ReturnType<UpstreamResponseParser['end']>): RawResponse => {
      const gz = res.headers.some(([n, v]) => n.toLowerCase() === 'content-encoding' && v === 'gzip');
      return { status: res.status, headers: res.headers, body: (gz ? gunzipSync(res.body) : res.body).toString('latin1'), closed: false };
    };
    socket.on('connect', () => socket.write(head + (req.body ?? '')));
    socket.on('data', (d: Buffer) => {
      try {
        let res = parser.push(d);
        // Skip interim answers such as "100 Continue" and read on.
        while (res && res.status >= 100 && res.status < 200) {
          const rest = parser.rest();
          parser = new UpstreamResponseParser(method === 'HEAD');
          res = rest.length ? parser.push(rest) : undefined;
        }
        if (res) finish(toResponse(res));
      } catch (e) {
        finish(e as Error);
      }
    });
    socket.on('end', () => {
      if (!parser.headerReceived) return finish({ status: 0, headers: [], body: '', closed: true });
      try {
        finish(toResponse(parser.end()));
      } catch (e) {
        finish(e as Error);
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? finish({ status: 0, headers: [], body: '', closed: true }) : finish(e)));
  });
}
