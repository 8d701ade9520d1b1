// `return` and `rewrite` (src/http/modules/ngx_http_rewrite_module.c). Each configuration
// level keeps its own ordered list of rewrite operations; they are not inherited. Server-level
// operations run before a location is chosen, location-level ones after.
import { fail } from './conf-values.ts';
import { SL, type Directive, type DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileRegex } from './regex.ts';
import { compileTemplate, type Template } from './template.ts';
import { useTemplate } from './variables-known.ts';

export type RewriteOp =
  | { kind: 'return'; code: number; text?: Template }
  | { kind: 'rewrite'; regex: RegExp; replacement: Template; flag: 'last' | 'break' | 'redirect' | 'permanent' | undefined; redirect: boolean };

const isUrl = (s: string) => s.startsWith('http://') || s.startsWith('https://') || s.startsWith('$scheme');

function returnDirective(d: Directive, ctx: ParseContext): void {
  const [first, second] = d.args as [string, string | undefined];
  let op: RewriteOp;
  if (d.args.length === 1 && isUrl(first)) {
    op = { kind: 'return', code: 302, text: useTemplate(ctx, d, compileTemplate(first)) };
  } else {
    if (!/^\d+$/.test(first) || Number(first) > 999) fail(d, `invalid return code "${first}"`);
    op = { kind: 'return', code: Number(first), ...(second !== undefined ? { text: useTemplate(ctx, d, compileTemplate(second)) } : {}) };
  }
  ctx.loc!.push('rewrite_ops', op);
}

function rewriteDirective(d: Directive, ctx: ParseContext): void {
  const [pattern, replacement, flag] = d.args as [string, string, string | undefined];
  if (flag !== undefined && !['last', 'break', 'redirect', 'permanent'].includes(flag)) fail(d, `invalid parameter "${flag}"`);
  const regex = compileRegex(d, pattern, false);
  ctx.loc!.push('rewrite_ops', {
    kind: 'rewrite',
    regex,
    replacement: useTemplate(ctx, d, compileTemplate(replacement)),
    flag: flag as 'last' | 'break' | 'redirect' | 'permanent' | undefined,
    redirect: flag === 'redirect' || flag === 'permanent' || isUrl(replacement),
  } satisfies RewriteOp);
}

export const rewriteDirectives: DirectiveSpec[] = [
  { name: 'return', contexts: SL, arity: [1, 2], handler: returnDirective },
  { name: 'rewrite', contexts: SL, arity: [2, 3], handler: rewriteDirective },
];
