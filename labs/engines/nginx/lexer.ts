// The tokenizer of nginx's configuration language, following ngx_conf_read_token() in
// src/core/ngx_conf_file.c (nginx 1.22): words are separated by spaces, tabs and newlines;
// a statement ends with ";" or opens a block with "{"; "}" closes a block; "#" starts a
// comment only where a word could start; single or double quotes group a word and must be
// followed by a space, ";" or "{"; a backslash escapes the next character and inside a word
// \" \' \\ \t \r \n are unescaped; "${" inside a word does not open a block.
import { ConfError } from './conf-error.ts';

export type Statement =
  | { kind: 'directive'; args: string[]; line: number }
  | { kind: 'block-start'; args: string[]; line: number }
  | { kind: 'block-end'; line: number }
  | { kind: 'eof'; line: number };

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

export class Lexer {
  private pos = 0;
  private line = 1;
  private readonly text: string;
  private readonly file: string;

  /** Directives given with -g are reported "in command line", without a line number. */
  private readonly commandLine: boolean;

  constructor(text: string, file: string, commandLine = false) {
    this.text = text;
    this.file = file;
    this.commandLine = commandLine;
  }

  get currentLine(): number {
    return this.commandLine ? 0 : this.line;
  }

  private fail(detail: string): never {
    throw new ConfError(detail, this.file, this.currentLine);
  }

  /** Reads the next statement: the words up to ";", "{", "}" or the end of the file. */
  next(): Statement {
    const args: string[] = [];
    const text = this.text;
    let needSpace = false;
    let lastSpace = true;
    let sharpComment = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let variable = false;
    let start = this.pos;

    for (;;) {
      if (this.pos >= text.length) {
        if (args.length > 0 || !lastSpace) {
          this.fail(this.commandLine ? 'unexpected end of parameter, expecting ";"' : 'unexpected end of file, expecting ";" or "}"');
        }
        return { kind: 'eof', line: this.currentLine };
      }
      const ch = text[this.pos++]!;
      if (ch === '\n') {
        this.line++;
        sharpComment = false;
      }
      if (sharpComment) continue;
      if (quoted) {
        quoted = false;
        continue;
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ';') return { kind: 'directive', args, line: this.currentLine };
        if (ch === '{') return { kind: 'block-start', args, line: this.currentLine };
        if (ch === ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          this.fail(`unexpected "${ch}"`);
        }
      }
      if (lastSpace) {
        if (isSpace(ch)) continue;
        start = this.pos - 1;
        switch (ch) {
          case ';':
          case '{':
            if (args.length === 0) this.fail(`unexpected "${ch}"`);
            return { kind: ch === '{' ? 'block-start' : 'directive', args, line: this.currentLine };
          case '}':
            if (args.length > 0) this.fail('unexpected "}"');
            return { kind: 'block-end', line: this.currentLine };
          case '#':
            sharpComment = true;
            continue;
          case '\\':
            quoted = true;
            lastSpace = false;
            continue;
          case '"':
            start++;
            dQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start++;
            sQuoted = true;
            lastSpace = false;
            continue;
          case '$':
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
            continue;
        }
      }
      if (ch === '{' && variable) continue;
      variable = false;
      if (ch === '\\') {
        quoted = true;
        continue;
      }
      if (ch === '$') {
        variable = true;
        continue;
      }
      let found = false;
      if (dQuoted) {
        if (ch === '"') {
          dQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (sQuoted) {
        if (ch === "'") {
          sQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (isSpace(ch) || ch === ';' || ch === '{') {
        lastSpace = true;
        found = true;
      }
      if (!found) continue;
      args.push(unescapeWord(text.slice(start, this.pos - 1)));
      if (ch === ';') return { kind: 'directive', args, line: this.currentLine };
      if (ch === '{') return { kind: 'block-start', args, line: this.currentLine };
    }
  }
}

function unescapeWord(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const nx = raw[i + 1]!;
      if (nx === '"' || nx === "'" || nx === '\\') {
        out += nx;
        i++;
        continue;
      }
      if (nx === 't' || nx === 'r' || nx === 'n') {
        out += nx === 't' ? '\t' : nx === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
