// `add_header` and `expires` (src/http/modules/ngx_http_headers_filter_module.c).
import { parseTimeMs } from './conf-values.ts';
import { H, type Directive, type DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileTemplate, type Template } from './template.ts';
import { fail } from './conf-values.ts';
import { useTemplate } from './variables-known.ts';

export interface AddHeader {
  name: string;
  value: Template;
  always: boolean;
}

export type Expires =
  | { kind: 'off' | 'epoch' | 'max' }
  | { kind: 'access' | 'modified' | 'daily'; seconds: number };

function addHeader(d: Directive, ctx: ParseContext): void {
  const [name, value, always] = d.args as [string, string, string | undefined];
  if (always !== undefined && always !== 'always') fail(d, `invalid parameter "${always}"`);
  ctx.loc!.push<AddHeader>('add_header', { name, value: useTemplate(ctx, d, compileTemplate(value)), always: always === 'always' });
}

function expires(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own('expires') !== undefined) return 'is duplicate';
  let kind: 'access' | 'modified' | 'daily' = 'access';
  let value = d.args[0]!;
  if (d.args.length === 2) {
    if (d.args[0] !== 'modified') return 'invalid value';
    kind = 'modified';
    value = d.args[1]!;
  }
  if (value === 'epoch' || value === 'max' || value === 'off') {
    ctx.loc!.values.set('expires', { kind: value } satisfies Expires);
    return;
  }
  let sign = 1;
  if (value.startsWith('@')) {
    if (kind === 'modified') return 'daily time cannot be used with "modified" parameter';
    kind = 'daily';
    value = value.slice(1);
  } else if (value.startsWith('+')) value = value.slice(1);
  else if (value.startsWith('-')) {
    sign = -1;
    value = value.slice(1);
  }
  const ms = parseTimeMs(value, true);
  if (ms === undefined) return 'invalid value';
  if (kind === 'daily' && ms > 86400000) return 'daily time value must be less than 24 hours';
  ctx.loc!.values.set('expires', { kind, seconds: (sign * ms) / 1000 } satisfies Expires);
}

export const headerDirectives: DirectiveSpec[] = [
  { name: 'add_header', contexts: H, arity: [2, 3], handler: addHeader },
  { name: 'expires', contexts: H, arity: [1, 2], handler: expires },
];
