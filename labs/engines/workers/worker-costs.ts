// Spends one request's modelled cost inside a worker: the leak is reported to the master's
// memory ledger, the CPU time holds the worker's interpreter lock (one per process, as CPython's
// GIL) and a core granted by the master, the wait holds nothing. No real CPU is burned, so the
// numbers do not depend on the laptop or on what else it runs.
import type { EndpointCost } from './machine-schema.ts';
import { Semaphore } from './semaphore.ts';

/** A request to an endpoint the machine does not list costs nothing. */
export const freeEndpoint: EndpointCost = { cpu_ms: 0, wait_ms: 0, leak_kib: 0 };

export interface CoreLink {
  /** Asks the master for a core; resolves once granted. */
  acquireCore(): Promise<number>;
  releaseCore(id: number): void;
  reportLeak(kib: number): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CostSpender {
  private readonly interpreterLock = new Semaphore(1);
  private readonly link: CoreLink;

  constructor(link: CoreLink) {
    this.link = link;
  }

  async spend(cost: EndpointCost): Promise<void> {
    if (cost.leak_kib > 0) this.link.reportLeak(cost.leak_kib);
    if (cost.cpu_ms > 0) {
      await this.interpreterLock.acquire();
      try {
        const core = await this.link.acquireCore();
        try {
          await sleep(cost.cpu_ms);
        } finally {
          this.link.releaseCore(core);
        }
      } finally {
        this.interpreterLock.release();
      }
    }
    if (cost.wait_ms > 0) await sleep(cost.wait_ms);
  }
}
