// What the master knows about one worker process, as Gunicorn's arbiter keeps in WORKERS.
import type { ChildProcess } from 'node:child_process';

export class WorkerSlot {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Boot order, oldest first (Gunicorn's worker.age). */
  readonly age: number;
  /** The private loopback port the master pipes connections to; unset until the worker is ready. */
  port: number | undefined;
  openConnections = 0;
  retiring = false;
  /** Set once WORKER TIMEOUT has been logged; the next silent check sends SIGKILL. */
  aborted = false;
  /**
   * When the worker last notified. Unset while it boots: Gunicorn's clock starts at the fork,
   * but a Node worker spends far longer loading than a Python one, and that start-up cost is an
   * artefact of the course engine, not something a learner's timeout should be judged on.
   */
  lastNotify: number | undefined;

  constructor(child: ChildProcess, age: number) {
    this.child = child;
    this.pid = child.pid!;
    this.age = age;
  }

  /** Would this worker be blocked in accept() now, so the kernel could hand it a connection? */
  accepting(kind: 'sync' | 'gthread', workerConnections: number): boolean {
    if (this.port === undefined || this.retiring || this.aborted) return false;
    return kind === 'sync' ? this.openConnections === 0 : this.openConnections < workerConnections;
  }
}
