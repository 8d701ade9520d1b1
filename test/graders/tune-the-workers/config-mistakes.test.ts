import { describe, expect, test } from 'vitest';
import { explain, gradeTuneTheWorkers, statuses } from './grade-tune-the-workers.ts';

const runTimeoutMs = 60_000;
const onlyTheFirstCheckRuns = (status: string) => [
  ['config-parses', status],
  ['fits-in-memory', 'skipped'],
  ['meets-latency-slo', 'skipped'],
  ['cuts-off-hung-requests', 'skipped'],
  ['contains-slow-leak', 'skipped'],
  ['staggers-worker-restarts', 'skipped'],
];

describe.concurrent('the tune-the-workers grader on a configuration that does not load', () => {
  test('names the line of a statement the course arbiter does not run, and starts nothing', { timeout: runTimeoutMs }, async () => {
    const run = await gradeTuneTheWorkers({ kind: 'fixture', name: 'loop-in-config' });
    expect(statuses(run.result), explain(run)).toEqual(onlyTheFirstCheckRuns('fail'));
    const check = run.result.checks[0];
    expect(check?.reason).toBe('assertion');
    expect(check?.actual).toContain('gunicorn.conf.py:10: a for loop is valid Python but not supported');
    expect(check?.repro).toBe('node course-gunicorn.mjs -c gunicorn.conf.py --check-config app:app');
    expect(run.events.some((event) => event.type === 'process-start')).toBe(false);
    expect(run.leftovers).toEqual([]);
  });

  test('asks to remove a bind that ignores the PORT the checks give', { timeout: runTimeoutMs }, async () => {
    const run = await gradeTuneTheWorkers({ kind: 'fixture', name: 'binds-its-own-port' });
    expect(statuses(run.result), explain(run)).toEqual(onlyTheFirstCheckRuns('fail'));
    expect(run.result.checks[0]?.message).toMatch(/sets bind = \['127\.0\.0\.1:8000'\], so your server would not listen on the port the checks give it \(PORT=\d+\)\. Remove the bind line/);
  });

  test('refuses a machine.json the learner edited, since it is the box the checks model', { timeout: runTimeoutMs }, async () => {
    const run = await gradeTuneTheWorkers({ kind: 'fixture', name: 'edited-machine' });
    expect(statuses(run.result), explain(run)).toEqual(onlyTheFirstCheckRuns('fail'));
    expect(run.result.checks[0]?.message).toMatch(/^machine\.json differs from the lab's\. .* it is read-only: restore it/);
  });
});
