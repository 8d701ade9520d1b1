// Evaluates the right-hand side of one gunicorn.conf.py assignment: literals, + - * / // %,
// unary minus, parentheses, lists and tuples, names assigned earlier, and
// `multiprocessing.cpu_count()` (answered with the modelled machine's core count).
// Valid Python beyond that is named and refused; anything else is a syntax error.
import { ConfError, plainAssignmentAdvice, unsupported } from './conf-error.ts';
import type { Token } from './py-tokens.ts';
import { binary, float, int, negate, PyError, type BinaryOp, type PyValue } from './py-values.ts';

export interface EvalScope {
  names: Map<string, PyValue>;
  imported: Set<string>;
  cpuCount: number;
  /** Called for every name read, so the reader knows which assignments are helpers. */
  onNameRead(name: string): void;
}

const compareOps = new Set(['==', '!=', '<', '>', '<=', '>=']);
const logicWords = new Set(['and', 'or', 'not', 'in', 'is', 'if']);
const keywords = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

function syntaxError(t: Token): ConfError {
  const what = t.kind === 'newline' || t.kind === 'eof' ? 'the end of the line' : t.kind === 'indent' ? 'an indent' : `'${t.kind === 'string' ? t.value : t.text}'`;
  return new ConfError(t.line, `invalid syntax near ${what}: ${plainAssignmentAdvice}`);
}

function parseNumber(text: string, line: number): PyValue {
  const clean = text.replace(/_/g, '');
  if (/^0[xob]/i.test(clean)) return int(Number(clean.toLowerCase()));
  if (/[.eE]/.test(clean)) return float(Number(clean));
  if (/^0+\d/.test(clean)) throw new ConfError(line, `leading zeros in decimal integer literals are not permitted (${text}); use an 0o prefix for octal integers.`);
  return int(Number(clean));
}

export class ExprReader {
  private pos: number;
  private readonly tokens: Token[];
  private readonly scope: EvalScope;

  constructor(tokens: Token[], start: number, scope: EvalScope) {
    this.tokens = tokens;
    this.pos = start;
    this.scope = scope;
  }

  get position(): number {
    return this.pos;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private expectOp(text: string): void {
    if (!this.isOp(text)) throw syntaxError(this.peek());
    this.pos++;
  }

  private run<T>(line: number, f: () => T): T {
    try {
      return f();
    } catch (error) {
      if (error instanceof PyError) throw new ConfError(line, `${error.pyType}: ${error.message}`);
      throw error;
    }
  }

  /** expression: sum, refusing comparisons, boolean logic and conditional expressions. */
  expression(): PyValue {
    const value = this.sum();
    const t = this.peek();
    if (t.kind === 'op' && compareOps.has(t.text)) throw unsupported(t.line, `a comparison (${t.text})`, 'settings take plain values; compute the value and assign it.');
    if (t.kind === 'name' && t.text === 'if') throw unsupported(t.line, 'a conditional expression (… if … else …)', 'settings take plain values; compute the value and assign it.');
    if (t.kind === 'name' && logicWords.has(t.text)) throw unsupported(t.line, `the \`${t.text}\` operator`, 'settings take plain values; compute the value and assign it.');
    if (t.kind === 'op' && t.text === '**') throw unsupported(t.line, 'the power operator (**)', 'multiply instead, e.g. `2 * 2`.');
    if (t.kind === 'op' && ['&', '|', '^', '<<', '>>', '@'].includes(t.text)) throw unsupported(t.line, `the ${t.text} operator`, plainAssignmentAdvice);
    return value;
  }

  private sum(): PyValue {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.tokens[this.pos++]! as { text: BinaryOp; line: number };
      const right = this.term();
      left = this.run(op.line, () => binary(op.text, left, right));
    }
    return left;
  }

  private term(): PyValue {
    let left = this.unary();
    while (['*', '/', '//', '%'].some((o) => this.isOp(o))) {
      const op = this.tokens[this.pos++]! as { text: BinaryOp; line: number };
      const right = this.unary();
      left = this.run(op.line, () => binary(op.text, left, right));
    }
    return left;
  }

  private unary(): PyValue {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.tokens[this.pos++]! as { text: '-' | '+'; line: number };
      const operand = this.unary();
      return this.run(op.line, () => negate(operand, op.text));
    }
    if (this.isOp('~')) throw unsupported(this.peek().line, 'the ~ operator', plainAssignmentAdvice);
    return this.trailers(this.atom());
  }

  private trailers(value: PyValue): PyValue {
    const t = this.peek();
    if (t.kind !== 'op') return value;
    if (t.text === '(') throw unsupported(t.line, 'a function call', 'the only call the course reads is `multiprocessing.cpu_count()`; write the value itself.');
    if (t.text === '[') throw unsupported(t.line, 'indexing or slicing', 'write the value itself.');
    if (t.text === '.') throw unsupported(t.line, 'attribute access', 'the only attribute the course reads is `multiprocessing.cpu_count()`.');
    return value;
  }

  private sequence(close: string, line: number): { items: PyValue[]; trailingComma: boolean } {
    const items: PyValue[] = [];
    let trailingComma = false;
    while (!this.isOp(close)) {
      items.push(this.expression());
      trailingComma = false;
      if (this.isOp(',')) {
        this.pos++;
        trailingComma = true;
        continue;
      }
      const t = this.peek();
      if (t.kind === 'name' && t.text === 'for') throw unsupported(t.line, 'a comprehension', 'write the list out.');
      if (!this.isOp(close)) throw syntaxError(t.kind === 'eof' ? { ...t, line } : t);
    }
    this.pos++;
    return { items, trailingComma };
  }

  private callOfModule(module: string, line: number): PyValue {
    this.scope.onNameRead(module);
    if (!this.scope.imported.has(module)) throw new ConfError(line, `NameError: name '${module}' is not defined; add \`import ${module}\` above this line.`);
    this.expectOp('.');
    const attr = this.peek();
    if (attr.kind !== 'name') throw syntaxError(attr);
    this.pos++;
    if (attr.text !== 'cpu_count' || !this.isOp('(')) throw unsupported(line, `\`${module}.${attr.text}\``, 'the only function the course reads is `multiprocessing.cpu_count()`.');
    this.pos++;
    this.expectOp(')');
    return int(this.scope.cpuCount);
  }

  private atom(): PyValue {
    const t = this.peek();
    if (t.kind === 'number') {
      this.pos++;
      return parseNumber(t.text, t.line);
    }
    if (t.kind === 'string') {
      let value = '';
      while (this.peek().kind === 'string') value += (this.tokens[this.pos++] as { value: string }).value;
      return { type: 'str', value };
    }
    if (t.kind === 'op' && (t.text === '(' || t.text === '[')) {
      this.pos++;
      const { items, trailingComma } = this.sequence(t.text === '(' ? ')' : ']', t.line);
      if (t.text === '[') return { type: 'list', items };
      return items.length === 1 && !trailingComma ? items[0]! : { type: 'tuple', items };
    }
    if (t.kind === 'op' && t.text === '{') throw unsupported(t.line, 'a dict or set literal', 'the settings the course reads take numbers, strings or lists.');
    if (t.kind !== 'name') throw syntaxError(t);
    this.pos++;
    if (t.text === 'True' || t.text === 'False') return { type: 'bool', value: t.text === 'True' };
    if (t.text === 'None') return { type: 'none' };
    if (t.text === 'lambda') throw unsupported(t.line, 'a lambda', 'hooks and functions are not part of the course subset.');
    if (t.text === 'not') throw unsupported(t.line, 'the `not` operator', 'settings take plain values.');
    if (keywords.has(t.text)) throw syntaxError(t);
    if (this.isOp('.') && this.scope.imported.has(t.text)) return this.callOfModule(t.text, t.line);
    if (this.isOp('.') && t.text === 'multiprocessing') return this.callOfModule(t.text, t.line);
    if (this.isOp('(')) throw unsupported(t.line, `a call to ${t.text}()`, 'the only call the course reads is `multiprocessing.cpu_count()`; write the value itself.');
    if (this.isOp('.')) throw unsupported(t.line, `attribute access on \`${t.text}\``, 'the only attribute the course reads is `multiprocessing.cpu_count()`.');
    this.scope.onNameRead(t.text);
    const value = this.scope.names.get(t.text);
    if (value === undefined) throw new ConfError(t.line, `NameError: name '${t.text}' is not defined; assign it on an earlier line before using it.`);
    return value;
  }
}
