// A lab's grader: its manifest (embedded at build time), its checks as data, and an optional
// prepare step. `run` grades one folder and always returns a result that passed the result
// schema, with the learner's processes gone, whatever happened on the way.
import { existsSync, statSync } from 'node:fs';
import type { CheckDefinition } from './check.ts';
import { CheckRunner } from './check-runner.ts';
import { HttpClient } from './http/http-client.ts';
import type { LabManifest } from './manifest-schema.ts';
import { parseManifest } from './manifest-file.ts';
import { LearnerProgram, programLabel } from './process/learner-program.ts';
import { canListen, freePort, tryConnect } from './process/port-probe.ts';
import { Teardown } from './process/teardown.ts';
import { graderResultSchema, outputCap, resultVersion, type CheckResult, type GraderResult } from './result-schema.ts';
import type { RunEventListener } from './run-events.ts';
import { newSeed, SeededRandom } from './seeded-random.ts';
import { describeIssues } from './friendly-errors.ts';

export interface PrepareContext {
  dir: string;
  host: string;
  port: number;
  random: SeededRandom;
  teardown: Teardown;
  emit: RunEventListener;
}

export interface GraderDefinition<Env> {
  /** The lab's manifest.json, imported so the bundle carries it. */
  manifest: unknown;
  manifestFile: string;
  checks: ReadonlyArray<CheckDefinition<Env>>;
  /** Builds what the checks share (seeded files, upstreams); runs before the first check. */
  prepare?: (setup: PrepareContext) => Promise<Env> | Env;
  deadlineMs?: number;
  readyTimeoutMs?: number;
}

export interface RunOptions {
  dir: string;
  /** PORT for the learner program; default: the manifest's port, or a free one if that is busy. */
  port?: number;
  seed?: number;
  all?: boolean;
  deadlineMs?: number;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
}

export interface Grader {
  readonly manifestFile: string;
  readonly checks: ReadonlyArray<Pick<CheckDefinition, 'slug' | 'title' | 'hint'>>;
  manifest(): LabManifest;
  run(options: RunOptions): Promise<GraderResult>;
}

/** The address the learner program is told to listen on (HOST). */
export const learnerHost = '127.0.0.1';

function mismatch(manifest: LabManifest, checks: ReadonlyArray<Pick<CheckDefinition, 'slug' | 'title' | 'hint'>>): string | undefined {
  const inManifest = manifest.checks.map((c) => `${c.slug} | ${c.title} | ${c.hint}`);
  const inGrader = checks.map((c) => `${c.slug} | ${c.title} | ${c.hint}`);
  const index = inManifest.findIndex((line, i) => line !== inGrader[i]);
  if (index === -1 && inManifest.length === inGrader.length) return undefined;
  const at = index === -1 ? Math.min(inManifest.length, inGrader.length) : index;
  return `the manifest's checks and the grader's checks differ at position ${at + 1}: manifest has "${manifest.checks[at]?.slug ?? '(none)'}", grader has "${checks[at]?.slug ?? '(none)'}" (slug, title and hint must match)`;
}

async function portIsFree(port: number): Promise<boolean> {
  return (await canListen(learnerHost, port)) && !(await tryConnect(learnerHost, port, 200)).ok;
}

/**
 * The PORT for the learner program. Another program already on it would answer in place of the
 * learner's, so a busy default port is swapped for a free one, and a busy requested port stops the run.
 */
async function choosePort(manifest: LabManifest, requested: number | undefined, emit: RunEventListener): Promise<number> {
  if (requested !== undefined) {
    if (await portIsFree(requested)) return requested;
    throw new Error(`port ${requested} is already in use by another program (is \`npm run lab -- start\` still running?); stop that program or pass another --port`);
  }
  const port = manifest.ports[0] as number;
  if (await portIsFree(port)) return port;
  const other = await freePort(learnerHost);
  emit({ type: 'note', text: `Port ${port} is in use (is \`npm run lab -- start\` still running?), so this run gives your program PORT=${other}.` });
  return other;
}

export function defineGrader<Env>(definition: GraderDefinition<Env>): Grader {
  const manifest = () => parseManifest(definition.manifest, definition.manifestFile);
  return {
    manifestFile: definition.manifestFile,
    checks: definition.checks.map(({ slug, title, hint }) => ({ slug, title, hint })),
    manifest,
    async run(options: RunOptions): Promise<GraderResult> {
      const startedAt = Date.now();
      const emit = options.onEvent ?? (() => {});
      const seed = options.seed ?? newSeed();
      let usedPort = options.port ?? 0;
      const teardown = new Teardown();
      let lab: LabManifest | undefined;
      let program: LearnerProgram | undefined;
      let checks: CheckResult[] = [];
      let problem: string | undefined;
      try {
        lab = manifest();
        const difference = mismatch(lab, definition.checks);
        if (difference) throw new Error(difference);
        if (!existsSync(options.dir) || !statSync(options.dir).isDirectory()) {
          throw new Error(`the folder ${options.dir} does not exist; pass the folder with your program (--dir)`);
        }
        const port = await choosePort(lab, options.port, emit);
        const deadlineMs = options.deadlineMs ?? definition.deadlineMs ?? 30_000;
        const random = new SeededRandom(seed);
        emit({ type: 'run-start', lab: lab.id, dir: options.dir, host: learnerHost, port, seed, checks: definition.checks.length });
        usedPort = port;
        const onLine = (label: string, line: string, stream: 'stdout' | 'stderr') => emit({ type: 'output', label, line, stream });
        const command = [lab.start.command, ...lab.start.args].join(' ');
        const onSpawn = (pid: number) => emit({ type: 'process-start', label: programLabel, command, pid });
        program = new LearnerProgram({ manifest: lab, dir: options.dir, host: learnerHost, port, readyTimeoutMs: definition.readyTimeoutMs ?? 5000, onLine, onSpawn });
        const started = program;
        teardown.add('stop your program', () => started.stop());
        const env = (await definition.prepare?.({ dir: options.dir, host: learnerHost, port, random, teardown, emit })) as Env;
        const labManifest = lab;
        checks = await new CheckRunner<Env>({
          checks: definition.checks,
          program,
          all: options.all ?? false,
          deadlineAt: startedAt + deadlineMs,
          deadlineMs,
          signal: options.signal,
          emit,
          makeContext: (_check, transcript, signal, repro) => ({
            lab: labManifest,
            dir: options.dir,
            host: learnerHost,
            port,
            random,
            env,
            program: started,
            http: new HttpClient({ host: learnerHost, port, transcript, signal }),
            teardown,
            signal,
            note: (text) => transcript.note(text),
            setRepro: (command) => {
              repro.command = command;
            },
          }),
        }).run();
        if (options.signal?.aborted) problem = 'The run was interrupted before every check ran.';
      } catch (error) {
        problem = `The grader could not run: ${error instanceof Error ? error.message : String(error)}. This is not a problem with your program.`;
      } finally {
        const leftovers = await teardown.runAll();
        if (leftovers.length) problem = `${problem ?? ''} Cleaning up failed: ${leftovers.join('; ')}`.trim();
      }
      const output = program?.output;
      const base = { version: resultVersion, seed, port: usedPort } as const;
      const result = {
        ...base,
        lab: lab?.id ?? 'unknown-lab',
        status: problem ? 'error' : checks.some((c) => c.status === 'error') ? 'error' : checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
        ...(problem ? { message: problem } : {}),
        checks,
        duration_ms: Date.now() - startedAt,
        ...(output ? { output: output.length > outputCap ? `…${output.slice(output.length - outputCap + 1)}` : output } : {}),
      };
      const parsed = graderResultSchema.safeParse(result);
      if (parsed.success) return parsed.data;
      return {
        ...base,
        lab: lab?.id ?? 'unknown-lab',
        status: 'error',
        message: `The grader produced a result that does not match its own schema (a bug in the course): ${describeIssues(parsed.error.issues, result).join('; ')}`,
        checks: [],
        duration_ms: Date.now() - startedAt,
      };
    },
  };
}
