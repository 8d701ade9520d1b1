// Waiting inside a check: pauses and polls that end early when the check is cancelled (its
// time is up or the run was interrupted), so nothing keeps running after the result is known.

/** Resolves after ms, or at once when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Polls `probe` every few milliseconds until it returns a value, for at most timeoutMs. */
export async function pollFor<T>(probe: () => T | undefined, timeoutMs: number, signal: AbortSignal): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined || Date.now() >= until || signal.aborted) return value;
    await pause(10, signal);
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
