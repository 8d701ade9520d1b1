// A bounded HTTP load generator for graders: a fixed number of concurrent clients send
// requests until a request budget or a time budget runs out, and the run reports throughput,
// status counts, errors and exact latency percentiles. Bounds are enforced, so a grader can
// never turn into a runaway load test on a learner's laptop.
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { LatencyRecorder, type LatencySummary } from './latency-recorder.ts';

export const loadLimits = { maxConcurrency: 256, maxRequests: 100_000, maxDurationMs: 120_000 } as const;

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  host: string;
  port: number;
  /** Builds request number i (0-based); use the check's seeded random for varied paths. */
  request: (i: number) => LoadRequest;
  concurrency: number;
  /** Stop after this many requests. At least one of requests and durationMs is required. */
  requests?: number;
  /** Stop starting new requests after this long. */
  durationMs?: number;
  timeoutMs?: number;
  /** Reuse connections (default true), as browsers and proxies do. */
  keepAlive?: boolean;
  signal?: AbortSignal;
}

export interface LoadReport {
  sent: number;
  completed: number;
  /** Requests that got no response, by error code ("timeout", "ECONNREFUSED", ...). */
  errors: Record<string, number>;
  /** Responses by status code. */
  statuses: Record<string, number>;
  durationMs: number;
  /** Completed responses per second. */
  throughput: number;
  latencyMs: LatencySummary;
}

function checkBounds(options: LoadOptions): void {
  const { concurrency, requests, durationMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > loadLimits.maxConcurrency) {
    throw new RangeError(`concurrency must be a whole number from 1 to ${loadLimits.maxConcurrency}; received ${concurrency}`);
  }
  if (requests === undefined && durationMs === undefined) throw new RangeError('a load run needs a request budget (requests) or a time budget (durationMs)');
  if (requests !== undefined && (!Number.isInteger(requests) || requests < 1 || requests > loadLimits.maxRequests)) {
    throw new RangeError(`requests must be a whole number from 1 to ${loadLimits.maxRequests}; received ${requests}`);
  }
  if (durationMs !== undefined && (durationMs <= 0 || durationMs > loadLimits.maxDurationMs)) {
    throw new RangeError(`durationMs must be above 0 and at most ${loadLimits.maxDurationMs}; received ${durationMs}`);
  }
}

function send(agent: Agent, options: LoadOptions, spec: LoadRequest): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      { agent, host: options.host, port: options.port, method: spec.method ?? 'GET', path: spec.path, headers: spec.headers, timeout: options.timeoutMs ?? 5000 },
      (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? 'response error' }));
      },
    );
    req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(spec.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  checkBounds(options);
  const budget = options.requests ?? loadLimits.maxRequests;
  const agent = new Agent({ keepAlive: options.keepAlive ?? true, maxSockets: options.concurrency });
  const recorder = new LatencyRecorder(budget);
  const errors: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const stopAt = options.durationMs === undefined ? Infinity : started + options.durationMs;
  let next = 0;
  const client = async () => {
    while (next < budget && performance.now() < stopAt && !options.signal?.aborted) {
      const spec = options.request(next);
      next += 1;
      const sentAt = performance.now();
      const outcome = await send(agent, options, spec);
      if ('status' in outcome) {
        recorder.record(performance.now() - sentAt);
        statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      } else errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    agent.destroy();
  }
  const durationMs = performance.now() - started;
  return {
    sent: next,
    completed: recorder.count,
    errors,
    statuses,
    durationMs: Math.round(durationMs),
    throughput: Math.round((recorder.count / (durationMs / 1000)) * 10) / 10,
    latencyMs: recorder.summary(),
  };
}
