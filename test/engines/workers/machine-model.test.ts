// The modelled machine, observed from outside as a learner would: CPU work queues for the
// box's cores and for each worker's interpreter lock, waiting does not; memory past the box
// kills the server the way the OOM killer does, and max_requests contains a leak.
// Lower bounds only: the model says the work cannot finish sooner, however idle the laptop.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { burst, get, okCount, waitForWorkers } from './support/http-client.ts';
import type { ServerRun } from './support/server-process.ts';
import { startTarget } from './support/targets.ts';

const smallBox = fileURLToPath(new URL('../../fixtures/workers/machines/small-box.json', import.meta.url));
let nextPort = 21200;
const running: ServerRun[] = [];

async function start(flags: string[], workers: number, ready = true): Promise<ServerRun> {
  const run = await startTarget('course', nextPort++, flags);
  running.push(run);
  if (ready) {
    await run.waitForLines(/Booting worker with pid/, workers, 15_000);
    await waitForWorkers(run.port, workers);
  }
  return run;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop('SIGTERM', 3000)));
});

describe('the modelled machine', () => {
  it('makes 8 CPU bursts of 100 ms on 2 cores take at least 400 ms, however many sync workers run them', { timeout: 30_000 }, async () => {
    const run = await start(['--machine', smallBox, '-w', '3'], 3);
    const { replies, ms } = await burst(run.port, '/cpu', 8);
    expect(okCount(replies)).toBe(8);
    expect(ms).toBeGreaterThanOrEqual(380);
  });

  it('lets the threads of one worker compute one at a time, as the GIL does', { timeout: 30_000 }, async () => {
    const run = await start(['--machine', smallBox, '-w', '1', '--threads', '4'], 1);
    const { replies, ms } = await burst(run.port, '/cpu', 4);
    expect(okCount(replies)).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(380);
  });

  it('refuses to boot more workers than the box has memory for, like an OOM-killed server', { timeout: 30_000 }, async () => {
    const run = await start(['--machine', smallBox, '-w', '4'], 4, false);
    expect(await run.exited).toBe(137);
    const oom = run.lines.filter((l) => l.includes('Out of memory'));
    expect(oom).toHaveLength(1);
    expect(oom[0]).toMatch(/^\[course-machine\] Out of memory: Killed process \d+ \(gunicorn\) — needs 480 MiB, box has 400 MiB \(master 40 \+ 4 workers × \(100 \+ 1 thread × 10\) \+ leaks 0\)$/);
    expect(await get(run.port, '/')).toMatchObject({ error: 'ECONNREFUSED' });
  });

  it('is killed by a leak that outgrows the box: the request that tips it over gets no answer and the port closes', { timeout: 30_000 }, async () => {
    const run = await start(['--machine', smallBox, '-w', '1'], 1);
    const statuses: Array<number | string> = [];
    for (let i = 0; i < 6; i++) {
      const reply = await get(run.port, '/leak');
      statuses.push('status' in reply ? reply.status : 'no answer');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 'no answer']);
    expect(await run.exited).toBe(137);
    expect(run.lines.some((l) => /Out of memory: .*needs 450 MiB, box has 400 MiB .*leaks 300\)$/.test(l))).toBe(true);
  });

  it('keeps a leaking endpoint inside the box when max_requests recycles the worker', { timeout: 30_000 }, async () => {
    const run = await start(['--machine', smallBox, '-w', '1', '--max-requests', '3'], 1);
    for (let i = 0; i < 10; i++) expect(await get(run.port, '/leak')).toMatchObject({ status: 200 });
    expect(run.lines.filter((l) => l.includes('Autorestarting worker after current request.')).length).toBeGreaterThanOrEqual(3);
    expect(run.lines.some((l) => l.includes('Out of memory'))).toBe(false);
  });
});
