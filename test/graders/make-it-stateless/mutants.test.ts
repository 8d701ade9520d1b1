import { beforeAll, describe, expect, test } from 'vitest';
import { grader } from '../../../graders/make-it-stateless/grader.ts';
import { mutants } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeFolder, labId, notPassing, programFolder, type GradedRun } from './grade-make-it-stateless.ts';

describe('the make-it-stateless mutants', () => {
  const all = mutants(labId);
  const slugs = grader.checks.map((check) => check.slug);
  const runs = new Map<string, GradedRun>();

  // With --all every check runs, so a mutant that broke more than its own check shows up. The
  // runs mostly wait (the session TTL, an instance restart), so all of them run at once.
  beforeAll(async () => {
    // Every folder first: making one blocks this process (see gradeStateless).
    const dirs = all.map((mutant) => programFolder({ kind: 'mutant', name: mutant.name }));
    const graded = await Promise.all(dirs.map((dir) => gradeFolder(dir, { all: true })));
    all.forEach((mutant, i) => runs.set(mutant.name, graded[i] as GradedRun));
  }, 120_000);

  test('cover the sticky-session workaround, sessions without expiry and a logout only one instance sees', () => {
    expect(Object.fromEntries(all.map((mutant) => [mutant.name, mutant.fails]))).toEqual({
      'logout-leaves-local-copies': 'logs-out-on-every-instance',
      'sessions-never-expire': 'expires-idle-sessions',
      'sticky-sessions': 'survives-a-killed-instance',
    });
    for (const mutant of all) expect(slugs).toContain(mutant.fails);
  });

  test.each(all.map((m) => [m.name, m.fails] as const))('mutant %s fails exactly the check %s and leaves no process', (name, fails) => {
    const run = runs.get(name) as GradedRun;
    const { result, leftovers } = run;
    expect(notPassing(result), explain(run)).toEqual([[fails, 'fail']]);
    expect(result.checks.find((check) => check.slug === fails)?.reason).toBe('assertion');
    expect(leftovers).toEqual([]);
  });

  test('the sticky mutant is logged out by the death of the instance its user was pinned to', () => {
    const failed = runs.get('sticky-sessions')?.result.checks.find((check) => check.slug === 'survives-a-killed-instance');
    expect(failed?.message).toMatch(/^After (app-\d) was killed, GET \/me for [a-z]+-\d+, who had logged in on \1, answered 502 Bad Gateway on app-\d\. The session did not outlive \1's memory\./);
  });

  test('the local-copies mutant is refused by the instance that logged out but accepted by another', () => {
    const failed = runs.get('logout-leaves-local-copies')?.result.checks.find((check) => check.slug === 'logs-out-on-every-instance');
    expect(failed?.message).toMatch(/^After [a-z]+-\d+ logged out on (app-\d), GET \/me with the old session cookie answered 200 OK on (?!\1)app-\d: that instance still accepts the session\. the cache has no key session:/);
  });

  test('the never-expiring mutant leaves a session key without a TTL', () => {
    const failed = runs.get('sessions-never-expire')?.result.checks.find((check) => check.slug === 'expires-idle-sessions');
    expect(failed?.message).toMatch(/the cache holds session:\S+ with no TTL/);
  });
});
