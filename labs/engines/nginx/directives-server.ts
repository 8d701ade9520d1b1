// `listen` and `server_name` (ngx_http_core_listen, ngx_http_core_server_name in
// src/http/ngx_http_core_module.c).
import { isIP } from 'node:net';
import type { Listen, ServerName } from './config.ts';
import { fail } from './conf-values.ts';
import type { Directive } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileRegex } from './regex.ts';

const unsupportedListenParams = /^(ssl|http2|spdy|proxy_protocol|reuseport|deferred|bind|quic|backlog=|rcvbuf=|sndbuf=|ipv6only=|so_keepalive=|fastopen=|accept_filter=|setfib=)/;

/** The address as nginx prints it in messages: "0.0.0.0:80", "127.0.0.1:8080", "[::1]:80". */
export function listenKey(l: Pick<Listen, 'host' | 'port'>): string {
  return `${l.host === '*' ? '0.0.0.0' : l.host}:${l.port}`;
}

function parseListenAddress(d: Directive, text: string): { host: string; port: number } {
  const portOf = (p: string) => {
    const n = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(n >= 1 && n <= 65535)) fail(d, `invalid port in "${text}" of the "listen" directive`);
    return n;
  };
  if (text.startsWith('unix:')) fail(d, `valid in nginx, not supported by the course proxy: "listen unix:"`);
  if (/^\d+$/.test(text)) return { host: '*', port: portOf(text) };
  let host = text;
  let port = 80;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    host = text.slice(0, close + 1);
    if (text.length > close + 1) {
      if (text[close + 1] !== ':') fail(d, `invalid host in "${text}" of the "listen" directive`);
      port = portOf(text.slice(close + 2));
    }
    if (isIP(host.slice(1, -1)) !== 6) fail(d, `invalid IPv6 address in "${text}" of the "listen" directive`);
    return { host, port };
  }
  const colon = text.lastIndexOf(':');
  if (colon !== -1) {
    host = text.slice(0, colon);
    port = portOf(text.slice(colon + 1));
  }
  if (host === '*' || host === '0.0.0.0') return { host: '*', port };
  if (host.toLowerCase() === 'localhost') return { host: '127.0.0.1', port };
  if (isIP(host) !== 4) fail(d, `host not found in "${text}" of the "listen" directive`);
  return { host, port };
}

export function listenDirective(d: Directive, ctx: ParseContext): void {
  const { host, port } = parseListenAddress(d, d.args[0]!);
  let defaultServer = false;
  for (const param of d.args.slice(1)) {
    if (param === 'default_server') defaultServer = true;
    else if (unsupportedListenParams.test(param)) fail(d, `valid in nginx, not supported by the course proxy: "listen ... ${param}"`);
    else fail(d, `invalid parameter "${param}"`);
  }
  const listen: Listen = { host, port, defaultServer, file: d.file, line: d.line };
  const key = listenKey(listen);
  const server = ctx.server!;
  const http = ctx.http!;
  if (server.listens.some((l) => listenKey(l) === key)) fail(d, `a duplicate listen ${key}`);
  if (defaultServer) {
    const other = http.servers.find((s) => s !== server && s.listens.some((l) => l.defaultServer && listenKey(l) === key));
    if (other) fail(d, `a duplicate default server for ${key}`);
  }
  server.listens.push(listen);
}

export function serverNameDirective(d: Directive, ctx: ParseContext): void {
  const server = ctx.server!;
  for (const raw of d.args) {
    if (server.names.length === 0 && !server.primaryName) server.primaryName = raw.startsWith('.') ? raw.slice(1).toLowerCase() : raw.toLowerCase();
    if (raw.startsWith('~')) {
      const regex = compileRegex(d, raw.slice(1), true);
      for (const name of Object.keys(regexGroupNames(raw.slice(1)))) ctx.state.captureNames.add(name);
      server.names.push({ kind: 'regex', name: raw, regex });
      continue;
    }
    const name = raw.toLowerCase();
    const names: ServerName[] = [];
    if (name.startsWith('.')) {
      names.push({ kind: 'exact', name: name.slice(1) }, { kind: 'wildcard-head', name: '*' + name });
    } else if (name.startsWith('*.')) {
      names.push({ kind: 'wildcard-head', name });
    } else if (name.endsWith('.*')) {
      names.push({ kind: 'wildcard-tail', name });
    } else {
      names.push({ kind: 'exact', name });
    }
    server.names.push(...names);
  }
}

function regexGroupNames(source: string): Record<string, true> {
  const out: Record<string, true> = {};
  for (const m of source.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)) out[m[1]!.toLowerCase()] = true;
  return out;
}

export { regexGroupNames };
