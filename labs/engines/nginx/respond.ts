// Writes a reply to the client: nginx's headers and error pages, the gzip filter, the
// Content-Length, no body for HEAD, 204 and 304; then the access log line. The status line and
// headers are written in one buffer with the body, so a small answer is one write on the socket.
import type { ClientConnection } from './client-connection.ts';
import { applyGzip } from './gzip-filter.ts';
import { applyRange, notModified } from './range-filter.ts';
import { responseHeaders } from './headers-filter.ts';
import { contentTypeFor } from './mime-types.ts';
import type { Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import type { Runtime } from './runtime.ts';
import type { UpstreamBody } from './upstream-body.ts';
import { reasonPhrase, specialPage } from './special-response.ts';

/**
 * Statuses after which nginx closes the connection whatever the client asked
 * (ngx_http_special_response_handler clears r->keepalive for them).
 */
const closingStatuses = new Set([400, 413, 414, 494, 500, 501]);

/** Whether the client asked to keep the connection (HTTP/1.1 unless "close", HTTP/1.0 only with "keep-alive"). */
function clientKeepsAlive(r: HttpRequest): boolean {
  const connection = r.header('connection')?.toLowerCase();
  if (r.httpVersion === '1.0') return connection !== undefined && connection.includes('keep-alive');
  return connection === undefined || !connection.includes('close');
}

export function respond(conn: ClientConnection, r: HttpRequest, reply: Reply, rt: Runtime, forceClose = false): void {
  if (reply.close) {
    r.status = 444;
    conn.socket.destroy();
    rt.accessLog.log(r);
    return;
  }
  reply = notModified(r, reply);
  let body = reply.body;
  let contentType = reply.contentType;
  if (reply.special) {
    const page = specialPage(reply.status, r.conf.get<boolean>('server_tokens') ?? true);
    body = page ? Buffer.from(page, 'latin1') : Buffer.alloc(0);
    contentType = page ? 'text/html' : undefined;
  } else if (reply.textReturn) {
    contentType = contentTypeFor(r.conf, r.uri);
  }
  const typed = contentType === undefined || contentType === reply.contentType ? reply : { ...reply, contentType };
  let headers = responseHeaders(r, typed, Date.now());
  const gz = applyGzip(r, reply.status, headers, body, reply.lengthKnown !== false);
  const ranged = applyRange(r, reply, gz.headers, gz.body, gz.compressed);
  if (ranged.special) return respond(conn, r, ranged.special, rt, forceClose);
  const status = ranged.status;
  headers = ranged.headers;
  body = ranged.body;
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  if (noBody) body = Buffer.alloc(0);
  // A 304 carries no Content-Type (ngx_http_header_filter leaves it out).
  let lengthSent = false;
  if (status === 304) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
  else if (!gz.compressed && reply.lengthKnown !== false) {
    const typeAt = headers.findIndex(([n]) => n.toLowerCase() === 'content-type');
    headers.splice(typeAt === -1 ? 2 : typeAt + 1, 0, ['Content-Length', String(reply.stream ? reply.streamLength : body.length)]);
    lengthSent = true;
  }
  r.status = status;
  r.responseHeaders = headers;
  const sendBody = r.method !== 'HEAD' && r.requestMethod !== 'HEAD' && !noBody;
  lengthSent ||= headers.some(([n]) => n.toLowerCase() === 'content-length');
  // Without a known length nginx answers HTTP/1.1 clients in chunks and HTTP/1.0 clients by
  // closing the connection after the body.
  const chunked = sendBody && !lengthSent && r.httpVersion === '1.1';
  const keepAlive = !forceClose && !closingStatuses.has(status) && clientKeepsAlive(r) && (lengthSent || chunked || !sendBody);
  const reason = status === reply.status && reply.reason !== undefined ? reply.reason : reasonPhrase(status);
  let head = `HTTP/1.1 ${status} ${reason}\r\n`;
  let headerBytes = 17;
  for (const [name, value] of headers) {
    head += `${name}: ${value}\r\n`;
    headerBytes += name.length + value.length + 4;
  }
  head += `${chunked ? 'Transfer-Encoding: chunked\r\n' : ''}Connection: ${keepAlive ? 'keep-alive' : 'close'}\r\n\r\n`;
  // $body_bytes_sent counts the chunk framing too, as it does for nginx's one chunk plus the
  // last-chunk marker.
  const framed = !sendBody ? undefined : chunked ? chunk(body) : body;
  r.bodyBytesSent = !sendBody ? 0 : chunked && body.length > 0 ? body.length + body.length.toString(16).length + 4 + 5 : body.length;
  // nginx counts the interim "HTTP/1.1 100 Continue" it sent (25 bytes) in $body_bytes_sent.
  if (r.httpVersion === '1.1' && r.header('expect')?.toLowerCase() === '100-continue') r.bodyBytesSent += 25;
  r.bytesSent = r.bodyBytesSent + headerBytes;
  if (reply.stream && sendBody) return streamBody(conn, r, reply.stream, Buffer.from(head, 'latin1'), headerBytes, chunked, keepAlive, rt);
  reply.stream?.abort();
  // The head and the body in one buffer, one write.
  const out = Buffer.allocUnsafe(head.length + (framed?.length ?? 0));
  out.write(head, 0, 'latin1');
  framed?.copy(out, head.length);
  conn.finish(out, keepAlive);
  rt.accessLog.log(r);
}

/**
 * Passes an upstream body on as it arrives, one chunk per read for HTTP/1.1 clients without a
 * Content-Length; an upstream that stops early leaves the client with a cut-short answer and a
 * closed connection, as nginx does (ngx_http_upstream_process_non_buffered_request and
 * ngx_http_upstream_finalize_request).
 */
function streamBody(conn: ClientConnection, r: HttpRequest, stream: UpstreamBody, head: Buffer, headerBytes: number, chunked: boolean, keepAlive: boolean, rt: Runtime): void {
  let framing = 0;
  let sent = 0;
  conn.write(head);
  stream.attach({
    data(piece) {
      sent += piece.length;
      let ok: boolean;
      if (chunked) {
        const size = `${piece.length.toString(16)}\r\n`;
        framing += size.length + 2;
        ok = conn.write(Buffer.concat([Buffer.from(size, 'latin1'), piece, crlf]));
      } else ok = conn.write(piece);
      // A slow client: stop reading the upstream until the client socket drains.
      if (!ok) {
        stream.pauseSource();
        conn.socket.once('drain', () => stream.resumeSource());
      }
    },
    end(error) {
      r.bodyBytesSent = sent + (sent && chunked ? framing + 5 : 0);
      if (r.httpVersion === '1.1' && r.header('expect')?.toLowerCase() === '100-continue') r.bodyBytesSent += 25;
      r.bytesSent = r.bodyBytesSent + headerBytes;
      if (error !== undefined) {
        rt.errorLog(r, error, r.upstreamAddrs.length ? `http://${r.upstreamAddrs[r.upstreamAddrs.length - 1]}${r.requestUri}` : undefined);
        conn.socket.destroy();
      } else conn.finish(chunked ? lastChunk : noBytes, keepAlive);
      rt.accessLog.log(r);
    },
  });
  conn.socket.once('close', () => stream.abort());
}

const crlf = Buffer.from('\r\n', 'latin1');
const lastChunk = Buffer.from('0\r\n\r\n', 'latin1');
const noBytes = Buffer.alloc(0);

/** The body as one chunk and the last-chunk marker (chunked transfer coding, RFC 9112 7.1). */
function chunk(body: Buffer): Buffer {
  if (body.length === 0) return Buffer.from('0\r\n\r\n', 'latin1');
  return Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`, 'latin1'), body, Buffer.from('\r\n0\r\n\r\n', 'latin1')]);
}
