import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { defineCheck, fail, type CheckContext, type CheckDefinition } from '../../../graders/kit/check.ts';
import { defineGrader } from '../../../graders/kit/define-grader.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'check-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(slug: string, run: () => Promise<string>, timeoutMs = 1000): CheckDefinition {
  return defineCheck({ slug, title: `Title of ${slug}`, hint: `Hint for ${slug}`, timeoutMs, needsProgram: false, run });
}

const passes = (slug: string) => check(slug, async () => `${slug} is fine`);
const fails = (slug: string) => check(slug, async () => fail({ message: `${slug} is wrong`, expected: 'right', actual: 'wrong' }));

function hold(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function graderOf(checks: CheckDefinition[], deadlineMs?: number, port = 4433) {
  const manifest = {
    id: 'kit-demo',
    title: 'Kit demo',
    chapter: 'web-servers-and-reverse-proxies',
    summary: 'Checks for the check runner.',
    files: { editable: ['server.js'] },
    start: { command: 'node', args: ['server.js'] },
    ports: [port],
    checks: checks.map(({ slug, title, hint }) => ({ slug, title, hint })),
  };
  return defineGrader({ manifest, manifestFile: 'labs/kit-demo/manifest.json', checks, deadlineMs });
}

async function run(checks: CheckDefinition[], options: { all?: boolean; deadlineMs?: number } = {}) {
  const result = await graderOf(checks, options.deadlineMs).run({ dir, port: 4433, seed: 1, all: options.all });
  expect(graderResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe('the check runner', () => {
  test('runs checks in order and passes when every check passes', async () => {
    const result = await run([passes('first'), passes('second')]);
    expect(result.status).toBe('pass');
    expect(result.checks.map((c) => [c.slug, c.status, c.message])).toEqual([['first', 'pass', 'first is fine'], ['second', 'pass', 'second is fine']]);
  });

  test('stops at the first failure and marks the rest skipped', async () => {
    const result = await run([passes('first'), fails('second'), passes('third')]);
    expect(result.status).toBe('fail');
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'fail', 'skipped']);
    expect(result.checks[1]).toMatchObject({ reason: 'assertion', message: 'second is wrong', expected: 'right', actual: 'wrong', hint: 'Hint for second' });
    expect(result.checks[2]?.message).toMatch(/earlier check failed \(run with --all/);
  });

  test('runs every check after a failure when asked to run them all', async () => {
    const result = await run([fails('first'), passes('second'), fails('third')], { all: true });
    expect(result.checks.map((c) => c.status)).toEqual(['fail', 'pass', 'fail']);
  });

  test('fails a check that outlives its own timeout with reason timeout', async () => {
    const result = await run([check('slow', () => new Promise(() => {}), 100), passes('after')], { all: true });
    expect(result.checks[0]).toMatchObject({ status: 'fail', reason: 'timeout', message: expect.stringContaining('did not finish within 0.1 s') });
    expect(result.checks[1]?.status).toBe('pass');
  });

  test('stops at the whole-run deadline and skips what is left', async () => {
    const hang = (slug: string) => check(slug, () => new Promise(() => {}), 5000);
    const result = await run([hang('first'), hang('second')], { all: true, deadlineMs: 150 });
    expect(result.checks[0]).toMatchObject({ status: 'fail', reason: 'timeout', message: expect.stringContaining('deadline of 0.15 s') });
    expect(result.checks[1]).toMatchObject({ status: 'skipped', message: expect.stringContaining('deadline') });
  });

  test('reports a check that throws an ordinary error as a grader error, never as the learner failing', async () => {
    const result = await run([check('buggy', async () => JSON.parse('{oops') as string), passes('after')], { all: true });
    expect(result.status).toBe('error');
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'grader_error', message: expect.stringContaining('bug in the course, not in your program') });
    expect(result.checks[1]?.status).toBe('skipped');
  });

  test('refuses to grade when its checks differ from the manifest', async () => {
    const grader = graderOf([passes('first')]);
    const mismatched = defineGrader({ manifest: grader.manifest(), manifestFile: 'labs/kit-demo/manifest.json', checks: [passes('renamed')] });
    const result = await mismatched.run({ dir, port: 4433 });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/manifest has "first", grader has "renamed"/);
  });

  test('reports a missing folder as a grader error that does not blame the program', async () => {
    const result = await graderOf([passes('first')]).run({ dir: join(dir, 'missing'), port: 4433 });
    expect(result).toMatchObject({ status: 'error', checks: [] });
    expect(result.message).toMatch(/does not exist.*not a problem with your program/);
  });

  test('refuses to grade on a requested port that another program holds', async () => {
    const holder = await hold(4439);
    try {
      const result = await graderOf([passes('first')]).run({ dir, port: 4439 });
      expect(result.status).toBe('error');
      expect(result.message).toMatch(/port 4439 is already in use by another program/);
    } finally {
      holder.close();
    }
  });

  test('gives the program a free port, and says so, when the lab\'s own port is busy', async () => {
    const holder = await hold(4439);
    try {
      const notes: string[] = [];
      const result = await graderOf([passes('first')], undefined, 4439).run({ dir, onEvent: (event) => event.type === 'note' && notes.push(event.text) });
      expect(result.status).toBe('pass');
      expect(result.port).not.toBe(4439);
      expect(notes).toEqual([expect.stringContaining(`Port 4439 is in use`)]);
    } finally {
      holder.close();
    }
  });

  test('puts the seed it used in the result', async () => {
    const result = await graderOf([passes('first')]).run({ dir, port: 4433, seed: 99 });
    expect(result.seed).toBe(99);
  });

  test('skips what is left when the run is interrupted', async () => {
    const controller = new AbortController();
    const stop = check('stops-the-run', async () => {
      controller.abort();
      return 'done';
    });
    const result = await graderOf([stop, passes('after')]).run({ dir, port: 4433, signal: controller.signal });
    expect(result.status).toBe('error');
    expect(result.checks.at(-1)?.status).toBe('skipped');
    expect(result.message).toMatch(/interrupted/);
  });
});

describe('a series set by a check (ctx.setSeries)', () => {
  const row = { label: '8 clients', p50: 300, p95: 900, p99: 950, throughput: 9.5, errors: 0 };
  const series = { title: 'Latency and throughput as clients grow', unit: 'ms' as const, target: { label: 'p95 ≤ 1000 ms', p95: 1000 }, rows: [row] };
  const measuring = (slug: string, body: (ctx: CheckContext<unknown>) => Promise<string>) =>
    defineCheck({ slug, title: `Title of ${slug}`, hint: `Hint for ${slug}`, timeoutMs: 1000, needsProgram: false, run: body });

  test('lands on the result of a check that passes, and the last one set wins', async () => {
    const result = await run([
      measuring('measures', async (ctx) => {
        ctx.setSeries({ ...series, rows: [{ ...row, label: 'first try' }] });
        ctx.setSeries(series);
        return 'fast enough';
      }),
      passes('plain'),
    ]);
    expect(result.checks[0]).toMatchObject({ status: 'pass', series });
    expect(result.checks[1]).not.toHaveProperty('series');
  });

  test('stays on a check that fails, so the learner sees the numbers behind the failure', async () => {
    const result = await run([
      measuring('too-slow', async (ctx) => {
        try {
          return fail({ message: 'p95 was 2400 ms', expected: 'p95 ≤ 1000 ms', actual: 'p95 2400 ms' });
        } finally {
          ctx.setSeries({ ...series, rows: [{ ...row, p95: 2400 }] });
        }
      }),
    ]);
    expect(result.checks[0]).toMatchObject({ status: 'fail', reason: 'assertion', series: { rows: [{ p95: 2400 }] } });
  });

  test('reports a series that does not match the result schema as a grader error naming the field, never as the learner failing', async () => {
    const result = await run([measuring('bad-series', async (ctx) => {
      ctx.setSeries({ ...series, rows: [{ ...row, p95: -1 }] });
      return 'unreachable';
    })]);
    expect(result.status).toBe('error');
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'grader_error', message: expect.stringMatching(/does not match the result schema: rows\[0\]\.p95: Too small.*received -1/) });
    expect(result.checks[0]).not.toHaveProperty('series');
  });

  test('is left off a check that breaks after measuring', async () => {
    const result = await run([measuring('breaks', async (ctx) => {
      ctx.setSeries(series);
      throw new TypeError('a grader bug after the load steps');
    })]);
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'grader_error' });
    expect(result.checks[0]).not.toHaveProperty('series');
  });
});
