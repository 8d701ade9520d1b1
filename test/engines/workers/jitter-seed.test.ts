// COURSE_GUNICORN_SEED makes each worker's max_requests + jitter draw repeatable, so a grader
// that recycles workers sees the same restart schedule on every run with the same seed.
import { afterEach, describe, expect, it } from 'vitest';
import { get, waitForWorkers } from './support/http-client.ts';
import type { ServerRun } from './support/server-process.ts';
import { appFolder, startTarget } from './support/targets.ts';

let nextPort = 21300;
const running: ServerRun[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop('SIGTERM', 3000)));
});

/** How many requests each successive worker served (the readiness probe counts for the first). */
async function restartSchedule(seed: string): Promise<number[]> {
  const run = await startTarget('course', nextPort++, ['-w', '1', '--max-requests', '2', '--max-requests-jitter', '6'], appFolder, { COURSE_GUNICORN_SEED: seed });
  running.push(run);
  await run.waitForLines(/Booting worker with pid/, 1, 15_000);
  await waitForWorkers(run.port, 1);
  const pids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const reply = await get(run.port, '/pid');
    expect(reply).toMatchObject({ status: 200 });
    pids.push((reply as { body: string }).body);
  }
  await run.stop('SIGTERM', 3000);
  const runs: number[] = [];
  pids.forEach((pid, i) => (i > 0 && pid === pids[i - 1] ? runs[runs.length - 1]!++ : runs.push(1)));
  return runs.slice(0, -1);
}

describe('COURSE_GUNICORN_SEED', () => {
  it('gives the same restart schedule for the same seed', { timeout: 60_000 }, async () => {
    const first = await restartSchedule('4242');
    const second = await restartSchedule('4242');
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.every((n, i) => (i === 0 ? n + 1 : n) >= 2 && (i === 0 ? n + 1 : n) <= 8)).toBe(true);
    expect(second).toEqual(first);
  });
});
