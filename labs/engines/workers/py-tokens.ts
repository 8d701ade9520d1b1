// Splits a gunicorn.conf.py into Python tokens (names, numbers, strings, operators, logical
// line ends), following Python's lexical rules closely enough that valid files of plain
// assignments tokenize as CPython would: comments, implicit line joining inside brackets,
// backslash continuation, and indentation errors at the start of a statement.
// https://docs.python.org/3/reference/lexical_analysis.html
import { ConfError, unsupported } from './conf-error.ts';

export type Token =
  | { kind: 'name'; text: string; line: number }
  | { kind: 'number'; text: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'op'; text: string; line: number }
  | { kind: 'newline'; line: number }
  /** Leading whitespace before a statement; the statement reader refuses it. */
  | { kind: 'indent'; line: number }
  | { kind: 'eof'; line: number };

const operators = ['**=', '//=', '>>=', '<<=', '->', ':=', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '+', '-', '*', '/', '%', '(', ')', '[', ']', '{', '}', ',', '.', '=', ':', ';', '<', '>', '@', '&', '|', '^', '~'];
const numberPattern = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.)/;
const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };

function readString(src: string, start: number, line: number): { value: string; end: number; lines: number } {
  const quote = src.startsWith('"""', start) || src.startsWith("'''", start) ? src.slice(start, start + 3) : src[start]!;
  let i = start + quote.length;
  let value = '';
  let lines = 0;
  while (i < src.length) {
    if (src.startsWith(quote, i)) return { value, end: i + quote.length, lines };
    const c = src[i]!;
    if (c === '\n') {
      if (quote.length === 1) break;
      lines++;
    }
    if (c === '\\' && i + 1 < src.length) {
      const next = src[i + 1]!;
      value += escapes[next] ?? `\\${next}`;
      if (next === '\n') lines++;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new ConfError(line, 'unterminated string literal: close the string with the quote it opened with.');
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let depth = 0;
  let atLineStart = true;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.kind !== 'newline') tokens.push({ kind: 'newline', line });
      line++;
      i++;
      atLineStart = depth === 0;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      let j = i;
      while (j < src.length && ' \t\r\f'.includes(src[j]!)) j++;
      const blankOrComment = j >= src.length || src[j] === '\n' || src[j] === '#';
      if (atLineStart && !blankOrComment) tokens.push({ kind: 'indent', line });
      i = j;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    atLineStart = false;
    const prefix = /^([rRbBuUfF]{1,2})['"]/.exec(src.slice(i, i + 3));
    if (prefix) {
      const p = prefix[1]!.toLowerCase();
      if (p.includes('f')) throw unsupported(line, 'an f-string', 'write the string out, or build it with +.');
      if (p.includes('b')) throw unsupported(line, 'a bytes literal', 'settings take str values; drop the b prefix.');
      i += prefix[1]!.length;
    }
    if (c === '"' || c === "'" || prefix) {
      const s = readString(src, i, line);
      tokens.push({ kind: 'string', value: s.value, line });
      line += s.lines;
      i = s.end;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], line });
      i += name[0].length;
      continue;
    }
    const num = /[0-9.]/.test(c) ? numberPattern.exec(src.slice(i, i + 200)) : null;
    if (num && num[0] !== '.' && num[0] !== '') {
      tokens.push({ kind: 'number', text: num[0], line });
      i += num[0].length;
      continue;
    }
    const op = operators.find((o) => src.startsWith(o, i));
    if (!op) throw new ConfError(line, `invalid character '${c}' (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}): it is not part of Python syntax.`);
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    tokens.push({ kind: 'op', text: op, line });
    i += op.length;
  }
  if (depth > 0) throw new ConfError(line, "'(' or '[' was never closed: close every bracket you open.");
  if (tokens.length > 0 && tokens[tokens.length - 1]!.kind !== 'newline') tokens.push({ kind: 'newline', line });
  tokens.push({ kind: 'eof', line });
  return tokens;
}
