import { beforeAll, describe, expect, test } from 'vitest';
import { grader } from '../../../graders/reverse-proxy/grader.ts';
import { mutants } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeReverseProxy, labId, notPassing, type GradedRun } from './grade-reverse-proxy.ts';

// Each run mostly waits (a 2 s gateway timeout; 10 s for the mutant without one), so they all
// run side by side, and the timing checks see a loaded machine.
const parallelRuns = 10;

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

describe('the reverse-proxy mutants', () => {
  const all = mutants(labId);
  const slugs = grader.checks.map((check) => check.slug);
  const runs = new Map<string, GradedRun>();

  // With --all every check runs, so a mutant that broke more than its own check shows up.
  beforeAll(async () => {
    const graded = await inPool(all, parallelRuns, (mutant) => gradeReverseProxy({ kind: 'mutant', name: mutant.name }, { all: true }));
    all.forEach((mutant, i) => runs.set(mutant.name, graded[i] as GradedRun));
  }, 120_000);

  test('name a check of the grader each, and every check after the start has one', () => {
    for (const mutant of all) expect(slugs).toContain(mutant.fails);
    const covered = new Set(all.map((mutant) => mutant.fails));
    expect(slugs.slice(1).filter((slug) => !covered.has(slug))).toEqual([]);
  });

  test('tells the mutant with equal weights the split and the order the app instances saw', () => {
    const check = runs.get('equal-weights')?.result.checks.find((c) => c.slug === 'balances-by-weight');
    expect(check?.expected).toBe('app-1: 8, app-2: 4 (two of every three requests to app-1)');
    expect(check?.actual).toMatch(/^app-1: 6, app-2: 6, in this order: (app-\d, ){11}app-\d$/);
  });

  test.each(all.map((m) => [m.name, m.fails] as const))('mutant %s fails exactly the check %s and leaves no process', (name, fails) => {
    const run = runs.get(name) as GradedRun;
    const { result, leftovers } = run;
    expect(notPassing(result), explain(run)).toEqual([[fails, 'fail']]);
    expect(result.checks.find((check) => check.slug === fails)?.reason).toBe('assertion');
    expect(leftovers).toEqual([]);
  });
});
