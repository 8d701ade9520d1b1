// Runs the first-web-server grader on a copy of a lab program or a fixture program, on a
// port the OS picked, and reports what it left behind.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { grader } from '../../graders/first-web-server/grader.ts';
import { freePort } from '../../graders/kit/process/port-probe.ts';
import type { GraderResult } from '../../graders/kit/result-schema.ts';
import type { RunEvent } from '../../graders/kit/run-events.ts';
import { copyProgram, repoRoot, type Variant } from '../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../support/leftover-processes.ts';

export const labId = 'first-web-server';

export interface GradedRun {
  result: GraderResult;
  events: RunEvent[];
  /** Processes still alive after the run; must be empty. */
  leftovers: string[];
}

export function fixtureProgram(name: string): Variant {
  return { kind: 'folder', dir: join(repoRoot, 'test', 'fixtures', 'programs', name) };
}

export async function gradeProgram(variant: Variant, options: { all?: boolean; seed?: number } = {}): Promise<GradedRun> {
  const dir = copyProgram(labId, variant);
  try {
    const events: RunEvent[] = [];
    const result = await grader.run({ dir, port: await freePort(), all: options.all, seed: options.seed, onEvent: (event) => events.push(event) });
    const groups = events.flatMap((event) => (event.type === 'process-start' ? [event.pid] : []));
    return { result, events, leftovers: leftoverProcesses(dir, groups) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function statuses(result: GraderResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((check) => [check.slug, check.status]));
}
