// A bounded closed-loop load on one path that remembers which worker answered each request
// (the app's X-Worker-Pid header) and when, on the grader's own clock. The kit's load generator
// keeps only latencies and statuses; the leak checks need to know each worker's share.
import { request, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Answer {
  status: number;
  pid: number | undefined;
  /** Milliseconds since the load started. */
  at: number;
}

export interface PidLoadReport {
  answers: Answer[];
  /** Requests without an answer, by error code. */
  errors: Record<string, number>;
  durationMs: number;
}

export interface PidLoadOptions {
  host: string;
  port: number;
  path: string;
  requests: number;
  clients: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** Called after each answer; returning true stops the load early (e.g. the program died). */
  stopWhen?: () => boolean;
}

const maxRequests = 5000;
const maxClients = 64;

function send(options: PidLoadOptions, started: number, active: Set<ClientRequest>): Promise<Answer | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: options.host, port: options.port, path: options.path, agent: false, timeout: options.timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => {
        const pid = Number(res.headers['x-worker-pid']);
        resolve({ status: res.statusCode ?? 0, pid: Number.isInteger(pid) ? pid : undefined, at: performance.now() - started });
      });
      res.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? 'response error' }));
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    active.add(req);
    req.once('close', () => active.delete(req));
    req.end();
  });
}

export async function runPidLoad(options: PidLoadOptions): Promise<PidLoadReport> {
  if (options.requests < 1 || options.requests > maxRequests || options.clients < 1 || options.clients > maxClients) {
    throw new RangeError(`a pid load sends 1 to ${maxRequests} requests with 1 to ${maxClients} clients; asked for ${options.requests} with ${options.clients}`);
  }
  const started = performance.now();
  const answers: Answer[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  let stopped = false;
  // One abort listener for the whole run, not one per request: it cuts every request in flight.
  const active = new Set<ClientRequest>();
  const abort = () => {
    for (const req of active) req.destroy(Object.assign(new Error('aborted'), { code: 'aborted' }));
  };
  options.signal.addEventListener('abort', abort, { once: true });
  const client = async () => {
    while (next < options.requests && !stopped && !options.signal.aborted) {
      next += 1;
      const outcome = await send(options, started, active);
      if ('error' in outcome) errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
      else answers.push(outcome);
      if (options.stopWhen?.()) stopped = true;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
  return { answers, errors, durationMs: Math.round(performance.now() - started) };
}

/** How many answers each worker gave, by pid. */
export function answersByPid(answers: readonly Answer[]): Map<number, Answer[]> {
  const byPid = new Map<number, Answer[]>();
  for (const answer of answers) {
    if (answer.pid === undefined) continue;
    const list = byPid.get(answer.pid) ?? [];
    list.push(answer);
    byPid.set(answer.pid, list);
  }
  return byPid;
}
