import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { grader } from '../../graders/first-web-server/grader.ts';
import { readManifest } from '../../graders/kit/manifest-file.ts';
import { graderResultSchema } from '../../graders/kit/result-schema.ts';
import { freePort } from '../../graders/kit/process/port-probe.ts';
import { copyProgram, labDir, mutants } from '../../scripts/lab/lab-folders.ts';
import { fixtureProgram, gradeProgram, labId, statuses } from './grade-program.ts';

describe.concurrent('the first-web-server grader', () => {
  test('declares exactly the checks of its manifest, in the same order', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
  });

  test('passes the solution on every check and leaves no process behind', async () => {
    const { result, leftovers } = await gradeProgram({ kind: 'solution' });
    expect(graderResultSchema.safeParse(result).success).toBe(true);
    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.checks).toHaveLength(grader.checks.length);
    expect(leftovers).toEqual([]);
  });

  test('fails the starter at serves-html-at-root after it starts and listens correctly', async () => {
    const { result, leftovers } = await gradeProgram({ kind: 'starter' });
    const [first, second, third, ...rest] = result.checks;
    expect([first?.status, second?.status]).toEqual(['pass', 'pass']);
    expect(third).toMatchObject({ slug: 'serves-html-at-root', status: 'fail', reason: 'assertion', expected: 'Content-Type: text/html' });
    expect(third?.transcript).toContain('> GET / HTTP/1.1');
    expect(third?.transcript).toContain('< HTTP/1.1 200 OK');
    expect(third?.repro).toMatch(/^curl -i http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(result.status).toBe('fail');
    expect(leftovers).toEqual([]);
  });

  test('passes a correct program that is slow to start and slow to answer', async () => {
    const { result, leftovers } = await gradeProgram(fixtureProgram('slow-but-correct'));
    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  test('leaves the learner folder as it found it, without the files it wrote for the checks', async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    try {
      const before = listing();
      const result = await grader.run({ dir, port: await freePort() });
      expect(result.status).toBe('pass');
      expect(listing()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('asks for the same random paths again when given the same seed', async () => {
    const staticMessage = (run: Awaited<ReturnType<typeof gradeProgram>>) => run.result.checks.find((c) => c.slug === 'serves-static-files')?.message;
    const [first, again, other] = await Promise.all([gradeProgram({ kind: 'solution' }, { seed: 42 }), gradeProgram({ kind: 'solution' }, { seed: 42 }), gradeProgram({ kind: 'solution' }, { seed: 43 })]);
    expect(first.result.seed).toBe(42);
    expect(staticMessage(first)).toBe(staticMessage(again));
    expect(staticMessage(first)).not.toBe(staticMessage(other));
  });
});

describe('the first-web-server mutants', () => {
  const all = mutants(labId);
  const slugs = grader.checks.map((check) => check.slug);

  test('number at least five and each names a check of the grader', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const mutant of all) expect(slugs).toContain(mutant.fails);
  });

  test.concurrent.each(all.map((m) => [m.name, m.fails] as const))('mutant %s fails exactly the check %s', async (name, fails) => {
    const { result, leftovers } = await gradeProgram({ kind: 'mutant', name }, { all: true });
    const notPassing = Object.entries(statuses(result)).filter(([, status]) => status !== 'pass');
    expect(notPassing).toEqual([[fails, 'fail']]);
    expect(result.checks.find((check) => check.slug === fails)?.reason).toBe('assertion');
    expect(leftovers).toEqual([]);
  });
});
