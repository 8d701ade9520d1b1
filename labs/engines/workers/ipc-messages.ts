// The messages master and workers exchange over the child_process IPC channel.

/** Worker → master. */
export type WorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'notify' }
  | { type: 'cpu'; id: number }
  | { type: 'cpu-done'; id: number }
  | { type: 'leak'; kib: number }
  | { type: 'retiring' };

/** Master → worker. */
export type MasterMessage =
  | { type: 'core'; id: number }
  | { type: 'abort' }
  | { type: 'stop'; graceful: boolean };

/** What a worker needs to know, passed in its environment as JSON. */
export interface WorkerConfig {
  app: string;
  cwd: string;
  kind: 'sync' | 'gthread';
  threads: number;
  timeout: number;
  gracefulTimeout: number;
  keepalive: number;
  /** max_requests + randint(0, jitter), drawn by the master; 0 means never recycle. */
  maxRequests: number;
  endpoints: Record<string, { cpu_ms: number; wait_ms: number; leak_kib: number }>;
}

export const roleVariable = 'COURSE_GUNICORN_ROLE';
export const configVariable = 'COURSE_GUNICORN_WORKER';

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
