// A lab's grader: its manifest (embedded at build time), its checks as data, and an optional
// prepare step. `run` grades one folder and always returns a result that passed the result
// schema, with the learner's processes gone, whatever happened on the way.
import { existsSync, statSync } from 'node:fs';
import type { CheckDefinition } from './check.ts';
import { CheckRunner, setSeries } from './check-runner.ts';
import { HttpClient } from './http/http-client.ts';
import type { LabManifest } from './manifest-schema.ts';
import { parseManifest } from './manifest-file.ts';
import { LearnerProgram, programLabel } from './process/learner-program.ts';
import { canListen, freePort, tryConnect } from './process/port-probe.ts';
import { Teardown } from './process/teardown.ts';
import type { GraderResult } from './result-schema.ts';
import { buildResult, type RunFacts } from './result-builder.ts';
import type { RunEventListener } from './run-events.ts';
import { newSeed, SeededRandom } from './seeded-random.ts';

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
    run: (options: RunOptions) => runGrader(definition, manifest, options),
  };
}

async function runGrader<Env>(definition: GraderDefinition<Env>, manifest: () => LabManifest, options: RunOptions): Promise<GraderResult> {
  const startedAt = Date.now();
  const emit = options.onEvent ?? (() => {});
  const facts: RunFacts = { lab: undefined, seed: options.seed ?? newSeed(), port: options.port ?? 0, startedAt, checks: [], problem: undefined, output: undefined };
  const teardown = new Teardown();
  let program: LearnerProgram | undefined;
  try {
    const lab = manifest();
    facts.lab = lab.id;
    const difference = mismatch(lab, definition.checks);
    if (difference) throw new Error(difference);
    if (!existsSync(options.dir) || !statSync(options.dir).isDirectory()) {
      throw new Error(`the folder ${options.dir} does not exist; pass the folder with your program (--dir)`);
    }
    const port = await choosePort(lab, options.port, emit);
    facts.port = port;
    const deadlineMs = options.deadlineMs ?? definition.deadlineMs ?? 30_000;
    const random = new SeededRandom(facts.seed);
    emit({ type: 'run-start', lab: lab.id, dir: options.dir, host: learnerHost, port, seed: facts.seed, checks: definition.checks.length });
    const command = [lab.start.command, ...lab.start.args].join(' ');
    const started = new LearnerProgram({
      manifest: lab,
      dir: options.dir,
      host: learnerHost,
      port,
      readyTimeoutMs: definition.readyTimeoutMs ?? 5000,
      onLine: (label, line, stream) => emit({ type: 'output', label, line, stream }),
      onSpawn: (pid) => emit({ type: 'process-start', label: programLabel, command, pid }),
    });
    program = started;
    teardown.add('stop your program', () => started.stop());
    const env = (await definition.prepare?.({ dir: options.dir, host: learnerHost, port, random, teardown, emit })) as Env;
    facts.checks = await new CheckRunner<Env>({
      checks: definition.checks,
      program: started,
      all: options.all ?? false,
      deadlineAt: startedAt + deadlineMs,
      deadlineMs,
      signal: options.signal,
      emit,
      makeContext: (_check, transcript, signal, extras) => ({
        lab,
        dir: options.dir,
        host: learnerHost,
        port,
        random,
        env,
        program: started,
        http: new HttpClient({ host: learnerHost, port, transcript, signal }),
        teardown,
        signal,
        emit,
        note: (text) => transcript.note(text),
        setRepro: (line) => {
          extras.repro = line;
        },
        setSeries: (series) => setSeries(extras, series),
      }),
    }).run();
    if (options.signal?.aborted) facts.problem = 'The run was interrupted before every check ran.';
  } catch (error) {
    facts.problem = `The grader could not run: ${error instanceof Error ? error.message : String(error)}. This is not a problem with your program.`;
  } finally {
    const leftovers = await teardown.runAll();
    if (leftovers.length) facts.problem = `${facts.problem ?? ''} Cleaning up failed: ${leftovers.join('; ')}`.trim();
  }
  facts.output = program?.output;
  return buildResult(facts);
}
