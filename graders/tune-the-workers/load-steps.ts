// The load profile of the latency check: closed-loop clients, 80 % GET /orders (mostly waiting
// on the database) and 20 % GET /report (computing), in steps of growing concurrency, each
// bounded in time. Each step becomes a row of the check's series.
import { runLoad, type LoadReport } from '../kit/load/load-generator.ts';
import type { SeriesRow } from '../kit/result-schema.ts';
import { labSettings } from './lab-settings.ts';

export function profilePath(i: number): string {
  return i % labSettings.reportEvery === labSettings.reportEvery - 1 ? '/report' : '/orders';
}

export interface StepResult {
  clients: number;
  /** The row's name in the series, e.g. "8 clients". */
  label: string;
  report: LoadReport;
  errors: number;
}

/** Requests that got no answer, plus answers with a 5xx status. */
export function errorCount(report: LoadReport): number {
  const unanswered = Object.values(report.errors).reduce((sum, n) => sum + n, 0);
  const serverErrors = Object.entries(report.statuses).filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
  return unanswered + serverErrors;
}

export async function runStep(host: string, port: number, clients: number, signal: AbortSignal, label = `${clients} clients`): Promise<StepResult> {
  const report = await runLoad({
    host,
    port,
    request: (i) => ({ path: profilePath(i) }),
    concurrency: clients,
    durationMs: labSettings.stepMs,
    timeoutMs: labSettings.requestTimeoutMs,
    // Sync workers close every connection after one answer; fresh connections keep every step alike.
    keepAlive: false,
    signal,
  });
  return { clients, label, report, errors: errorCount(report) };
}

export function seriesRow(step: StepResult): SeriesRow {
  const { latencyMs, throughput } = step.report;
  return { label: step.label, p50: latencyMs.p50, p95: latencyMs.p95, p99: latencyMs.p99, throughput, errors: step.errors };
}

export function describeStep(step: StepResult): string {
  const { latencyMs, throughput, completed } = step.report;
  const errors = step.errors === 0 ? 'no errors' : `${step.errors} error${step.errors === 1 ? '' : 's'} (${Object.entries(step.report.errors).map(([code, n]) => `${n} × ${code}`).join(', ') || 'status 5xx'})`;
  return `${completed} answers, ${throughput} req/s: p50 ${Math.round(latencyMs.p50)} ms, p95 ${Math.round(latencyMs.p95)} ms, p99 ${Math.round(latencyMs.p99)} ms, ${errors}`;
}

/** Two requests per worker, at once, whose latencies nobody records. */
export async function warmUp(host: string, port: number, workers: number, signal: AbortSignal): Promise<void> {
  const clients = Math.min(Math.max(workers, 1), 32);
  await runLoad({ host, port, request: () => ({ path: '/health' }), concurrency: clients, requests: clients * 2, timeoutMs: labSettings.requestTimeoutMs, keepAlive: false, signal });
}
