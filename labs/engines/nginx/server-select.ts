// Picks the virtual server for a request (ngx_http_find_virtual_server and
// ngx_http_validate_host in src/http/ngx_http_request.c): exact name, then the longest
// leading wildcard ("*.example.com"), then the longest trailing wildcard ("www.example.*"),
// then regular expressions in the order they appear, else the default server of the
// address:port (the one marked default_server, otherwise the first).
import type { ServerConf } from './config.ts';
import { BadRequest } from './uri.ts';

export interface ServerChoice {
  server: ServerConf;
  /** Why this server: for --explain and the workbench. */
  reason: string;
  captures?: Record<string, string>;
}

/** Lower-cases the Host value, drops the port and a trailing dot; throws BadRequest when invalid. */
export function validateHost(raw: string): string {
  let host = raw.toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) throw new BadRequest('invalid host');
    host = host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon !== -1) host = host.slice(0, colon);
  }
  if (host.includes('..') || host.includes('/') || host.includes('\\') || host.includes('\0')) throw new BadRequest('invalid host');
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

export function selectServer(servers: ServerConf[], defaultServer: ServerConf, host: string): ServerChoice {
  if (host) {
    for (const server of servers) {
      if (server.names.some((n) => n.kind === 'exact' && n.name === host)) return { server, reason: `server_name "${host}" matches exactly` };
    }
    let best: { server: ServerConf; name: string } | undefined;
    for (const server of servers) {
      for (const n of server.names) {
        if (n.kind !== 'wildcard-head') continue;
        const suffix = n.name.slice(1);
        if (host.endsWith(suffix) && (!best || n.name.length > best.name.length)) best = { server, name: n.name };
      }
    }
    if (best) return { server: best.server, reason: `server_name "${best.name}" is the longest matching leading wildcard` };
    for (const server of servers) {
      for (const n of server.names) {
        if (n.kind !== 'wildcard-tail') continue;
        const prefix = n.name.slice(0, -1);
        if (host.startsWith(prefix) && host.length > prefix.length && (!best || n.name.length > best.name.length)) best = { server, name: n.name };
      }
    }
    if (best) return { server: best.server, reason: `server_name "${best.name}" is the longest matching trailing wildcard` };
    for (const server of servers) {
      for (const n of server.names) {
        if (n.kind !== 'regex') continue;
        const m = n.regex!.exec(host);
        if (m) return { server, reason: `server_name "${n.name}" is the first regular expression that matches`, ...(m.groups ? { captures: { ...m.groups } } : {}) };
      }
    }
  } else {
    for (const server of servers) {
      if (server.names.some((n) => n.kind === 'exact' && n.name === '')) return { server, reason: 'the request has no Host and this server has server_name ""' };
    }
  }
  const which = defaultServer.listens.some((l) => l.defaultServer) ? 'marked default_server' : 'the first server on this address:port';
  return { server: defaultServer, reason: `no server_name matches "${host}", so the default server answers (${which})` };
}
