// The modelled box's cores, owned by the master: a worker's CPU burst waits first-come
// first-served for a free core and holds it for its cpu_ms. Cores held by a worker that dies
// are returned, as the kernel would reschedule.
import { Semaphore } from './semaphore.ts';

export class CorePool {
  private readonly cores: Semaphore<number>;
  private readonly held = new Map<number, Set<number>>();
  private readonly dead = new Set<number>();

  constructor(count: number) {
    this.cores = new Semaphore<number>(count);
  }

  /** Resolves when `pid` holds a core for burst `id`; never resolves for a worker that died waiting. */
  async acquire(pid: number, id: number): Promise<boolean> {
    await this.cores.acquire(pid);
    if (this.dead.has(pid)) {
      this.cores.release();
      return false;
    }
    if (!this.held.has(pid)) this.held.set(pid, new Set());
    this.held.get(pid)!.add(id);
    return true;
  }

  release(pid: number, id: number): void {
    if (this.held.get(pid)?.delete(id)) this.cores.release();
  }

  forgetWorker(pid: number): void {
    this.dead.add(pid);
    this.cores.dropWaiters(pid);
    for (const _ of this.held.get(pid) ?? []) this.cores.release();
    this.held.delete(pid);
  }

  get free(): number {
    return this.cores.available;
  }
}
