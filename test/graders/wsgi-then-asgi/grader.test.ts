import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { grader } from '../../../graders/wsgi-then-asgi/grader.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { freePort } from '../../../graders/kit/process/port-probe.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeLab, labId, notPassing } from './grade-wsgi-then-asgi.ts';

// Two Python start-ups (about 4 s each alone, several times that on a busy machine) and 3 s of checks.
const runTimeoutMs = 200_000;

// One run at a time: each starts Python (a core for seconds), and runs side by side would starve each other.
describe('the wsgi-then-asgi grader', () => {
  test('declares exactly the checks of its manifest, in the same order, each hint citing the spec it relies on', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
    for (const check of grader.checks) {
      expect(check.hint, check.slug).toMatch(/https:\/\/(peps\.python\.org\/pep-3333\/#|asgi\.readthedocs\.io\/en\/latest\/specs\/|www\.rfc-editor\.org\/rfc\/rfc9110#)/);
    }
  });

  test('passes the solution on every check and leaves no process behind', { timeout: runTimeoutMs }, async () => {
    const run = await gradeLab({ kind: 'solution' });
    expect(graderResultSchema.safeParse(run.result).success).toBe(true);
    expect(notPassing(run.result), explain(run)).toEqual([]);
    expect(run.result.checks).toHaveLength(grader.checks.length);
    expect(run.result.output).toContain('Application startup complete.');
    expect(run.leftovers).toEqual([]);
  });

  test('fails the starter at wsgi-serves-hello-as-json, after course-wsgi starts it', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeLab({ kind: 'starter' });
    const [starts, hello, ...rest] = result.checks;
    expect(starts?.status).toBe('pass');
    expect(hello).toMatchObject({ slug: 'wsgi-serves-hello-as-json', status: 'fail', reason: 'assertion' });
    expect(hello?.message).toContain('not JSON');
    expect(hello?.transcript).toContain('> GET /hello HTTP/1.1');
    expect(hello?.repro).toMatch(/^curl -i http:\/\/127\.0\.0\.1:\d+\/hello$/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(leftovers).toEqual([]);
  });

  test('grades part 1 even when asgi_app.py cannot be imported, and shows the traceback for part 2', { timeout: runTimeoutMs }, async () => {
    const run = await gradeLab({ kind: 'fixture', name: 'asgi-import-error' }, { all: true });
    const failing = notPassing(run.result);
    expect(failing[0], explain(run)).toEqual(['asgi-starts-and-listens', 'fail']);
    expect(run.result.checks.slice(0, 6).every((check) => check.status === 'pass')).toBe(true);
    const starts = run.result.checks.find((check) => check.slug === 'asgi-starts-and-listens');
    expect(starts?.reason).toBe('exited');
    expect(starts?.repro).toMatch(/^LAB_SERVE=asgi PORT=\d+ HOST=127\.0\.0\.1 node launch\.mjs$/);
    expect(run.result.output).toContain('JSONDecodeError');
    expect(run.leftovers).toEqual([]);
  });

  test('reports a WSGI app that never answers as a timeout and stops it', { timeout: runTimeoutMs }, async () => {
    const run = await gradeLab({ kind: 'fixture', name: 'wsgi-never-answers' });
    const hello = run.result.checks.find((check) => check.slug === 'wsgi-serves-hello-as-json');
    expect(hello, explain(run)).toMatchObject({ status: 'fail', reason: 'timeout' });
    expect(run.leftovers).toEqual([]);
  });

  test('leaves the learner folder as it found it', { timeout: runTimeoutMs }, async () => {
    const dir = copyProgram(labId, { kind: 'starter' });
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    try {
      const before = listing();
      const result = await grader.run({ dir, port: await freePort() });
      expect(result.status).toBe('fail');
      expect(listing()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
