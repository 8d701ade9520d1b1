// access_log and log_format (src/http/modules/ngx_http_log_module.c).
import { isAbsolute, join } from 'node:path';
import { fail } from './conf-values.ts';
import type { Directive, DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileTemplate, type Template } from './template.ts';
import { useTemplate } from './variables-known.ts';

export const combinedFormat = compileTemplate(
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
);

export type AccessLog = { path: string; format: Template } | 'off';

function accessLog(d: Directive, ctx: ParseContext): string | void {
  const loc = ctx.loc!;
  const [path, format = 'combined', ...params] = d.args as [string, string | undefined, ...string[]];
  if (path === 'off') {
    if (d.args.length > 1) fail(d, `invalid parameter "${d.args[1]}"`);
    loc.values.set('access_log', 'off');
    return;
  }
  if (path.startsWith('syslog:')) fail(d, 'valid in nginx, not supported by the course proxy: "access_log syslog:"');
  for (const p of params) {
    if (/^(buffer|gzip|flush|if)=?/.test(p)) fail(d, `valid in nginx, not supported by the course proxy: "access_log ... ${p}"`);
    fail(d, `invalid parameter "${p}"`);
  }
  const template = ctx.http!.logFormats.get(format);
  if (!template) fail(d, `unknown log format "${format}"`);
  const full = isAbsolute(path) || path.startsWith('/dev/') ? path : join(ctx.state.config.prefix, path);
  const list = loc.own<AccessLog[] | 'off'>('access_log');
  loc.values.set('access_log', [...(Array.isArray(list) ? list : []), { path: full, format: template }]);
}

function logFormat(d: Directive, ctx: ParseContext): void {
  const [name, ...rest] = d.args as [string, ...string[]];
  if (ctx.http!.logFormats.has(name)) fail(d, `duplicate "log_format" name "${name}"`);
  let parts = rest;
  if (parts[0]?.startsWith('escape=')) {
    if (!['escape=default', 'escape=json', 'escape=none'].includes(parts[0])) fail(d, `unknown log format escaping "${parts[0].slice(7)}"`);
    parts = parts.slice(1);
  }
  ctx.http!.logFormats.set(name, useTemplate(ctx, d, compileTemplate(parts.join(''))));
}

export const logDirectives: DirectiveSpec[] = [
  { name: 'access_log', contexts: ['http', 'server', 'location'], arity: '1more', handler: accessLog },
  { name: 'log_format', contexts: ['http'], arity: '2more', handler: logFormat },
];
