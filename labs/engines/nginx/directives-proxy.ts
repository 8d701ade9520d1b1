// proxy_* directives of src/http/modules/ngx_http_proxy_module.c that the subset keeps, with
// nginx 1.22's defaults (proxy_http_version 1.0; nginx 1.29.7 changed it to 1.1).
import { fail, parseTimeMs, setFlag, setMsec, setNumber } from './conf-values.ts';
import { H, type Directive, type DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileTemplate } from './template.ts';
import { useTemplate } from './variables-known.ts';

export interface ProxyPass {
  /** The URL as written. */
  url: string;
  host: string;
  port: number | undefined;
  /** The URI part ("/app/"), or undefined when proxy_pass has none. */
  uri: string | undefined;
  /** Filled in after parsing: the upstream group this proxy_pass sends to. */
  upstreamName: string;
}

const nextUpstreamFlags = ['error', 'timeout', 'invalid_header', 'http_500', 'http_502', 'http_503', 'http_504', 'http_403', 'http_404', 'http_429', 'non_idempotent', 'updating', 'off'];

function proxyPass(d: Directive, ctx: ParseContext): string | void {
  const loc = ctx.loc!;
  if (loc.own('proxy_pass') !== undefined) return 'is duplicate';
  const url = d.args[0]!;
  if (url.includes('$')) fail(d, 'valid in nginx, not supported by the course proxy: "proxy_pass" with variables');
  if (url.toLowerCase().startsWith('https://')) fail(d, 'valid in nginx, not supported by the course proxy: "proxy_pass https://"');
  if (!url.toLowerCase().startsWith('http://')) fail(d, 'invalid URL prefix');
  const rest = url.slice(7);
  const slash = rest.indexOf('/');
  const hostPort = slash === -1 ? rest : rest.slice(0, slash);
  const uri = slash === -1 ? undefined : rest.slice(slash);
  const location = ctx.location;
  if (uri !== undefined && location && (location.modifier === '~' || location.modifier === '~*' || location.modifier === '@')) {
    fail(d, '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block');
  }
  let host = hostPort;
  let port: number | undefined;
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && !hostPort.endsWith(']')) {
    host = hostPort.slice(0, colon);
    const p = hostPort.slice(colon + 1);
    port = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(port >= 1 && port <= 65535)) fail(d, `invalid port in upstream "${hostPort}"`);
  }
  if (!host) fail(d, `no host in upstream "${hostPort}"`);
  const value: ProxyPass = { url, host: host.toLowerCase(), port, uri, upstreamName: '' };
  loc.values.set('proxy_pass', value);
  ctx.state.proxyPasses.push({ value, file: d.file, line: d.line });
}

function nextUpstream(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own(d.name) !== undefined) return 'is duplicate';
  for (const flag of d.args) if (!nextUpstreamFlags.includes(flag)) fail(d, `invalid value "${flag}"`);
  ctx.loc!.values.set(d.name, d.args.includes('off') ? [] : [...d.args]);
}

function httpVersion(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own(d.name) !== undefined) return 'is duplicate';
  if (d.args[0] !== '1.0' && d.args[0] !== '1.1') fail(d, `invalid value "${d.args[0]}"`);
  ctx.loc!.values.set(d.name, d.args[0]);
}

function proxyRedirect(d: Directive, ctx: ParseContext): string | void {
  const first = d.args[0]!;
  if (d.args.length === 1) {
    if (first !== 'default' && first !== 'off') fail(d, `invalid parameter "${first}"`);
    const existing = ctx.loc!.own<unknown>('proxy_redirect');
    if (existing !== undefined && first === 'off') return 'is duplicate';
    ctx.loc!.values.set('proxy_redirect', first === 'off' ? 'off' : [...((existing as unknown[] | undefined) ?? []), 'default']);
    return;
  }
  const list = ctx.loc!.own<unknown>('proxy_redirect');
  if (list === 'off') return 'is duplicate';
  ctx.loc!.values.set('proxy_redirect', [...((list as unknown[] | undefined) ?? []), { from: first, to: d.args[1]! }]);
}

export const proxyDirectives: DirectiveSpec[] = [
  { name: 'proxy_pass', contexts: ['location'], arity: [1], handler: proxyPass },
  {
    name: 'proxy_set_header', contexts: H, arity: [2],
    handler: (d, ctx) => ctx.loc!.push('proxy_set_header', { name: d.args[0]!, value: useTemplate(ctx, d, compileTemplate(d.args[1]!)) }),
  },
  { name: 'proxy_http_version', contexts: H, arity: [1], handler: httpVersion },
  { name: 'proxy_connect_timeout', contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc!) },
  { name: 'proxy_read_timeout', contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc!) },
  { name: 'proxy_next_upstream', contexts: H, arity: '1more', handler: nextUpstream },
  { name: 'proxy_next_upstream_tries', contexts: H, arity: [1], handler: (d, ctx) => setNumber(d, ctx.loc!) },
  { name: 'proxy_next_upstream_timeout', contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc!) },
  { name: 'proxy_hide_header', contexts: H, arity: [1], handler: (d, ctx) => ctx.loc!.push('proxy_hide_header', d.args[0]!.toLowerCase()) },
  { name: 'proxy_pass_header', contexts: H, arity: [1], handler: (d, ctx) => ctx.loc!.push('proxy_pass_header', d.args[0]!.toLowerCase()) },
  { name: 'proxy_pass_request_headers', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'proxy_pass_request_body', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'proxy_intercept_errors', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'proxy_redirect', contexts: H, arity: [1, 2], handler: proxyRedirect },
];

export { parseTimeMs };
