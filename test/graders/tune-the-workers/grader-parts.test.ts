import { describe, expect, test } from 'vitest';
import { ArbiterLog } from '../../../graders/tune-the-workers/arbiter-log.ts';
import { bootMemoryFormula, bootMemoryMib, isThreaded, parsePrintedConfig, workerSettings, worstLeakPerWorkerMib } from '../../../graders/tune-the-workers/gunicorn-settings.ts';
import { busiestRestartWindow } from '../../../graders/tune-the-workers/leak-run.ts';
import { errorCount, profilePath } from '../../../graders/tune-the-workers/load-steps.ts';

const log = new ArbiterLog([
  '[2026-11-22 10:00:00 +0000] [1200] [INFO] Starting gunicorn 20.1.0',
  '[course-machine] cores=4 memory=2048 MiB (master 48, worker 184, thread 8)',
  '[2026-11-22 10:00:00 +0000] [1203] [INFO] Booting worker with pid: 1203',
  '[2026-11-22 10:00:00 +0000] [1204] [INFO] Booting worker with pid: 1204',
  '[2026-11-22 10:00:31 +0000] [1200] [CRITICAL] WORKER TIMEOUT (pid:1203)',
  '[2026-11-22 10:00:40 +0000] [1204] [INFO] Autorestarting worker after current request.',
  '[course-machine] Out of memory: Killed process 1200 (gunicorn) — needs 2240 MiB, box has 2048 MiB',
]);

const printed = ['bind                              = [\'0.0.0.0:22001\']', 'max_requests                      = 24', 'max_requests_jitter               = 12', 'threads                           = 1', 'timeout                           = 5', 'worker_class                      = sync', 'workers                           = 8'];

describe('the parts of the tune-the-workers grader', () => {
  test('read booted, timed-out and recycled workers and the out-of-memory line from the arbiter log', () => {
    expect(log.bootedPids()).toEqual([1203, 1204]);
    expect(log.timedOutPids()).toEqual([1203]);
    expect(log.recycledPids()).toEqual([1204]);
    expect(log.outOfMemory()).toMatch(/^\[course-machine\] Out of memory: Killed process 1200/);
    expect(new ArbiterLog(log.lines.slice(0, 3)).outOfMemory()).toBeUndefined();
  });

  test('read the settings that --print-config resolved, with Gunicorn\'s defaults for any left out', () => {
    const settings = workerSettings(parsePrintedConfig(printed));
    expect(settings).toEqual({ workers: 8, threads: 1, workerClass: 'sync', timeout: 5, maxRequests: 24, maxRequestsJitter: 12, bind: "['0.0.0.0:22001']" });
    expect(workerSettings(parsePrintedConfig([]))).toMatchObject({ workers: 1, threads: 1, timeout: 30, maxRequests: 0, maxRequestsJitter: 0 });
    expect(isThreaded(settings)).toBe(false);
    expect(isThreaded({ ...settings, threads: 4 })).toBe(true);
  });

  test('cost a configuration on the lab box as the arbiter models it: master plus workers with their threads', () => {
    const settings = workerSettings(parsePrintedConfig(printed));
    expect(bootMemoryMib(settings)).toBe(1584);
    expect(bootMemoryFormula({ ...settings, workers: 64 })).toBe('48 + 64 × (184 + 1 thread × 8) = 12336 MiB');
    expect(worstLeakPerWorkerMib(settings)).toBe(36);
  });

  test('send every fifth request of the profile to /report and count unanswered requests and 5xx as errors', () => {
    expect(Array.from({ length: 10 }, (_, i) => profilePath(i)).filter((path) => path === '/report')).toHaveLength(2);
    const report = { sent: 5, completed: 4, errors: { timeout: 1 }, statuses: { '200': 3, '502': 1 }, durationMs: 10, throughput: 1, latencyMs: { count: 4, min: 1, mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 } };
    expect(errorCount(report)).toBe(2);
  });

  test('find the busiest window of restarts', () => {
    const workers = [0, 40, 90, 100, 900].map((at, i) => ({ pid: i, served: 24, lastAnswerAt: at, firstGeneration: true }));
    expect(busiestRestartWindow(workers, 250)).toEqual({ count: 4, from: 0 });
    expect(busiestRestartWindow([], 250)).toEqual({ count: 0, from: 0 });
  });
});
