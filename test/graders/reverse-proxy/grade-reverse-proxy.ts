// Runs the reverse-proxy grader on a copy of a lab program (starter, solution, a mutant),
// optionally on real nginx, and reports what it left behind. nginx.conf cannot read PORT, so
// the copy's ports 8080, 8081 and 8082 become three free ports in a row: the proxy's and the
// two app instances' that the grader derives from it (PORT + 1, PORT + 2).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grader } from '../../../graders/reverse-proxy/grader.ts';
import { canListen } from '../../../graders/kit/process/port-probe.ts';
import type { GraderResult } from '../../../graders/kit/result-schema.ts';
import type { RunEvent } from '../../../graders/kit/run-events.ts';
import { copyProgram, type Variant } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';

export const labId = 'reverse-proxy';

export interface GradedRun {
  result: GraderResult;
  events: RunEvent[];
  /** Processes still alive after the run; must be empty. */
  leftovers: string[];
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const realNginxShim = join(fixtures, 'real-nginx');

/** A lab program, or a test fixture laid over the solution (fixtures bring only nginx.conf). */
export type ReverseProxyProgram = Variant | { kind: 'fixture'; name: string };
const taken = new Set<number>();

/**
 * Three free ports in a row, below the range the OS hands out for port 0 (so no port-0 listener
 * takes one in between), never handed out twice in this process.
 */
export async function freePortTriple(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = [base, base + 1, base + 2];
    if (ports.some((port) => taken.has(port))) continue;
    const free = await Promise.all(ports.map((port) => canListen('127.0.0.1', port)));
    if (free.every(Boolean)) {
      for (const port of ports) taken.add(port);
      return base;
    }
  }
  throw new Error('found no three free ports in a row between 20000 and 32000');
}

/** Points a copied nginx.conf at `port` and the two ports after it. */
export function movePorts(dir: string, port: number): void {
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8').replace(/\b808([012])\b/g, (_, offset: string) => String(port + Number(offset))));
}

export async function gradeReverseProxy(program: ReverseProxyProgram, options: { all?: boolean; seed?: number; realNginx?: boolean } = {}): Promise<GradedRun> {
  const dir = copyProgram(labId, program.kind === 'fixture' ? { kind: 'solution' } : program);
  try {
    if (program.kind === 'fixture') cpSync(join(fixtures, program.name), dir, { recursive: true });
    if (options.realNginx) cpSync(realNginxShim, dir, { recursive: true });
    const port = await freePortTriple();
    movePorts(dir, port);
    const events: RunEvent[] = [];
    const result = await grader.run({ dir, port, all: options.all, seed: options.seed, onEvent: (event) => events.push(event) });
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
