import { beforeAll, describe, expect, test } from 'vitest';
import { grader } from '../../../graders/wsgi-then-asgi/grader.ts';
import { mutants } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeLab, labId, notPassing, type GradedRun } from './grade-wsgi-then-asgi.ts';

// Every run starts Python twice, which keeps a core busy for seconds; two runs at a time use
// both cores without starving the timing in the streaming check.
const parallelRuns = 2;

async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

describe('the wsgi-then-asgi mutants', () => {
  const all = mutants(labId);
  const slugs = grader.checks.map((check) => check.slug);
  // blocking-sleep included: course-asgi's time.sleep() blocks the event loop as CPython's does.
  const graded = all;
  const runs = new Map<string, GradedRun>();

  // With --all every check runs, so a mutant that broke more than its own check shows up.
  beforeAll(async () => {
    const results = await inPool(graded, parallelRuns, (mutant) => gradeLab({ kind: 'mutant', name: mutant.name }, { all: true }));
    graded.forEach((mutant, i) => runs.set(mutant.name, results[i] as GradedRun));
  }, 600_000);

  test('each name a check of the grader, and every check after start-up has one', () => {
    for (const mutant of all) expect(slugs).toContain(mutant.fails);
    const covered = new Set(all.map((mutant) => mutant.fails));
    const behaviourChecks = slugs.filter((slug) => !slug.endsWith('-starts-and-listens'));
    expect(behaviourChecks.filter((slug) => !covered.has(slug))).toEqual([]);
  });

  test.each(graded.map((m) => [m.name, m.fails] as const))('mutant %s fails exactly the check %s and leaves no process', (name, fails) => {
    const run = runs.get(name) as GradedRun;
    expect(notPassing(run.result), explain(run)).toEqual([[fails, 'fail']]);
    expect(run.result.checks.find((check) => check.slug === fails)?.reason).toBe('assertion');
    expect(run.leftovers).toEqual([]);
  });
});
