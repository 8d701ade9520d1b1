// The master's accept queue: connections wait, first in first out, for a free worker.
import { afterEach, describe, expect, it } from 'vitest';
import { burst, okCount, waitForWorkers } from './support/http-client.ts';
import type { ServerRun } from './support/server-process.ts';
import { startTarget } from './support/targets.ts';

let nextPort = 21400;
const running: ServerRun[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop('SIGTERM', 3000)));
});

async function start(flags: string[]): Promise<ServerRun> {
  const run = await startTarget('course', nextPort++, flags);
  running.push(run);
  await run.waitForLines(/Booting worker with pid/, 1, 15_000);
  await waitForWorkers(run.port, 1);
  return run;
}

describe('the accept queue', () => {
  it('keeps every connection waiting for the one sync worker while the backlog has room', { timeout: 30_000 }, async () => {
    const run = await start(['-w', '1', '--backlog', '8']);
    const { replies, ms } = await burst(run.port, '/wait', 4);
    expect(okCount(replies)).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(4 * 200 - 20);
  });
});
