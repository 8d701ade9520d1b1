// The Python values a gunicorn.conf.py of plain assignments can produce, and the arithmetic
// on them, with CPython's rules: `/` always gives a float, `//` and `%` floor toward minus
// infinity, bool is an int, str and list concatenate and repeat.
// https://docs.python.org/3/reference/expressions.html#binary-arithmetic-operations

export type PyValue =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'str'; value: string }
  | { type: 'none' }
  | { type: 'list'; items: PyValue[] }
  | { type: 'tuple'; items: PyValue[] };

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%';

/** A Python exception raised while evaluating, reported with its Python type name. */
export class PyError extends Error {
  readonly pyType: string;
  constructor(pyType: string, message: string) {
    super(message);
    this.pyType = pyType;
  }
}

export const int = (value: number): PyValue => ({ type: 'int', value });
export const float = (value: number): PyValue => ({ type: 'float', value });

function typeName(v: PyValue): string {
  return v.type === 'none' ? 'NoneType' : v.type;
}

function numberOf(v: PyValue): number | undefined {
  if (v.type === 'int' || v.type === 'float') return v.value;
  if (v.type === 'bool') return v.value ? 1 : 0;
  return undefined;
}

function isIntLike(v: PyValue): boolean {
  return v.type === 'int' || v.type === 'bool';
}

/** Python's repr(), used in error messages and --print-config. */
export function pyRepr(v: PyValue): string {
  switch (v.type) {
    case 'int':
      return String(v.value);
    case 'float':
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16 ? `${v.value}.0` : String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'str':
      return `'${v.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
  }
}

/** Python's str(): like repr() except a str prints without quotes. */
export function pyStr(v: PyValue): string {
  return v.type === 'str' ? v.value : pyRepr(v);
}

function unsupported(op: string, a: PyValue, b: PyValue): PyError {
  return new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function sequenceOp(op: BinaryOp, a: PyValue, b: PyValue): PyValue | undefined {
  const seq = (v: PyValue) => v.type === 'str' || v.type === 'list' || v.type === 'tuple';
  if (op === '+' && seq(a) && a.type === b.type) {
    if (a.type === 'str' && b.type === 'str') return { type: 'str', value: a.value + b.value };
    if ((a.type === 'list' || a.type === 'tuple') && (b.type === 'list' || b.type === 'tuple')) return { type: a.type, items: [...a.items, ...b.items] };
  }
  if (op === '*' && (seq(a) && isIntLike(b) || seq(b) && isIntLike(a))) {
    const [s, n] = seq(a) ? [a, numberOf(b)!] : [b, numberOf(a)!];
    const times = Math.max(0, n);
    if (s.type === 'str') return { type: 'str', value: s.value.repeat(times) };
    if (s.type === 'list' || s.type === 'tuple') return { type: s.type, items: Array.from({ length: times }, () => s.items).flat() };
  }
  return undefined;
}

export function binary(op: BinaryOp, a: PyValue, b: PyValue): PyValue {
  const fromSeq = sequenceOp(op, a, b);
  if (fromSeq) return fromSeq;
  const x = numberOf(a);
  const y = numberOf(b);
  if (x === undefined || y === undefined) throw unsupported(op, a, b);
  const ints = isIntLike(a) && isIntLike(b);
  const wrap = (n: number) => (ints ? int(n) : float(n));
  switch (op) {
    case '+':
      return wrap(x + y);
    case '-':
      return wrap(x - y);
    case '*':
      return wrap(x * y);
    case '/':
      if (y === 0) throw new PyError('ZeroDivisionError', 'division by zero');
      return float(x / y);
    case '//':
      if (y === 0) throw new PyError('ZeroDivisionError', ints ? 'integer division or modulo by zero' : 'float floor division by zero');
      return wrap(Math.floor(x / y));
    case '%':
      if (y === 0) throw new PyError('ZeroDivisionError', ints ? 'integer division or modulo by zero' : 'float modulo');
      return wrap(x - y * Math.floor(x / y));
  }
}

export function negate(v: PyValue, op: '-' | '+'): PyValue {
  const n = numberOf(v);
  if (n === undefined) throw new PyError('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`);
  const r = op === '-' ? -n : n;
  return isIntLike(v) ? int(r) : float(r);
}
