// One GET on its own connection, timed on the grader's clock, that reports how it ended: an
// answer, or the connection closed without one (as when the arbiter kills the worker serving it).
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

export type Outcome = { kind: 'answer'; status: number; ms: number; pid: number | undefined } | { kind: 'closed'; code: string; ms: number } | { kind: 'timeout'; ms: number };

export function getOnce(host: string, port: number, path: string, timeoutMs: number, signal: AbortSignal): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const req = request({ host, port, path, agent: false }, (res) => {
      res.resume();
      res.once('end', () => {
        const pid = Number(res.headers['x-worker-pid']);
        resolve({ kind: 'answer', status: res.statusCode ?? 0, ms: elapsed(), pid: Number.isInteger(pid) ? pid : undefined });
      });
      res.once('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'closed', code: error.code ?? error.message, ms: elapsed() }));
    });
    const giveUp = () => {
      resolve({ kind: 'timeout', ms: elapsed() });
      req.destroy();
    };
    const timer = setTimeout(giveUp, timeoutMs);
    signal.addEventListener('abort', giveUp, { once: true });
    req.once('close', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', giveUp);
    });
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'closed', code: error.code ?? error.message, ms: elapsed() }));
    req.end();
  });
}

export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'answer') return `${outcome.status} after ${outcome.ms} ms`;
  if (outcome.kind === 'closed') return `connection closed without an answer (${outcome.code}) after ${(outcome.ms / 1000).toFixed(1)} s`;
  return `no answer after ${(outcome.ms / 1000).toFixed(1)} s`;
}
