// How Python's time passes on Pyodide, as it does in CPython: time.sleep() blocks the thread
// (here the engine's only thread, so nothing else runs meanwhile, as in a sync worker or an
// event loop on real Uvicorn), and a worker deadline can stop Python wherever it is, the way
// Gunicorn's arbiter aborts a silent worker (gunicorn/arbiter.py murder_workers, SIGABRT).
//
// Pyodide's own time.sleep() suspends through JavaScript promise integration when it can
// (pyodide/webloop.py _sleep), which lets the event loop run other requests during a blocking
// call; course_time (time-py.ts) replaces it with PythonClock.sleep.

/** The signal number Python sees when the deadline passes: SIGABRT, as Gunicorn sends. */
export const abortSignal = 6;

/**
 * Blocks the calling thread for `ms` milliseconds without burning a core: Atomics.wait on a
 * cell nobody notifies. Node allows it on its main thread; where a runtime refuses it (a
 * browser's main thread), a spin on the clock keeps the same meaning at a cost in CPU.
 */
function makeBlocker(): (ms: number) => void {
  let cell: Int32Array | undefined = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  return (ms) => {
    const end = performance.now() + ms;
    for (let left = ms; left > 0; left = end - performance.now()) {
      if (cell) {
        try {
          Atomics.wait(cell, 0, 0, left);
          continue;
        } catch {
          cell = undefined;
        }
      }
      while (performance.now() < end) {
        // Spinning is the fallback's whole job: the thread must not return before `end`.
      }
    }
  };
}

export class PythonClock {
  private deadline = Infinity;
  private readonly block = makeBlocker();
  /** True once the armed deadline has passed and Python was told to abort. */
  fired = false;

  /**
   * What Pyodide reads as its interrupt buffer (pyodide.setInterruptBuffer): CPython's eval
   * loop polls index 0 every few thousand bytecodes, so even `while True: pass` is stopped.
   * A read reports the signal once per second past the deadline; Pyodide's write-back of 0 is moot.
   */
  readonly signalBuffer: { 0: number } = Object.defineProperty({} as { 0: number }, '0', {
    get: () => this.poll(),
    set: () => undefined,
  });

  /** The next Python code to run raises, via the SIGABRT handler, once `ms` have passed. */
  arm(ms: number): void {
    this.deadline = performance.now() + ms;
    this.fired = false;
  }

  disarm(): void {
    this.deadline = Infinity;
  }

  private poll(): number {
    const now = performance.now();
    if (now < this.deadline) return 0;
    // Gunicorn follows an ignored SIGABRT with SIGKILL on the arbiter's next round, a second
    // later; Python here cannot be killed, so an application that swallows the abort
    // (a bare except:) is told again every second until it lets go.
    this.deadline = now + 1000;
    this.fired = true;
    return abortSignal;
  }

  /** time.sleep(): blocks, but never past an armed deadline, as SIGABRT interrupts a sleep. */
  sleep(ms: number): void {
    this.block(Math.min(ms, this.deadline - performance.now() + 1));
  }
}
