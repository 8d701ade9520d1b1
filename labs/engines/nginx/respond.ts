// Writes a reply to the client: nginx's headers and error pages, the gzip filter, the
// Content-Length, no body for HEAD, 204 and 304; then the access log line.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyGzip } from './gzip-filter.ts';
import { applyRange, notModified } from './range-filter.ts';
import { responseHeaders } from './headers-filter.ts';
import { contentTypeFor } from './mime-types.ts';
import type { Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import type { Runtime } from './runtime.ts';
import { reasonPhrase, specialPage } from './special-response.ts';

export function respond(req: IncomingMessage, res: ServerResponse, r: HttpRequest, reply: Reply, rt: Runtime): void {
  if (reply.close) {
    r.status = 444;
    req.socket.destroy();
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
  let headers = responseHeaders(r, { ...reply, ...(contentType !== undefined ? { contentType } : {}) }, Date.now());
  const gz = applyGzip(r, reply.status, headers, body, reply.lengthKnown !== false);
  const ranged = applyRange(r, reply, gz.headers, gz.body, gz.compressed);
  if (ranged.special) return respond(req, res, r, ranged.special, rt);
  const status = ranged.status;
  headers = ranged.headers;
  body = ranged.body;
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  if (noBody) body = Buffer.alloc(0);
  // A 304 carries no Content-Type (ngx_http_header_filter leaves it out).
  if (status === 304) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
  else if (!gz.compressed && reply.lengthKnown !== false) {
    const typeAt = headers.findIndex(([n]) => n.toLowerCase() === 'content-type');
    headers.splice(typeAt === -1 ? 2 : typeAt + 1, 0, ['Content-Length', String(body.length)]);
  }
  r.status = status;
  r.responseHeaders = headers;
  res.sendDate = false;
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  res.writeHead(status, status === reply.status && reply.reason !== undefined ? reply.reason : reasonPhrase(status), flat);
  const sendBody = r.method !== 'HEAD' && req.method !== 'HEAD' && !noBody;
  // Without a known length nginx answers HTTP/1.1 clients in chunks; $body_bytes_sent counts
  // the chunk framing too, as it does for nginx's one chunk plus the last-chunk marker.
  const chunked = sendBody && !headers.some(([n]) => n.toLowerCase() === 'content-length') && r.httpVersion === '1.1' && body.length > 0;
  r.bodyBytesSent = !sendBody ? 0 : chunked ? body.length + body.length.toString(16).length + 4 + 5 : body.length;
  // nginx counts the interim "HTTP/1.1 100 Continue" it sent (25 bytes) in $body_bytes_sent.
  if (r.httpVersion === '1.1' && r.header('expect')?.toLowerCase() === '100-continue') r.bodyBytesSent += 25;
  r.bytesSent = r.bodyBytesSent + flat.reduce((n, s) => n + s.length + 4, 17);
  res.end(sendBody ? body : undefined);
  rt.accessLog.log(r);
}
