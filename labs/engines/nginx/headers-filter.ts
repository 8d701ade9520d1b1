// The response headers nginx writes (ngx_http_header_filter in
// src/http/ngx_http_header_filter_module.c) plus those of the headers filter
// (ngx_http_headers_filter_module.c): expires and add_header, applied for 200, 201, 204, 206,
// 301, 302, 303, 304, 307 and 308 only, unless add_header says "always". A Location that
// starts with "/" becomes absolute: http://host[:port]/... (absolute_redirect,
// server_name_in_redirect, port_in_redirect).
import type { AddHeader, Expires } from './directives-headers.ts';
import { httpDate } from './http-date.ts';
import type { Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import { headerSafeStatuses, serverToken } from './special-response.ts';
import { render } from './static-files.ts';

/** "<hex mtime>-<hex size>" in quotes (ngx_http_set_etag). */
export const fileEtag = (mtimeMs: number, size: number) => `"${Math.floor(mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;

function absoluteLocation(r: HttpRequest, location: string): string {
  if (!location.startsWith('/') || r.conf.get<boolean>('absolute_redirect') === false) return location;
  const host = r.conf.get<boolean>('server_name_in_redirect') ? r.server.primaryName : r.host || r.client.localAddr;
  const port = r.client.localPort !== 80 && r.conf.get<boolean>('port_in_redirect') !== false ? `:${r.client.localPort}` : '';
  return `http://${host}${port}${location}`;
}

function expiresHeaders(e: Expires, now: number, mtimeMs: number | undefined): Array<[string, string]> {
  if (e.kind === 'off') return [];
  if (e.kind === 'epoch') return [['Expires', 'Thu, 01 Jan 1970 00:00:01 GMT'], ['Cache-Control', 'no-cache']];
  if (e.kind === 'max') return [['Expires', 'Thu, 31 Dec 2037 23:55:55 GMT'], ['Cache-Control', 'max-age=315360000']];
  const nowSec = Math.floor(now / 1000);
  const seconds = (e as { seconds: number }).seconds;
  let expiresSec: number;
  if (e.kind === 'access') {
    if (e.seconds < 0) return [['Expires', httpDate((nowSec + e.seconds) * 1000)], ['Cache-Control', 'no-cache']];
    return [['Expires', httpDate((nowSec + e.seconds) * 1000)], ['Cache-Control', `max-age=${e.seconds}`]];
  }
  if (e.kind === 'modified') expiresSec = Math.floor((mtimeMs ?? now) / 1000) + seconds;
  else {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    expiresSec = Math.floor(midnight.getTime() / 1000) + seconds;
    if (expiresSec <= nowSec) expiresSec += 86400;
  }
  const maxAge = expiresSec - nowSec;
  return [['Expires', httpDate(expiresSec * 1000)], ['Cache-Control', maxAge <= 0 ? 'no-cache' : `max-age=${maxAge}`]];
}

export function responseHeaders(r: HttpRequest, reply: Reply, now: number): Array<[string, string]> {
  const tokens = r.conf.get<boolean>('server_tokens') ?? true;
  // An upstream's own Server or Date (passed with proxy_pass_header) replaces nginx's.
  const fromUpstream = (name: string) => reply.proxied === true && reply.headers.some(([n]) => n.toLowerCase() === name);
  const out: Array<[string, string]> = [];
  if (!fromUpstream('server')) out.push(['Server', serverToken(tokens)]);
  if (!fromUpstream('date')) out.push(['Date', httpDate(now)]);
  if (reply.contentType) out.push(['Content-Type', reply.contentType]);
  if (reply.mtimeMs !== undefined) {
    // nginx drops Last-Modified from statuses other than 200, 206 and 304 but keeps the ETag.
    if (reply.status === 200 || reply.status === 206 || reply.status === 304) out.push(['Last-Modified', httpDate(reply.mtimeMs)]);
    out.push(['ETag', fileEtag(reply.mtimeMs, reply.fileSize ?? 0)]);
  }
  if (reply.location !== undefined) out.push(['Location', absoluteLocation(r, reply.location)]);
  for (const h of reply.headers) {
    const name = h[0];
    out.push(name.length === 8 && name.toLowerCase() === 'location' ? [name, absoluteLocation(r, h[1])] : h);
  }
  const safe = headerSafeStatuses.has(reply.status);
  const expires = r.conf.get<Expires>('expires');
  if (expires && safe) {
    const set = expiresHeaders(expires, now, reply.mtimeMs);
    if (set.length) {
      for (let i = out.length - 1; i >= 0; i--) {
        const lower = out[i]![0].toLowerCase();
        if (lower === 'expires' || lower === 'cache-control') out.splice(i, 1);
      }
      out.push(...set);
    }
  }
  for (const h of r.conf.get<AddHeader[]>('add_header') ?? []) {
    if (!safe && !h.always) continue;
    const value = render(r, h.value);
    if (value !== '') out.push([h.name, value]);
  }
  return out;
}
