// Timeouts for upstream attempts without a timer per socket: nginx keeps its timers in one
// tree and checks them as its event loop turns; here one unref'd interval checks the open
// attempts every few milliseconds. A timeout fires at most one tick late.

const tickMs = 10;

export interface Deadline {
  at: number;
  expire(): void;
}

const active = new Set<Deadline>();
let timer: ReturnType<typeof setInterval> | undefined;

function sweep(): void {
  const now = Date.now();
  for (const d of active) {
    if (d.at <= now) {
      active.delete(d);
      d.expire();
    }
  }
  if (active.size === 0 && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

export function watch(d: Deadline): void {
  active.add(d);
  if (!timer) {
    timer = setInterval(sweep, tickMs);
    timer.unref();
  }
}

export function unwatch(d: Deadline): void {
  active.delete(d);
}
