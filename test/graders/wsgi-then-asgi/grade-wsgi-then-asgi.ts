// Runs the wsgi-then-asgi grader on a copy of a lab program (starter, solution, a mutant, a
// fixture over the solution), served by the course's Python servers or by Debian's real
// Gunicorn and Uvicorn, and reports what it left behind.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grader } from '../../../graders/wsgi-then-asgi/grader.ts';
import { freePort } from '../../../graders/kit/process/port-probe.ts';
import type { GraderResult } from '../../../graders/kit/result-schema.ts';
import type { RunEvent } from '../../../graders/kit/run-events.ts';
import { copyProgram, type Variant } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';

export const labId = 'wsgi-then-asgi';

export interface GradedRun {
  result: GraderResult;
  events: RunEvent[];
  /** Processes still alive after the run; must be empty. */
  leftovers: string[];
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const realServers = join(fixtures, 'real-servers');

/** A lab program, or a test fixture's files laid over the solution. */
export type LabProgram = Variant | { kind: 'fixture'; name: string };

function copyLabProgram(program: LabProgram): string {
  if (program.kind !== 'fixture') return copyProgram(labId, program);
  const into = copyProgram(labId, { kind: 'solution' });
  cpSync(join(fixtures, program.name), into, { recursive: true });
  return into;
}

/** Grades a program on the course servers, or with realServers on Gunicorn and Uvicorn (the fixture's launch.mjs replaces the lab's). */
export async function gradeLab(program: LabProgram, options: { all?: boolean; seed?: number; realServers?: boolean } = {}): Promise<GradedRun> {
  const dir = copyLabProgram(program);
  try {
    if (options.realServers) cpSync(realServers, dir, { recursive: true });
    const events: RunEvent[] = [];
    const result = await grader.run({ dir, port: await freePort(), all: options.all, seed: options.seed, onEvent: (event) => events.push(event) });
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
  const checks = run.result.checks
    .filter((check) => check.status !== 'pass')
    .map((check) => `${check.slug} ${check.status} ${check.reason ?? ''}: ${check.message}${check.actual ? ` (actual: ${check.actual})` : ''}\n${check.transcript ?? ''}`);
  return [`seed ${run.result.seed}, status ${run.result.status}${run.result.message ? `: ${run.result.message}` : ''}`, ...checks, `output: ${(run.result.output ?? '').slice(-1500)}`].join('\n');
}
