// The settings a gunicorn.conf.py resolves to, read from `course-gunicorn --print-config`
// (lines `name = value`, padded as Gunicorn pads them), and what they cost on the lab's box.
import { leakPerExportMib, machine } from './lab-settings.ts';

export interface WorkerSettings {
  workers: number;
  threads: number;
  workerClass: string;
  timeout: number;
  maxRequests: number;
  maxRequestsJitter: number;
  bind: string;
}

export function parsePrintedConfig(lines: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines) {
    const match = /^([a-z_]+)\s*=\s*(.*)$/.exec(line.trim());
    if (match) values.set(match[1] as string, (match[2] as string).trim());
  }
  return values;
}

function integer(values: Map<string, string>, name: string, fallback: number): number {
  const value = Number.parseInt(values.get(name) ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
}

/** Gunicorn's own defaults fill any setting the output leaves out. */
export function workerSettings(values: Map<string, string>): WorkerSettings {
  return {
    workers: integer(values, 'workers', 1),
    threads: integer(values, 'threads', 1),
    workerClass: values.get('worker_class') ?? 'sync',
    timeout: integer(values, 'timeout', 30),
    maxRequests: integer(values, 'max_requests', 0),
    maxRequestsJitter: integer(values, 'max_requests_jitter', 0),
    bind: values.get('bind') ?? '',
  };
}

/** Threads, or the gthread class, make Gunicorn 20.1 run the threaded worker. */
export function isThreaded(settings: WorkerSettings): boolean {
  return settings.threads > 1 || settings.workerClass.includes('gthread');
}

export function describeSettings(settings: WorkerSettings): string {
  const limit = settings.maxRequests > 0 ? `max_requests = ${settings.maxRequests}, max_requests_jitter = ${settings.maxRequestsJitter}` : 'max_requests = 0 (never recycle)';
  return `workers = ${settings.workers}, threads = ${settings.threads}, timeout = ${settings.timeout}, ${limit}`;
}

/** Memory of the master and the booted workers, before any leak (the model of machine.json). */
export function bootMemoryMib(settings: WorkerSettings): number {
  return machine.master_mib + settings.workers * (machine.worker_mib + settings.threads * machine.thread_mib);
}

export function bootMemoryFormula(settings: WorkerSettings): string {
  const perWorker = `(${machine.worker_mib} + ${settings.threads} thread${settings.threads === 1 ? '' : 's'} × ${machine.thread_mib})`;
  return `${machine.master_mib} + ${settings.workers} × ${perWorker} = ${bootMemoryMib(settings)} MiB`;
}

/** The most a worker can leak through GET /export before max_requests (plus jitter) recycles it. */
export function worstLeakPerWorkerMib(settings: WorkerSettings): number {
  return (settings.maxRequests + settings.maxRequestsJitter) * leakPerExportMib;
}
