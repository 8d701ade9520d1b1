// The modelled box's memory: the master, every live worker (its process plus one stack per
// thread) and the leaks each worker has accumulated. A recycled worker takes its leaks with it,
// which is exactly why max_requests contains a slow leak.
import type { Machine } from './machine-schema.ts';

export class MemoryLedger {
  private readonly machine: Machine;
  private readonly threads: number;
  private readonly leaksKib = new Map<number, number>();

  constructor(machine: Machine, threads: number) {
    this.machine = machine;
    this.threads = Math.max(1, threads);
  }

  private get perWorkerMib(): number {
    return this.machine.worker_mib + this.threads * this.machine.thread_mib;
  }

  private leakMib(extraKib = 0): number {
    let kib = extraKib;
    for (const leak of this.leaksKib.values()) kib += leak;
    return kib / 1024;
  }

  /** MiB in use with `workers` live workers and `extraLeakKib` more leaked. */
  usedMib(workers = this.leaksKib.size, extraLeakKib = 0): number {
    return this.machine.master_mib + workers * this.perWorkerMib + this.leakMib(extraLeakKib);
  }

  fits(workers: number, extraLeakKib = 0): boolean {
    return this.usedMib(workers, extraLeakKib) <= this.machine.memory_mib;
  }

  addWorker(pid: number): void {
    this.leaksKib.set(pid, 0);
  }

  removeWorker(pid: number): void {
    this.leaksKib.delete(pid);
  }

  addLeak(pid: number, kib: number): void {
    if (this.leaksKib.has(pid)) this.leaksKib.set(pid, this.leaksKib.get(pid)! + kib);
  }

  get liveWorkers(): number {
    return this.leaksKib.size;
  }

  /** "needs 1084 MiB, box has 1024 MiB (master 40 + 3 workers × (100 + 4 threads × 8) + leaks 648)". */
  describe(workers: number, extraLeakKib = 0): string {
    const m = this.machine;
    const round = (n: number) => Math.round(n * 10) / 10;
    return (
      `needs ${round(this.usedMib(workers, extraLeakKib))} MiB, box has ${m.memory_mib} MiB ` +
      `(master ${m.master_mib} + ${workers} worker${workers === 1 ? '' : 's'} × (${m.worker_mib} + ${this.threads} thread${this.threads === 1 ? '' : 's'} × ${m.thread_mib}) + leaks ${round(this.leakMib(extraLeakKib))})`
    );
  }
}
