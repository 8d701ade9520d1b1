// The gunicorn.conf.py reader on real fixture files: what it accepts, and the line and words
// of every refusal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfError } from '../../../labs/engines/workers/conf-error.ts';
import { readConfSource } from '../../../labs/engines/workers/conf-file.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/workers/configs/${name}`, import.meta.url), 'utf8');

function refusal(name: string, cores = 2): string {
  try {
    readConfSource(fixture(name), cores);
  } catch (error) {
    if (error instanceof ConfError) return error.format('gunicorn.conf.py');
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('reading gunicorn.conf.py', () => {
  it('sizes workers from multiprocessing.cpu_count(), which answers with the modelled cores', () => {
    expect(readConfSource(fixture('sized-from-cores.py'), 4).values).toEqual({ workers: 9, threads: 4, timeout: 20, bind: ['127.0.0.1:21010'] });
    expect(readConfSource(fixture('sized-from-cores.py'), 1).values.workers).toBe(3);
  });

  it('accepts helper variables, docstrings, floor division and numeric strings as Gunicorn converts them', () => {
    expect(readConfSource(fixture('helper-variable.py'), 2).values).toEqual({ workers: 3, max_requests: 1000, max_requests_jitter: 100, graceful_timeout: 3, keepalive: 5 });
  });

  it('records the line that set each setting', () => {
    expect(readConfSource(fixture('sized-from-cores.py'), 2).lines).toEqual({ workers: 4, threads: 5, timeout: 6, bind: 7 });
  });

  it('names a for loop as valid Python the course does not read, with its line', () => {
    expect(refusal('for-loop.py')).toMatch(/^gunicorn\.conf\.py:2: a for loop is valid Python but not supported by the course arbiter: /);
  });

  it('refuses an import other than multiprocessing', () => {
    expect(refusal('import-os.py')).toMatch(/^gunicorn\.conf\.py:1: `import os` is valid Python but not supported/);
  });

  it('refuses function calls other than multiprocessing.cpu_count()', () => {
    expect(refusal('function-call.py')).toMatch(/^gunicorn\.conf\.py:1: a call to int\(\) is valid Python but not supported/);
  });

  it('suggests the setting a misspelt name was meant to be, which Gunicorn itself would ignore', () => {
    const message = refusal('misspelt-setting.py');
    expect(message).toMatch(/^gunicorn\.conf\.py:2: unknown setting `worker`; did you mean `workers`\?/);
    expect(message).toContain('silently ignores');
  });

  it('tells a real Gunicorn setting the course does not implement from an unknown name', () => {
    expect(refusal('unsupported-setting.py')).toMatch(/^gunicorn\.conf\.py:1: `accesslog` is a Gunicorn setting the course arbiter does not support/);
  });

  it("refuses a float for an int setting with Gunicorn's own reason", () => {
    expect(refusal('float-threads.py')).toBe(
      "gunicorn.conf.py:2: Invalid value for threads: 2.5 (int() can't convert non-string with explicit base); expected a whole number of 0 or more, such as 4.",
    );
    expect(refusal('true-division.py')).toContain('Invalid value for workers: 2.5');
  });

  it('refuses a negative timeout as Gunicorn does', () => {
    expect(refusal('negative-timeout.py')).toContain('Invalid value for timeout: -1 (Value must be positive: -1)');
  });

  it('reports a name used before it is assigned as a NameError on its line', () => {
    expect(refusal('undefined-name.py')).toMatch(/^gunicorn\.conf\.py:1: NameError: name 'cores' is not defined/);
  });

  it('reports an unclosed bracket as a syntax error', () => {
    expect(refusal('unclosed-bracket.py')).toMatch(/never closed/);
  });

  it('refuses worker classes other than sync and gthread', () => {
    expect(refusal('gevent.py')).toMatch(/worker class 'gevent' is valid in Gunicorn but not supported by the course arbiter/);
  });

  it('evaluates arithmetic with Python semantics', () => {
    const values = (src: string) => readConfSource(src, 2).values;
    expect(values('workers = -7 // 2 + 10\n').workers).toBe(6);
    expect(values('workers = -7 % 3\n').workers).toBe(2);
    expect(values('workers = (1 + 2) * 3\n').workers).toBe(9);
    expect(values('bind = "127.0.0.1:" + "21011"\n').bind).toEqual(['127.0.0.1:21011']);
    expect(values('workers = True + 1\n').workers).toBe(2);
  });
});
