// The memory arithmetic the arbiter enforces and the lab's messages quote.
import { describe, expect, it } from 'vitest';
import { MemoryLedger } from '../../../labs/engines/workers/memory-ledger.ts';
import type { Machine } from '../../../labs/engines/workers/machine-schema.ts';

const box: Machine = { cores: 4, memory_mib: 2048, master_mib: 48, worker_mib: 184, thread_mib: 8, endpoints: {} };

describe('the memory ledger', () => {
  it('counts the master, every worker and one stack per thread', () => {
    const ledger = new MemoryLedger(box, 4);
    expect(ledger.usedMib(3)).toBe(48 + 3 * (184 + 4 * 8));
    expect(ledger.describe(3)).toBe('needs 696 MiB, box has 2048 MiB (master 48 + 3 workers × (184 + 4 threads × 8) + leaks 0)');
  });

  it('fits exactly at the box size and not one worker more', () => {
    const ledger = new MemoryLedger({ ...box, memory_mib: 48 + 2 * 192 }, 1);
    expect(ledger.fits(2)).toBe(true);
    expect(ledger.fits(3)).toBe(false);
  });

  it("adds a worker's leaks until the worker leaves, which takes them away", () => {
    const ledger = new MemoryLedger(box, 1);
    ledger.addWorker(101);
    ledger.addWorker(102);
    ledger.addLeak(101, 1024 * 100);
    expect(ledger.usedMib()).toBe(48 + 2 * 192 + 100);
    expect(ledger.fits(2, 1024 * 1500)).toBe(true);
    expect(ledger.fits(2, 1024 * 1600)).toBe(false);
    ledger.removeWorker(101);
    expect(ledger.usedMib()).toBe(48 + 192);
    expect(ledger.liveWorkers).toBe(1);
  });

  it('ignores leaks reported by a worker it no longer counts', () => {
    const ledger = new MemoryLedger(box, 1);
    ledger.addLeak(7, 4096);
    expect(ledger.usedMib(0)).toBe(48);
  });
});
