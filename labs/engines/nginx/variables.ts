// Values of variables at request time (src/http/ngx_http_variables.c and the proxy and
// upstream modules' variables).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { HttpRequest } from './request.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "22/Nov/2026:02:54:15 +0000", the $time_local format of the access log. */
export function timeLocal(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const tz = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${pad(d.getDate())}/${months[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${tz}`;
}

/** Milliseconds as nginx prints upstream times: seconds with three decimals, "-" for none. */
const seconds = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(3));

function argValue(args: string, name: string): string | undefined {
  for (const pair of args.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key.toLowerCase() === name) return eq === -1 ? '' : pair.slice(eq + 1);
  }
  return undefined;
}

function cookieValue(r: HttpRequest, name: string): string | undefined {
  for (const header of r.headerValues('cookie')) {
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq !== -1 && part.slice(0, eq).trim().toLowerCase() === name) return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/** $http_x_forwarded_for + ", " + $remote_addr, or $remote_addr alone. */
export function proxyAddXForwardedFor(r: HttpRequest): string {
  const xff = r.headerValues('x-forwarded-for');
  return xff.length ? `${xff.join(', ')}, ${r.client.remoteAddr}` : r.client.remoteAddr;
}

function requestHeader(r: HttpRequest, name: string): string | undefined {
  const header = name.replace(/_/g, '-');
  const values = r.headerValues(header);
  if (values.length === 0) return undefined;
  // nginx 1.22 joins repeated Cookie and X-Forwarded-For headers; for others it takes the first.
  if (header === 'cookie') return values.join('; ');
  if (header === 'x-forwarded-for') return values.join(', ');
  return values[0];
}

export function lookupVariable(r: HttpRequest, name: string): string | undefined {
  switch (name) {
    case 'host': return r.host;
    case 'remote_addr': return r.client.remoteAddr;
    case 'binary_remote_addr': return r.client.remoteAddr;
    case 'remote_port': return String(r.client.remotePort);
    case 'server_addr': return r.client.localAddr;
    case 'server_port': return String(r.client.localPort);
    case 'scheme': return 'http';
    case 'request_uri': return r.requestUri;
    case 'uri':
    case 'document_uri': return r.uri;
    case 'args':
    case 'query_string': return r.args;
    case 'is_args': return r.args ? '?' : '';
    case 'request_method': return r.method;
    case 'request': return r.requestLine;
    case 'server_protocol': return `HTTP/${r.httpVersion}`;
    case 'server_name': return r.server?.primaryName ?? '';
    case 'hostname': return hostname();
    case 'nginx_version': return '1.22.1';
    case 'pid': return String(process.pid);
    case 'msec': return (Date.now() / 1000).toFixed(3);
    case 'time_local': return timeLocal();
    case 'time_iso8601': return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
    case 'request_time': return ((Date.now() - r.startMs) / 1000).toFixed(3);
    case 'status': return r.status ? pad(r.status, 3) : '000';
    case 'body_bytes_sent': return String(r.bodyBytesSent);
    case 'bytes_sent': return String(r.bytesSent);
    case 'request_length': return String(r.requestLine.length + 2 + r.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 2) + r.body.length);
    case 'connection': return String(r.client.connectionId);
    case 'connection_requests': return String(r.client.connectionRequests);
    case 'content_length': return r.header('content-length');
    case 'content_type': return r.header('content-type');
    case 'remote_user': return undefined;
    case 'proxy_host': return r.proxyHost || undefined;
    case 'proxy_port': return r.proxyPort || undefined;
    case 'proxy_add_x_forwarded_for': return proxyAddXForwardedFor(r);
    case 'upstream_addr': return r.upstreamAddrs.length ? r.upstreamAddrs.join(', ') : undefined;
    case 'upstream_status': return r.upstreamStatuses.length ? r.upstreamStatuses.join(', ') : undefined;
    case 'upstream_response_time': return r.upstreamTimes.length ? r.upstreamTimes.map(seconds).join(', ') : undefined;
    case 'upstream_connect_time': return r.upstreamConnectTimes.length ? r.upstreamConnectTimes.map(seconds).join(', ') : undefined;
    case 'request_id': return (r.requestId ||= randomBytes(16).toString('hex'));
    case 'document_root':
    case 'realpath_root': return r.conf?.get<{ template: { source: string } }>('root')?.template.source;
  }
  if (name.startsWith('http_')) return requestHeader(r, name.slice(5));
  if (name.startsWith('arg_')) return argValue(r.args, name.slice(4));
  if (name.startsWith('cookie_')) return cookieValue(r, name.slice(7));
  if (name.startsWith('sent_http_')) return headerIn(r.responseHeaders, name.slice(10));
  if (name.startsWith('upstream_http_')) return headerIn(r.upstreamHeaders, name.slice(14));
  if (name in r.namedCaptures) return r.namedCaptures[name];
  return undefined;
}

function headerIn(list: Array<[string, string]>, name: string): string | undefined {
  const wanted = name.replace(/_/g, '-');
  return list.find(([n]) => n.toLowerCase() === wanted)?.[1];
}
