// `upstream`, its `server` lines and the balancing methods (src/http/ngx_http_upstream.c,
// ngx_http_upstream_least_conn_module.c, ngx_http_upstream_ip_hash_module.c).
import { isIP } from 'node:net';
import type { UpstreamConf, UpstreamServer } from './config.ts';
import { fail, parseTimeMs } from './conf-values.ts';
import type { Directive, DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';

function upstreamBlock(d: Directive, ctx: ParseContext): void {
  const http = ctx.http!;
  const name = d.args[0]!.toLowerCase();
  const existing = http.upstreams.get(name);
  if (existing?.explicit) fail(d, `duplicate upstream "${d.args[0]}"`);
  const upstream: UpstreamConf = { name, servers: [], balancer: 'round-robin', explicit: true, file: d.file, line: d.line };
  http.upstreams.set(name, upstream);
  const endLine = ctx.parseBlock({ kind: 'upstream', http, upstream });
  if (upstream.servers.length === 0) fail({ ...d, line: endLine }, 'no servers are inside upstream');
}

/** Splits "host:port", "[v6]:port" or "host" (port 80). */
export function splitHostPort(d: Directive, text: string, what: string): { host: string; port: number } {
  if (text.startsWith('unix:')) fail(d, `valid in nginx, not supported by the course proxy: "${what} unix:"`);
  let host = text;
  let port = 80;
  const colon = text.lastIndexOf(':');
  if (colon !== -1 && !text.endsWith(']') && (text.startsWith('[') || text.indexOf(':') === colon)) {
    host = text.slice(0, colon);
    const p = text.slice(colon + 1);
    port = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(port >= 1 && port <= 65535)) fail(d, `invalid port in upstream "${text}"`);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host: host.toLowerCase(), port };
}

function upstreamServer(d: Directive, ctx: ParseContext): void {
  const upstream = ctx.upstream!;
  const { host, port } = splitHostPort(d, d.args[0]!, 'server');
  const server: UpstreamServer = {
    address: d.args[0]!, host, port, weight: 1, maxFails: 1, failTimeoutMs: 10000, backup: false, down: false, file: d.file, line: d.line,
  };
  for (const param of d.args.slice(1)) {
    const [key, value] = param.includes('=') ? [param.slice(0, param.indexOf('=')), param.slice(param.indexOf('=') + 1)] : [param, undefined];
    const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
    if (key === 'weight' && n >= 1) server.weight = n;
    else if (key === 'max_fails' && n >= 0) server.maxFails = n;
    else if (key === 'fail_timeout' && value !== undefined && parseTimeMs(value, true) !== undefined) server.failTimeoutMs = parseTimeMs(value, true)!;
    else if (param === 'backup') {
      if (upstream.balancer === 'ip_hash') fail(d, 'balancing method does not support parameter "backup"');
      server.backup = true;
    } else if (param === 'down') server.down = true;
    else if (key === 'max_conns' || key === 'slow_start' || key === 'resolve' || key === 'service' || key === 'route') {
      fail(d, `valid in nginx, not supported by the course proxy: "server ... ${key}"`);
    } else fail(d, `invalid parameter "${param}"`);
  }
  if (!isIP(host) && host !== 'localhost') ctx.state.hostnames.push({ host, file: d.file, line: d.line, upstream: upstream.name });
  upstream.servers.push(server);
}

function balancer(kind: 'least_conn' | 'ip_hash') {
  return (_d: Directive, ctx: ParseContext): void => {
    const upstream = ctx.upstream!;
    if (upstream.balancer !== 'round-robin') ctx.state.warnings.push(`load balancing method redefined in ${_d.file}:${_d.line}`);
    if (kind === 'ip_hash' && upstream.servers.some((s) => s.backup)) fail(_d, 'balancing method does not support parameter "backup"');
    upstream.balancer = kind;
  };
}

function keepalive(d: Directive, ctx: ParseContext): string | void {
  const upstream = ctx.upstream!;
  if (upstream.keepalive !== undefined) return 'is duplicate';
  const n = /^\d+$/.test(d.args[0]!) ? Number(d.args[0]) : 0;
  if (n === 0) fail(d, `invalid value "${d.args[0]}" in "${d.name}" directive`);
  upstream.keepalive = n;
}

export const upstreamDirectives: DirectiveSpec[] = [
  { name: 'keepalive', contexts: ['upstream'], arity: [1], handler: keepalive },
  { name: 'upstream', contexts: ['http'], arity: [1], block: true, handler: upstreamBlock },
  { name: 'server', contexts: ['upstream'], arity: '1more', handler: upstreamServer },
  { name: 'least_conn', contexts: ['upstream'], arity: [0], handler: balancer('least_conn') },
  { name: 'ip_hash', contexts: ['upstream'], arity: [0], handler: balancer('ip_hash') },
];
