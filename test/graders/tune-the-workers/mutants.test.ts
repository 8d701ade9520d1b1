import { beforeAll, describe, expect, test } from 'vitest';
import { grader } from '../../../graders/tune-the-workers/grader.ts';
import { mutants } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeTuneTheWorkers, inPool, labId, type GradedRun } from './grade-tune-the-workers.ts';

// Each run boots up to a dozen worker processes, so three at a time on two cores.
const parallelRuns = 3;

/** Mutants whose mistake makes the modelled box run out of memory, which ends the arbiter. */
const endsInOutOfMemory = new Set(['too-many-workers', 'no-max-requests', 'max-requests-too-high']);

describe('the tune-the-workers mutants', () => {
  const all = mutants(labId);
  const slugs = grader.checks.map((check) => check.slug);
  const runs = new Map<string, GradedRun>();

  beforeAll(async () => {
    const graded = await inPool(all, parallelRuns, (mutant) => gradeTuneTheWorkers({ kind: 'mutant', name: mutant.name }));
    all.forEach((mutant, i) => runs.set(mutant.name, graded[i] as GradedRun));
  }, 600_000);

  test('cover every check after the config loads, each naming a check of the grader', () => {
    for (const mutant of all) expect(slugs).toContain(mutant.fails);
    const covered = new Set(all.map((mutant) => mutant.fails));
    expect(slugs.filter((slug) => slug !== 'config-parses' && !covered.has(slug))).toEqual([]);
  });

  test.each(all.map((m) => [m.name, m.fails] as const))('mutant %s passes every check before %s, fails it, and leaves no process', (name, fails) => {
    const run = runs.get(name) as GradedRun;
    const at = slugs.indexOf(fails);
    const expected = slugs.map((slug, i) => [slug, i < at ? 'pass' : i === at ? 'fail' : 'skipped']);
    expect(run.result.checks.map((check) => [check.slug, check.status]), explain(run)).toEqual(expected);
    const failed = run.result.checks[at];
    expect(failed?.reason).toBe(endsInOutOfMemory.has(name) ? 'exited' : 'assertion');
    expect(failed?.expected).toBeTruthy();
    expect(failed?.actual).toBeTruthy();
    expect(run.leftovers).toEqual([]);
  });

  test('show the measured numbers next to the target when a configuration is too big or too small', () => {
    const oversized = runs.get('too-many-workers')?.result.checks.find((check) => check.slug === 'fits-in-memory');
    expect(oversized?.message).toContain('48 + 64 × (184 + 1 thread × 8) = 12336 MiB');
    expect(oversized?.message).toContain('2048 MiB');
    expect(oversized?.actual).toMatch(/^\[course-machine\] Out of memory/);
    const undersized = runs.get('one-sync-worker')?.result.checks.find((check) => check.slug === 'meets-latency-slo');
    expect(undersized?.message).toMatch(/p95 latency was \d+ ms against an objective of 1000 ms/);
    const unjittered = runs.get('max-requests-without-jitter')?.result.checks.find((check) => check.slug === 'staggers-worker-restarts');
    expect(unjittered?.message).toMatch(/^All \d+ recycled workers served exactly 24 requests/);
    const leaking = runs.get('no-max-requests')?.result.checks.find((check) => check.slug === 'contains-slow-leak');
    expect(leaking?.message).toMatch(/^The box ran out of memory after \d+ calls of GET \/export, .* leaving 464 MiB; .* max_requests = 0 never recycles them\.$/);
    const threaded = runs.get('threaded-workers')?.result.checks.find((check) => check.slug === 'cuts-off-hung-requests');
    expect(threaded?.message).toContain('a gthread worker tells the arbiter it is alive from its main loop');
  });
});
