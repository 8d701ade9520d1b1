// Flakiness of the tune-the-workers grader (issue 7): the solution and every mutant config are
// graded again and again, one run at a time, and every check whose status differs from what
// the lab promises is a flip. The promise is the one the grader tests hold it to: the solution
// passes every check; a mutant passes every check before the one it names, fails that one, and
// the rest are skipped (with --all they run too, and a flip there is a status that differs
// from the majority of that check's runs on that config). Goal: zero flips.
//
// A run takes about 25 s and a full pass of the solution and 8 mutants 20 times each about an
// hour on two cores, so the runs are bounded by --minutes: the configs' runs are interleaved
// evenly, so whatever ran when the time is up is spread across configs, and the report says
// exactly how many runs each config got. labs.ts times `lab check` on the solution as a learner
// runs it; this script measures flips, which labs.ts's "exactly one check fails with --all"
// rule cannot judge for this lab (a mutant that runs the box out of memory ends the program, so
// the checks after it are skipped, not passed).
//   node scripts/bench/tune-the-workers-flakiness.ts [--runs 20] [--mutant-runs 20] [--minutes 20] [--all] [--only solution,no-timeout]
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { freeServicePort } from '../../graders/kit/process/service-port.ts';
import type { CheckStatus, GraderResult } from '../../graders/kit/result-schema.ts';
import { grader } from '../../graders/tune-the-workers/grader.ts';
import { leftoverProcesses } from '../../test/support/leftover-processes.ts';
import { copyProgram, describeVariant, mutants, type Variant } from '../lab/lab-folders.ts';

const labId = 'tune-the-workers';
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    'mutant-runs': { type: 'string' },
    minutes: { type: 'string', default: '20' },
    all: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const mutantRuns = Number(values['mutant-runs'] ?? values.runs);
const minutes = Number(values.minutes);
if (![runs, mutantRuns].every((n) => Number.isInteger(n) && n >= 0 && n <= 200) || !(minutes > 0 && minutes <= 600)) {
  console.error('tune-the-workers flakiness: --runs and --mutant-runs must be whole numbers from 0 to 200, --minutes above 0 and at most 600');
  process.exit(2);
}
// Grading runs in this process: exit normally on Ctrl-C or kill, so the kit's exit hook stops
// the learner program of the run in progress.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));

const slugs = grader.checks.map((check) => check.slug);

interface Config {
  name: string;
  variant: Variant;
  planned: number;
  /** What the lab promises for each check, or undefined where only the majority can tell. */
  promised: Array<CheckStatus | undefined>;
  outcomes: CheckStatus[][];
  durations: number[];
  leftovers: number;
  problems: string[];
}

function promise(fails: string | undefined): Array<CheckStatus | undefined> {
  if (fails === undefined) return slugs.map(() => 'pass');
  const at = slugs.indexOf(fails);
  return slugs.map((_, i) => (i < at ? 'pass' : i === at ? 'fail' : values.all ? undefined : 'skipped'));
}

const wanted = values.only?.split(',');
const configs: Config[] = [
  { name: 'solution', variant: { kind: 'solution' } as Variant, planned: runs, promised: promise(undefined) },
  ...mutants(labId).map((m) => ({ name: m.name, variant: { kind: 'mutant', name: m.name } as Variant, planned: mutantRuns, promised: promise(m.fails) })),
]
  .filter((config) => !wanted || wanted.includes(config.name))
  .map((config) => ({ ...config, outcomes: [], durations: [], leftovers: 0, problems: [] }));
if (configs.length === 0) {
  console.error(`tune-the-workers flakiness: --only names no config; the configs are solution, ${mutants(labId).map((m) => m.name).join(', ')}`);
  process.exit(2);
}

// Run k of a config with n runs sits at (k + 0.5) / n of the schedule, so every config's runs
// are spread evenly over the whole time, and a time limit cuts all configs alike.
const schedule = configs
  .flatMap((config) => Array.from({ length: config.planned }, (_, k) => ({ config, at: (k + 0.5) / config.planned })))
  .sort((a, b) => a.at - b.at);

async function gradeOnce(config: Config): Promise<void> {
  const dir = copyProgram(labId, config.variant);
  try {
    const groups: number[] = [];
    const result: GraderResult = await grader.run({ dir, port: await freeServicePort(), all: values.all, onEvent: (event) => event.type === 'process-start' && groups.push(event.pid) });
    const statuses = slugs.map((slug) => result.checks.find((check) => check.slug === slug)?.status ?? 'skipped');
    config.outcomes.push(statuses);
    config.durations.push(result.duration_ms);
    if (leftoverProcesses(dir, groups).length > 0) config.leftovers += 1;
    if (result.status === 'error') config.problems.push(result.message ?? result.checks.find((c) => c.status === 'error')?.message ?? 'status error');
    for (const [i, check] of result.checks.entries()) {
      const promised = config.promised[i];
      if (promised !== undefined && check.status !== promised) config.problems.push(`${check.slug} ${check.status}${check.reason ? ` (${check.reason})` : ''}: ${check.message.split('\n')[0]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per check: runs whose status differs from the promise, or from the majority where there is none. */
function flipsOf(config: Config): number[] {
  return slugs.map((_, i) => {
    const seen = config.outcomes.map((outcome) => outcome[i] as CheckStatus);
    const counts = new Map<CheckStatus, number>();
    for (const status of seen) counts.set(status, (counts.get(status) ?? 0) + 1);
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const expected = config.promised[i] ?? majority;
    return seen.filter((status) => status !== expected).length;
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);
const load = () => loadavg()[0] as number;

const startedAt = Date.now();
const stopAt = startedAt + minutes * 60_000;
const loads: number[] = [];
console.log(`${labId} flakiness: ${configs.length} configs, ${schedule.length} graded runs planned (solution ${configs[0]?.name === 'solution' ? runs : 0}, each mutant ${mutantRuns})${values.all ? ' with --all' : ''}, one at a time, at most ${minutes} min`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let done = 0;
for (const { config } of schedule) {
  if (Date.now() >= stopAt) break;
  loads.push(load());
  const problemsBefore = config.problems.length;
  await gradeOnce(config);
  done += 1;
  const last = config.outcomes.at(-1) ?? [];
  const shown = last.every((s) => s === 'pass') ? 'pass' : last.map((s, i) => (s === 'pass' ? '' : `${slugs[i]}:${s}`)).filter(Boolean).join(' ');
  const flipped = config.problems.length > problemsBefore ? `  FLIP: ${config.problems.slice(problemsBefore).join('; ')}` : '';
  console.log(`  [${String(done).padStart(3)}/${schedule.length}] ${config.name.padEnd(28)} ${seconds(config.durations.at(-1) ?? 0).padStart(7)}  load ${loads.at(-1)?.toFixed(1)}  ${shown}${flipped}`);
}

let total = 0;
console.log(`\n${labId}: flips per config (a check whose status differs from the lab's promise${values.all ? ', or from its majority after the failing check' : ''})`);
for (const config of configs) {
  const flips = flipsOf(config);
  const sum = flips.reduce((a, b) => a + b, 0);
  total += sum;
  const where = flips.map((n, i) => (n ? `${n}× ${slugs[i]}` : '')).filter(Boolean).join(', ');
  const ran = config.outcomes.length;
  console.log(
    `  ${config.name.padEnd(28)} ${String(ran).padStart(3)} of ${String(config.planned).padStart(3)} runs  ${String(sum).padStart(2)} flips${where ? ` (${where})` : ''}  median ${seconds(median(config.durations))}${config.leftovers ? `  LEFT PROCESSES BEHIND in ${config.leftovers} runs` : ''}`,
  );
}
const took = Date.now() - startedAt;
console.log(`\nFlips: ${total} in ${done} of ${schedule.length} planned runs (goal 0: ${total === 0 ? 'met' : 'MISSED'})${done < schedule.length ? `; stopped at the ${minutes} min limit` : ''}`);
const loadRange = loads.length ? `min ${Math.min(...loads).toFixed(1)}, median ${median(loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)}` : 'no runs';
console.log(`  ${seconds(took)} in all; 1-minute load average at the start of each run: ${loadRange} (${availableParallelism()} cores)`);
