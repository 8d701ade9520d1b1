// The box's cores: first come, first served, and never lost when a worker dies.
import { describe, expect, it } from 'vitest';
import { CorePool } from '../../../labs/engines/workers/core-pool.ts';

const settled = () => new Promise((r) => setImmediate(r));

describe('the core pool', () => {
  it('grants at most as many bursts at once as the box has cores, in arrival order', async () => {
    const pool = new CorePool(2);
    const granted: string[] = [];
    for (const [pid, id] of [[1, 1], [2, 1], [3, 1], [1, 2]] as const) void pool.acquire(pid, id).then(() => granted.push(`${pid}.${id}`));
    await settled();
    expect(granted).toEqual(['1.1', '2.1']);
    pool.release(2, 1);
    await settled();
    expect(granted).toEqual(['1.1', '2.1', '3.1']);
    pool.release(1, 1);
    await settled();
    expect(granted).toEqual(['1.1', '2.1', '3.1', '1.2']);
  });

  it('returns the cores of a worker that dies, and drops its place in the queue', async () => {
    const pool = new CorePool(1);
    const granted: number[] = [];
    void pool.acquire(1, 1).then(() => granted.push(1));
    void pool.acquire(2, 1).then((held) => held && granted.push(2));
    void pool.acquire(3, 1).then((held) => held && granted.push(3));
    await settled();
    pool.forgetWorker(2);
    pool.forgetWorker(1);
    await settled();
    expect(granted).toEqual([1, 3]);
    expect(pool.free).toBe(0);
  });

  it('ignores a release for a burst it never granted', () => {
    const pool = new CorePool(1);
    pool.release(9, 9);
    expect(pool.free).toBe(1);
  });
});
