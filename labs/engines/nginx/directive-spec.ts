// How a directive is declared, mirroring nginx's ngx_command_t: the contexts it may appear
// in (NGX_MAIN_CONF, NGX_HTTP_SRV_CONF, ...), its argument count (NGX_CONF_TAKE1,
// NGX_CONF_FLAG, NGX_CONF_1MORE, ...) and whether it opens a block (NGX_CONF_BLOCK).
import type { ParseContext } from './parse-context.ts';

export type ContextKind = 'main' | 'events' | 'http' | 'server' | 'location' | 'upstream';

/** Counts of arguments after the name, or nginx's special arities. */
export type Arity = readonly number[] | 'flag' | '1more' | '2more' | 'any';

export interface Directive {
  name: string;
  /** Arguments after the name, unescaped. */
  args: string[];
  file: string;
  line: number;
}

/**
 * Applies a directive to the configuration. Returns nothing on success or a phrase that
 * nginx appends to the directive name ("is duplicate" → `"root" directive is duplicate`).
 * Block directives parse their own block through `ctx.parseBlock`.
 */
export type DirectiveHandler = (d: Directive, ctx: ParseContext) => string | void | Promise<string | void>;

export interface DirectiveSpec {
  name: string;
  contexts: readonly ContextKind[];
  arity: Arity;
  block?: boolean;
  /** Accepted for compatibility, with no effect in the course proxy (tuning, file paths). */
  noEffect?: boolean;
  handler?: DirectiveHandler;
}

export function arityAccepts(arity: Arity, count: number): boolean {
  if (arity === 'any') return true;
  if (arity === 'flag') return count === 1;
  if (arity === '1more') return count >= 1;
  if (arity === '2more') return count >= 2;
  // nginx checks at most 7 arguments against the TAKEn bits (argument_number[]).
  return count <= 7 && arity.includes(count);
}

export const H = ['http', 'server', 'location'] as const;
export const HS = ['http', 'server'] as const;
export const SL = ['server', 'location'] as const;
