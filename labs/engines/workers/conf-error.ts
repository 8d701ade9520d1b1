// The one error type of the gunicorn.conf.py reader: it always knows the file and line, so a
// learner reads `gunicorn.conf.py:4: …` and goes straight there.

export class ConfError extends Error {
  readonly line: number;
  readonly detail: string;
  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.line = line;
    this.detail = detail;
  }

  /** The message as printed: `<file>:<line>: <detail>`. */
  format(file: string): string {
    return `${file}:${this.line}: ${this.detail}`;
  }
}

/** Valid Python the course does not read, named by its construct, with what to write instead. */
export function unsupported(line: number, construct: string, advice: string): ConfError {
  return new ConfError(line, `${construct} is valid Python but not supported by the course arbiter: ${advice}`);
}

export const plainAssignmentAdvice = 'the course reads plain assignments such as `workers = 2 * multiprocessing.cpu_count() + 1` (literals, + - * / // %, parentheses, earlier names).';
