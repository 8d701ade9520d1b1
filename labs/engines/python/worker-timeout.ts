// Gunicorn's worker timeout for one request (https://docs.gunicorn.org/en/20.1.0/settings.html#timeout):
// a sync worker that stays silent for longer than --timeout seconds is aborted by the arbiter
// (gunicorn/arbiter.py murder_workers: "WORKER TIMEOUT", SIGABRT) and its client sees the
// connection close without a response. Gunicorn counts from the worker's last sign of life,
// given just before it accepts a connection, so the whole exchange must fit, reading the body
// included. Two alarms cover the two ways the engine can be busy: the PythonClock interrupts
// running Python, and a timer covers the time Node spends waiting on the client.
import type { PythonClock } from './python-clock.ts';

export class RequestDeadline {
  private readonly clock: PythonClock;
  private timer: NodeJS.Timeout | undefined;
  private timerFired = false;

  constructor(clock: PythonClock, timeoutMs: number, onExpiry: () => void) {
    this.clock = clock;
    if (timeoutMs <= 0) return;
    clock.arm(timeoutMs);
    this.timer = setTimeout(() => {
      this.timerFired = true;
      onExpiry();
    }, timeoutMs);
  }

  /** True once the request has outlived the timeout, whichever alarm noticed it. */
  get expired(): boolean {
    return this.timerFired || (this.timer !== undefined && this.clock.fired);
  }

  end(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.clock.disarm();
  }
}
