// A burst of identical GETs, each on its own connection and all sent at once, for the stampede
// check. Unlike the kit's load generator it reports the moment every request has been handed
// to the network, so the check can keep the database busy until all of them have arrived.
import { request } from 'node:http';

export interface BurstOptions {
  host: string;
  port: number;
  path: string;
  count: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** Called once every request has been written to its connection. */
  onAllSent: () => void;
}

export interface BurstReport {
  /** Responses by status code, and failures by error code ("timeout", "ECONNRESET", ...). */
  outcomes: Record<string, number>;
  slowestMs: number;
}

export async function sendBurst(options: BurstOptions): Promise<BurstReport> {
  const outcomes: Record<string, number> = {};
  let slowestMs = 0;
  let sent = 0;
  // One abort listener for the whole burst rather than one per request.
  const requests = new Set<ReturnType<typeof request>>();
  const abort = () => requests.forEach((req) => req.destroy(Object.assign(new Error('aborted'), { code: 'aborted' })));
  options.signal.addEventListener('abort', abort, { once: true });
  const one = () =>
    new Promise<void>((resolve) => {
      const startedAt = Date.now();
      const settle = (outcome: string) => {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        slowestMs = Math.max(slowestMs, Date.now() - startedAt);
        resolve();
      };
      const req = request({ host: options.host, port: options.port, path: options.path, agent: false, timeout: options.timeoutMs }, (res) => {
        res.resume();
        res.once('end', () => settle(String(res.statusCode)));
        res.once('error', (error: NodeJS.ErrnoException) => settle(error.code ?? 'response error'));
      });
      requests.add(req);
      req.once('close', () => requests.delete(req));
      req.once('finish', () => {
        sent += 1;
        if (sent === options.count) options.onAllSent();
      });
      req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      req.once('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
      req.end();
    });
  try {
    await Promise.all(Array.from({ length: options.count }, one));
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
  return { outcomes, slowestMs };
}
