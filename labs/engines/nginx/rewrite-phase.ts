// Runs the `return` and `rewrite` operations of one configuration level in order
// (ngx_http_rewrite_handler and the script codes in src/http/ngx_http_script.c).
import type { RewriteOp } from './directives-rewrite.ts';
import type { LocConf } from './loc-conf.ts';
import { specialReply, type Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import { renderTemplate } from './template.ts';
import { lookupVariable } from './variables.ts';

export type RewriteResult =
  | { kind: 'continue'; uriChanged: boolean }
  | { kind: 'break' }
  | { kind: 'last' }
  | { kind: 'reply'; reply: Reply };

const redirectCodes = new Set([301, 302, 303, 307, 308]);

/** The result of a level without return or rewrite, shared: most locations have none. */
const nothingToRun: RewriteResult = Object.freeze({ kind: 'continue', uriChanged: false });

export function runRewrites(r: HttpRequest, conf: LocConf): RewriteResult {
  const ops = conf.own<RewriteOp[]>('rewrite_ops');
  if (!ops?.length) return nothingToRun;
  let uriChanged = false;
  for (const op of ops) {
    if (op.kind === 'return') {
      if (op.code === 444) return { kind: 'reply', reply: { ...specialReply(444), close: true } };
      const text = op.text ? renderTemplate(op.text, (n) => lookupVariable(r, n), r.captures) : undefined;
      if (redirectCodes.has(op.code)) {
        return { kind: 'reply', reply: specialReply(op.code, text ?? '') };
      }
      if (text === undefined) return { kind: 'reply', reply: specialReply(op.code) };
      return { kind: 'reply', reply: { status: op.code, headers: [], body: Buffer.from(text, 'latin1'), textReturn: true } };
    }
    const m = op.regex.exec(r.uri);
    if (!m) continue;
    const captures = [...m];
    let target = renderTemplate(op.replacement, (n) => lookupVariable(r, n), captures);
    if (op.redirect) {
      // A redirect keeps the original arguments unless the replacement has its own.
      if (target.endsWith('?')) target = target.slice(0, -1);
      else if (r.args) target += `${target.includes('?') ? '&' : '?'}${r.args}`;
      return { kind: 'reply', reply: specialReply(op.flag === 'permanent' ? 301 : 302, target) };
    }
    const q = target.indexOf('?');
    if (q !== -1) {
      // New arguments replace nothing: the original ones follow them, unless the
      // replacement ends with "?" (ngx_http_script_start_args_code).
      const dropOriginal = target.endsWith('?');
      const own = target.slice(q + 1, dropOriginal ? -1 : undefined);
      r.args = dropOriginal || !r.args ? own : own ? `${own}&${r.args}` : r.args;
      target = target.slice(0, q);
    }
    r.uri = target;
    r.validUnparsedUri = false;
    r.captures = captures;
    uriChanged = true;
    if (op.flag === 'last') return { kind: 'last' };
    if (op.flag === 'break') return { kind: 'break' };
  }
  return { kind: 'continue', uriChanged };
}
