import { afterEach, describe, expect, test } from 'vitest';
import { runLoad } from '../../../graders/kit/load/load-generator.ts';
import { Teardown } from '../../../graders/kit/process/teardown.ts';
import { SeededRandom } from '../../../graders/kit/seeded-random.ts';
import { MockUpstream } from '../../../graders/kit/upstream/mock-upstream.ts';

const teardown = new Teardown();
afterEach(() => teardown.runAll());

describe('runLoad', () => {
  test('sends exactly the request budget and reports statuses and latency percentiles', async () => {
    const upstream = await MockUpstream.start({ name: 'target' }, teardown);
    const random = new SeededRandom(5);
    const report = await runLoad({ host: '127.0.0.1', port: upstream.port, concurrency: 8, requests: 200, request: () => ({ path: `/items/${random.int(1, 50)}` }) });
    expect(report).toMatchObject({ sent: 200, completed: 200, errors: {}, statuses: { 200: 200 } });
    expect(upstream.hits).toBe(200);
    const { min, p50, p95, p99, max } = report.latencyMs;
    expect(min <= p50 && p50 <= p95 && p95 <= p99 && p99 <= max).toBe(true);
    expect(report.throughput).toBeGreaterThan(0);
  });

  test('counts failures by kind instead of latencies', async () => {
    const upstream = await MockUpstream.start({ name: 'broken' }, teardown);
    upstream.fail({ kind: 'reset' });
    const report = await runLoad({ host: '127.0.0.1', port: upstream.port, concurrency: 2, requests: 10, keepAlive: false, request: () => ({ path: '/' }) });
    expect(report).toMatchObject({ sent: 10, completed: 0, errors: { ECONNRESET: 10 } });
  });

  test('counts error statuses as completed responses', async () => {
    const upstream = await MockUpstream.start({ name: 'unavailable' }, teardown);
    upstream.fail({ kind: 'status', status: 503 });
    const report = await runLoad({ host: '127.0.0.1', port: upstream.port, concurrency: 3, requests: 9, request: () => ({ path: '/' }) });
    expect(report).toMatchObject({ completed: 9, statuses: { 503: 9 } });
  });

  test('refuses runs without a budget or beyond its bounds', async () => {
    const base = { host: '127.0.0.1', port: 1, request: () => ({ path: '/' }) };
    await expect(runLoad({ ...base, concurrency: 1 })).rejects.toThrow(/request budget .* or a time budget/);
    await expect(runLoad({ ...base, concurrency: 1000, requests: 1 })).rejects.toThrow(/concurrency must be a whole number from 1 to 256/);
    await expect(runLoad({ ...base, concurrency: 1, requests: 1e9 })).rejects.toThrow(/requests must be a whole number/);
  });
});
