// How a worker tells the master it is alive. Gunicorn's sync worker notifies at the top of its
// accept loop — when it is idle, at least every timeout/2 seconds, and right before it takes a
// connection — and never while a request runs (gunicorn/workers/sync.py, run_for_one). The
// thread worker notifies from its main loop about once a second whatever its threads are doing
// (gunicorn/workers/gthread.py, run), so only a blocked process falls silent.

export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private readonly notify: () => void;
  private readonly idlePeriodMs: number;
  private readonly kind: 'sync' | 'gthread';

  constructor(kind: 'sync' | 'gthread', timeoutSeconds: number, notify: () => void) {
    this.kind = kind;
    this.notify = notify;
    this.idlePeriodMs = kind === 'gthread' ? 1000 : Math.max(500, (timeoutSeconds * 1000) / 2);
  }

  start(): void {
    this.beat();
  }

  /** A sync worker took a connection: one last notify, then silence until it is idle again. */
  busy(): void {
    if (this.kind === 'gthread') return;
    this.stop();
    this.notify();
  }

  idle(): void {
    if (this.kind === 'gthread') return;
    this.beat();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    this.stop();
    this.notify();
    this.timer = setInterval(this.notify, this.idlePeriodMs);
  }
}
