// Reads configuration files statement by statement and hands each directive to its handler
// as soon as it is read, like ngx_conf_parse() and ngx_conf_handler() in
// src/core/ngx_conf_file.c, so errors come out in nginx's order with nginx's wording.
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ConfError } from './conf-error.ts';
import { arityAccepts, type Directive } from './directive-spec.ts';
import { directivesNamed } from './directives.ts';
import { expandGlob, hasGlobChars } from './glob.ts';
import { Lexer, type Statement } from './lexer.ts';
import { nginxDirectiveNames } from './nginx-directive-names.ts';
import type { BlockKind, ParseContext, ParseState } from './parse-context.ts';
import { TemplateError } from './template.ts';
import { addType } from './mime-types.ts';

export function readConfFile(path: string, from?: Directive): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '2: No such file or directory' : code === 'EACCES' ? '13: Permission denied' : code === 'EISDIR' ? '21: Is a directory' : String(code);
    throw new ConfError(`open() "${path}" failed (${reason})`, from?.file, from?.line);
  }
}

export class ConfParser {
  private readonly state: ParseState;
  /** Directory that relative include paths start from (nginx's conf_prefix). */
  private readonly confPrefix: string;

  constructor(state: ParseState, confPrefix: string) {
    this.state = state;
    this.confPrefix = confPrefix;
  }

  /** Every file read, in order, with its text (for -T). */
  readonly files = new Map<string, string>();

  parseFile(path: string, ctx: ParseContext, from?: Directive): void {
    const text = readConfFile(path, from);
    this.files.set(path, text);
    this.run(new Lexer(text, path), path, ctx, false);
  }

  /** Parses directives given on the command line with -g, as nginx does, in main context. */
  parseText(text: string, name: string, ctx: ParseContext): void {
    this.run(new Lexer(text, name, true), name, ctx, false);
  }

  private run(lexer: Lexer, file: string, ctx: ParseContext, inBlock: boolean): number {
    for (;;) {
      const st = lexer.next();
      if (st.kind === 'eof') {
        if (inBlock) throw new ConfError('unexpected end of file, expecting "}"', file, st.line);
        return st.line;
      }
      if (st.kind === 'block-end') {
        if (!inBlock) throw new ConfError('unexpected "}"', file, st.line);
        return st.line;
      }
      this.dispatch(st, lexer, file, ctx);
    }
  }

  private dispatch(st: Extract<Statement, { args: string[] }>, lexer: Lexer, file: string, ctx: ParseContext): void {
    const [name = '', ...args] = st.args;
    const d: Directive = { name, args, file, line: st.line };
    if (ctx.kind === 'types' && name !== 'include') {
      if (st.kind === 'block-start') throw new ConfError('unexpected "{"', file, st.line);
      for (const ext of args) addType(ctx.loc!, name, ext, (message) => this.state.warnings.push(`${message} in ${file}:${st.line}`));
      return;
    }
    const specs = directivesNamed(name);
    if (specs.length === 0) {
      if (nginxDirectiveNames.has(name)) {
        throw new ConfError(`valid in nginx, not supported by the course proxy: "${name}"`, file, st.line);
      }
      throw new ConfError(`unknown directive "${name}"`, file, st.line);
    }
    const spec = name === 'include' ? specs[0] : specs.find((s) => (s.contexts as readonly string[]).includes(ctx.kind));
    if (!spec) throw new ConfError(`"${name}" directive is not allowed here`, file, st.line);
    if (!spec.block && st.kind !== 'directive') throw new ConfError(`directive "${name}" is not terminated by ";"`, file, st.line);
    if (spec.block && st.kind !== 'block-start') throw new ConfError(`directive "${name}" has no opening "{"`, file, st.line);
    if (!arityAccepts(spec.arity, args.length)) throw new ConfError(`invalid number of arguments in "${name}" directive`, file, st.line);
    if (name === 'include') return this.include(d, ctx);
    if (!spec.handler) return;

    const blockCtx: ParseContext = { ...ctx, parseBlock: this.blockParser(lexer, file) };
    let rv: string | void;
    try {
      rv = spec.handler(d, blockCtx) as string | void;
    } catch (error) {
      if (error instanceof TemplateError) throw new ConfError(error.message, file, st.line);
      throw error;
    }
    if (typeof rv === 'string') throw new ConfError(`"${name}" directive ${rv}`, file, st.line);
  }

  private blockParser(lexer: Lexer, file: string): ParseContext['parseBlock'] {
    return (child) => {
      const inner: ParseContext = { ...child, state: this.state, parseBlock: this.blockParser(lexer, file) };
      return this.run(lexer, file, inner, true);
    };
  }

  /** `include` (ngx_conf_include): a plain path must exist; a glob may match nothing. */
  private include(d: Directive, ctx: ParseContext): void {
    const pattern = isAbsolute(d.args[0]!) ? d.args[0]! : this.confPrefix + d.args[0]!;
    const files = hasGlobChars(pattern) ? expandGlob(pattern) : [pattern];
    for (const path of files) this.parseFile(path, ctx, d);
  }
}

export type { BlockKind };
