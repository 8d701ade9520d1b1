import { describe, expect, test } from 'vitest';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { grader } from '../../../graders/tune-the-workers/grader.ts';
import { labSettings } from '../../../graders/tune-the-workers/lab-settings.ts';
import { labDir } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeTuneTheWorkers, labId, statuses } from './grade-tune-the-workers.ts';

// A full run takes about 30 s alone (a 5 s timeout to wait out, workers booting on two cores);
// the runs here go side by side.
const runTimeoutMs = 150_000;

describe.concurrent('the tune-the-workers grader', () => {
  test('declares exactly the checks of its manifest, in the same order', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
    expect(manifest.files.editable).toEqual(['gunicorn.conf.py']);
  });

  test('passes the solution on every check, carries the load series, and leaves no process behind', { timeout: runTimeoutMs }, async () => {
    const run = await gradeTuneTheWorkers({ kind: 'solution' });
    const { result, leftovers } = run;
    expect(graderResultSchema.safeParse(result).success).toBe(true);
    expect(result.status, explain(run)).toBe('pass');
    expect(result.checks).toHaveLength(grader.checks.length);
    const latency = result.checks.find((check) => check.slug === 'meets-latency-slo');
    expect(latency?.series?.rows.map((row) => row.label).slice(0, labSettings.loadSteps.length)).toEqual(labSettings.loadSteps.map((clients) => `${clients} clients`));
    expect(latency?.series?.target?.p95).toBe(labSettings.sloP95Ms);
    expect(latency?.series?.rows.every((row) => row.errors === 0 && row.p50 >= 250)).toBe(true);
    expect(result.checks.find((check) => check.slug === 'staggers-worker-restarts')?.transcript).toMatch(/requests served before recycling, by worker: \d+/);
    expect(leftovers).toEqual([]);
  });

  test('fails the starter, one sync worker, at meets-latency-slo with the measured p95 next to the objective and a series to draw', { timeout: runTimeoutMs }, async () => {
    const run = await gradeTuneTheWorkers({ kind: 'starter' });
    const { result, leftovers } = run;
    expect(statuses(result), explain(run)).toEqual([
      ['config-parses', 'pass'],
      ['fits-in-memory', 'pass'],
      ['meets-latency-slo', 'fail'],
      ['cuts-off-hung-requests', 'skipped'],
      ['contains-slow-leak', 'skipped'],
      ['staggers-worker-restarts', 'skipped'],
    ]);
    const latency = result.checks[2];
    expect(latency?.message).toMatch(/^With 8 clients, p95 latency was \d+ ms against an objective of 1000 ms/);
    expect(latency?.message).toContain('Your 1 sync worker serves 1 request at a time');
    expect(latency?.actual).toMatch(/^p95 \d+ ms, \d+ errors?, [\d.]+ req\/s \(workers = 1, threads = 1/);
    expect(latency?.series?.rows).toHaveLength(labSettings.loadSteps.length);
    expect(latency?.series?.rows.at(-1)?.p95).toBeGreaterThan(labSettings.sloP95Ms * 2);
    expect(leftovers).toEqual([]);
  });

  test('recycles workers after the same numbers of requests when a run is repeated with the same seed', { timeout: runTimeoutMs }, async () => {
    const lifetimes = (run: Awaited<ReturnType<typeof gradeTuneTheWorkers>>) => {
      const transcript = run.result.checks.find((check) => check.slug === 'staggers-worker-restarts')?.transcript ?? '';
      return /the same, for the workers that booted together: ([\d, ]+)/.exec(transcript)?.[1]?.split(', ').map(Number);
    };
    const [first, again] = await Promise.all([gradeTuneTheWorkers({ kind: 'solution' }, { seed: 7 }), gradeTuneTheWorkers({ kind: 'solution' }, { seed: 7 })]);
    expect(first.result.status, explain(first)).toBe('pass');
    expect(lifetimes(first)).toHaveLength(8);
    expect(new Set(lifetimes(first)).size).toBeGreaterThan(1);
    expect(lifetimes(again)).toEqual(lifetimes(first));
  });
});
