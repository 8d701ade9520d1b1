// gzip essentials (src/http/modules/ngx_http_gzip_filter_module.c, and gzip_vary,
// gzip_proxied, gzip_http_version, gzip_disable from ngx_http_core_module.c).
import { fail, setFlag, setSize } from './conf-values.ts';
import { H, type Directive, type DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileRegex } from './regex.ts';

const proxiedFlags = ['off', 'expired', 'no-cache', 'no-store', 'private', 'no_last_modified', 'no_etag', 'auth', 'any'];

function gzipTypes(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own('gzip_types') !== undefined) return 'is duplicate';
  // ngx_http_types_slot always keeps text/html in the list.
  ctx.loc!.values.set('gzip_types', d.args.includes('*') ? '*' : ['text/html', ...d.args.map((t) => t.toLowerCase())]);
}

function compLevel(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own(d.name) !== undefined) return 'is duplicate';
  const n = /^\d+$/.test(d.args[0]!) ? Number(d.args[0]) : NaN;
  if (Number.isNaN(n)) return 'invalid number';
  if (n < 1 || n > 9) fail(d, 'value must be between 1 and 9');
  ctx.loc!.values.set(d.name, n);
}

function gzipProxied(d: Directive, ctx: ParseContext): string | void {
  for (const flag of d.args) if (!proxiedFlags.includes(flag)) fail(d, `invalid value "${flag}"`);
  ctx.loc!.push('gzip_proxied', ...d.args);
}

function gzipHttpVersion(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own(d.name) !== undefined) return 'is duplicate';
  if (d.args[0] !== '1.0' && d.args[0] !== '1.1') fail(d, `invalid value "${d.args[0]}"`);
  ctx.loc!.values.set(d.name, d.args[0]);
}

function gzipDisable(d: Directive, ctx: ParseContext): void {
  for (const arg of d.args) ctx.loc!.push('gzip_disable', arg === 'msie6' ? 'msie6' : compileRegex(d, arg, true));
}

export const gzipDirectives: DirectiveSpec[] = [
  { name: 'gzip', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'gzip_types', contexts: H, arity: '1more', handler: gzipTypes },
  { name: 'gzip_min_length', contexts: H, arity: [1], handler: (d, ctx) => setSize(d, ctx.loc!) },
  { name: 'gzip_comp_level', contexts: H, arity: [1], handler: compLevel },
  { name: 'gzip_vary', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'gzip_proxied', contexts: H, arity: '1more', handler: gzipProxied },
  { name: 'gzip_http_version', contexts: H, arity: [1], handler: gzipHttpVersion },
  { name: 'gzip_disable', contexts: H, arity: '1more', handler: gzipDisable },
];
