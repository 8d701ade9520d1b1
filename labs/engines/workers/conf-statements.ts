// Reads the statements of a gunicorn.conf.py: `import multiprocessing`, `name = expression`,
// docstrings. Every other statement is named (a for loop, an if statement, a def, …) and
// refused with its line, so a learner knows it is valid Python the course does not read.
import { ConfError, plainAssignmentAdvice, unsupported } from './conf-error.ts';
import { ExprReader, type EvalScope } from './py-expr.ts';
import { tokenize, type Token } from './py-tokens.ts';
import type { PyValue } from './py-values.ts';

export interface Assignment {
  name: string;
  value: PyValue;
  line: number;
}

export interface ReadStatements {
  /** The last assignment of each name, in file order of first assignment. */
  assignments: Map<string, Assignment>;
  /** Names some expression read after they were assigned (helper variables). */
  namesRead: Set<string>;
}

const keywordConstructs: Record<string, string> = {
  for: 'a for loop',
  while: 'a while loop',
  if: 'an if statement',
  def: 'a function definition',
  class: 'a class definition',
  with: 'a with statement',
  try: 'a try statement',
  from: 'a from-import',
  del: 'a del statement',
  assert: 'an assert statement',
  raise: 'a raise statement',
  return: 'a return statement',
  global: 'a global statement',
  nonlocal: 'a nonlocal statement',
  pass: 'a pass statement',
  async: 'an async statement',
  lambda: 'a lambda',
  elif: 'an elif clause',
  else: 'an else clause',
};

function statementEnd(tokens: Token[], pos: number): void {
  const t = tokens[pos]!;
  if (t.kind === 'newline' || t.kind === 'eof') return;
  if (t.kind === 'op' && t.text === ';') throw unsupported(t.line, 'several statements on one line (;)', 'put each assignment on its own line.');
  if (t.kind === 'op' && t.text === '=') throw unsupported(t.line, 'a chained assignment (a = b = …)', 'assign each name on its own line.');
  throw new ConfError(t.line, `invalid syntax near '${t.kind === 'string' ? t.value : 'text' in t ? t.text : ''}': ${plainAssignmentAdvice}`);
}

function readImport(tokens: Token[], pos: number, imported: Set<string>): number {
  const first = tokens[pos]!;
  const names: string[] = [];
  let i = pos + 1;
  for (;;) {
    const t = tokens[i]!;
    if (t.kind !== 'name') throw new ConfError(first.line, 'invalid syntax: `import` needs a module name.');
    let dotted = t.text;
    i++;
    while (tokens[i]!.kind === 'op' && (tokens[i] as { text: string }).text === '.' && tokens[i + 1]!.kind === 'name') {
      dotted += `.${(tokens[i + 1] as { text: string }).text}`;
      i += 2;
    }
    names.push(dotted);
    const next = tokens[i]!;
    if (next.kind === 'name' && next.text === 'as') throw unsupported(first.line, '`import … as …`', 'write `import multiprocessing` and call `multiprocessing.cpu_count()`.');
    if (next.kind === 'op' && next.text === ',') {
      i++;
      continue;
    }
    break;
  }
  for (const name of names) {
    if (name !== 'multiprocessing') throw unsupported(first.line, `\`import ${name}\``, 'the only import the course reads is `import multiprocessing` (for `multiprocessing.cpu_count()`).');
    imported.add(name);
  }
  statementEnd(tokens, i);
  return i;
}

function readAssignment(tokens: Token[], pos: number, scope: EvalScope, result: ReadStatements): number {
  const target = tokens[pos] as Token & { kind: 'name' };
  const next = tokens[pos + 1]!;
  if (next.kind === 'op' && next.text.length >= 2 && next.text.endsWith('=') && !['==', '<=', '>=', '!='].includes(next.text)) {
    throw unsupported(next.line, `augmented assignment (${next.text})`, `write \`${target.text} = ${target.text} ${next.text.slice(0, -1)} …\` instead.`);
  }
  if (next.kind === 'op' && next.text === ',') throw unsupported(next.line, 'unpacking assignment (a, b = …)', 'assign each name on its own line.');
  if (next.kind === 'op' && next.text === ':') throw unsupported(next.line, 'an annotated assignment (name: type = …)', 'drop the type annotation.');
  if (next.kind === 'op' && (next.text === '.' || next.text === '[')) throw unsupported(next.line, 'assignment to an attribute or item', 'assign a plain name such as `workers = 3`.');
  if (!(next.kind === 'op' && next.text === '=')) {
    const reader = new ExprReader(tokens, pos, scope);
    reader.expression();
    statementEnd(tokens, reader.position);
    throw unsupported(target.line, 'an expression statement', `it computes a value and throws it away; ${plainAssignmentAdvice}`);
  }
  const reader = new ExprReader(tokens, pos + 2, scope);
  const value = reader.expression();
  statementEnd(tokens, reader.position);
  scope.names.set(target.text, value);
  result.assignments.delete(target.text);
  result.assignments.set(target.text, { name: target.text, value, line: target.line });
  return reader.position;
}

/** Reads every statement; throws ConfError at the first one the course does not support. */
export function readStatements(source: string, cpuCount: number): ReadStatements {
  const tokens = tokenize(source);
  const result: ReadStatements = { assignments: new Map(), namesRead: new Set() };
  const scope: EvalScope = { names: new Map(), imported: new Set(), cpuCount, onNameRead: (name) => result.namesRead.add(name) };
  let pos = 0;
  while (tokens[pos]!.kind !== 'eof') {
    const t = tokens[pos]!;
    if (t.kind === 'indent') throw new ConfError(t.line, 'unexpected indent: a statement of a configuration file starts at the beginning of its line.');
    if (t.kind === 'newline') {
      pos++;
      continue;
    }
    if (t.kind === 'string') {
      // A bare string is a docstring or comment-like statement: Python evaluates and drops it.
      const reader = new ExprReader(tokens, pos, scope);
      reader.expression();
      statementEnd(tokens, reader.position);
      pos = reader.position;
      continue;
    }
    if (t.kind === 'name' && t.text === 'import') pos = readImport(tokens, pos, scope.imported);
    else if (t.kind === 'name' && keywordConstructs[t.text]) throw unsupported(t.line, keywordConstructs[t.text]!, plainAssignmentAdvice);
    else if (t.kind === 'op' && t.text === '@') throw unsupported(t.line, 'a decorator', 'hooks and functions are not part of the course subset.');
    else if (t.kind === 'name') pos = readAssignment(tokens, pos, scope, result);
    else {
      const reader = new ExprReader(tokens, pos, scope);
      reader.expression();
      statementEnd(tokens, reader.position);
      throw unsupported(t.line, 'an expression statement', plainAssignmentAdvice);
    }
  }
  return result;
}
