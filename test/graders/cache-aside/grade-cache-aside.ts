// Runs the cache-aside grader on a copy of a lab program (starter, solution, a mutant) or of a
// test fixture laid over the solution, on a port the OS picked, and reports what it left behind.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grader } from '../../../graders/cache-aside/grader.ts';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import type { GraderResult } from '../../../graders/kit/result-schema.ts';
import type { RunEvent } from '../../../graders/kit/run-events.ts';
import { copyProgram, type Variant } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';

export const labId = 'cache-aside';

export type CacheAsideProgram = Variant | { kind: 'fixture'; name: string };

export interface GradedRun {
  result: GraderResult;
  events: RunEvent[];
  /** Processes still alive after the run; must be empty. */
  leftovers: string[];
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A fresh folder with the program: fixtures bring only server.js and borrow the rest from the solution. */
export function programFolder(program: CacheAsideProgram): string {
  if (program.kind !== 'fixture') return copyProgram(labId, program);
  const dir = copyProgram(labId, { kind: 'solution' });
  cpSync(join(fixtures, program.name), dir, { recursive: true });
  return dir;
}

export async function gradeCacheAside(program: CacheAsideProgram, options: { all?: boolean; seed?: number } = {}): Promise<GradedRun> {
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

/** Every check that did not pass, as [slug, status]. */
export function notPassing(result: GraderResult): Array<[string, string]> {
  return result.checks.filter((check) => check.status !== 'pass').map((check) => [check.slug, check.status]);
}

/** What went wrong in a run, for the message of a failing assertion. */
export function explain(run: GradedRun): string {
  const checks = run.result.checks.filter((check) => check.status !== 'pass').map((check) => `${check.slug} ${check.status} ${check.reason ?? ''}: ${check.message}${check.actual ? ` (actual: ${check.actual})` : ''}`);
  return [`seed ${run.result.seed}, status ${run.result.status}${run.result.message ? `: ${run.result.message}` : ''}`, ...checks, `output: ${(run.result.output ?? '').slice(-800)}`].join('\n');
}
