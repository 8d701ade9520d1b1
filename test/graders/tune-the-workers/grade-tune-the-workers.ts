// Runs the tune-the-workers grader on a copy of a lab program (starter, solution, a mutant) or
// of a fixture laid over the solution, on a port below the ephemeral range, and reports what it
// left behind. The course puts course-gunicorn.mjs into every copy (files.provided).
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import type { GraderResult } from '../../../graders/kit/result-schema.ts';
import type { RunEvent } from '../../../graders/kit/run-events.ts';
import { grader } from '../../../graders/tune-the-workers/grader.ts';
import { copyProgram, type Variant } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';

export const labId = 'tune-the-workers';

export type TuneProgram = Variant | { kind: 'fixture'; name: string };

export interface GradedRun {
  result: GraderResult;
  events: RunEvent[];
  /** Processes still alive after the run; must be empty. */
  leftovers: string[];
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A fresh folder with the program: fixtures bring only gunicorn.conf.py and borrow the rest from the solution. */
export function programFolder(program: TuneProgram): string {
  if (program.kind !== 'fixture') return copyProgram(labId, program);
  const dir = copyProgram(labId, { kind: 'solution' });
  cpSync(join(fixtures, program.name), dir, { recursive: true });
  return dir;
}

export async function gradeTuneTheWorkers(program: TuneProgram, options: { all?: boolean; seed?: number } = {}): Promise<GradedRun> {
  const dir = programFolder(program);
  try {
    const events: RunEvent[] = [];
    const result = await grader.run({ dir, port: await freeServicePort(), all: options.all, seed: options.seed, onEvent: (event) => events.push(event) });
    const groups = events.flatMap((event) => (event.type === 'process-start' ? [event.pid] : []));
    return { result, events, leftovers: leftoverProcesses(dir, groups) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each check's slug and status, in order. */
export function statuses(result: GraderResult): Array<[string, string]> {
  return result.checks.map((check) => [check.slug, check.status]);
}

/** What went wrong in a run, for the message of a failing assertion. */
export function explain(run: GradedRun): string {
  const checks = run.result.checks
    .filter((check) => check.status !== 'pass')
    .map((check) => `${check.slug} ${check.status} ${check.reason ?? ''}: ${check.message}${check.actual ? ` (actual: ${check.actual})` : ''}${check.transcript ? `\n${check.transcript}` : ''}`);
  return [`status ${run.result.status}${run.result.message ? `: ${run.result.message}` : ''}`, ...checks, `output: ${(run.result.output ?? '').slice(-600)}`].join('\n');
}

/** Runs `work` over `items`, at most `size` at a time, keeping the order of the results. */
export async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
