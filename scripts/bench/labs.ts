// Figures of the lab graders (issue 3), a script, not a test:
// - wall time of `npm run lab -- check` on each lab's solution and starter: the median of
//   several runs, each a fresh process exactly as a learner runs it (goal: under 3 s);
// - flakiness: the solution and every mutant graded `--repeats` times each with a new seed
//   every run, counting the runs whose outcome differs from what the lab promises (solution:
//   every check passes; mutant: the checks before its declared one pass and that one fails,
//   as a learner sees it: the run stops there). Goal: 0 flips.
// Labs whose checks are load tests by design take tens of seconds a run; they have no 3 s goal
// and their flakiness has a script of its own with a time bound (see loadTestedLabs).
//   node scripts/bench/labs.ts [--runs 5] [--repeats 20] [--lab <id>]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { GraderResult } from '../../graders/kit/result-schema.ts';
import { loadGrader } from '../lab/grader-loader.ts';
import { copyProgram, describeVariant, labIds, mutants, repoRoot, type Variant } from '../lab/lab-folders.ts';

const checkGoalSeconds = 3;
const loadTestedLabs: Record<string, string> = { 'tune-the-workers': 'node scripts/bench/tune-the-workers-flakiness.ts' };
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, repeats: { type: 'string', default: '20' }, lab: { type: 'string' } } });
const runs = Number(values.runs);
const repeats = Number(values.repeats);
if (!Number.isInteger(runs) || runs < 1 || runs > 50 || !Number.isInteger(repeats) || repeats < 1 || repeats > 500) {
  console.error('labs bench: --runs must be a whole number from 1 to 50 and --repeats from 1 to 500');
  process.exit(2);
}
const ids = values.lab ? [values.lab] : labIds();
// Grading runs in this process: exit normally on Ctrl-C or kill, so the kit's exit hook stops
// any learner program that is running at that moment.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Times `lab check` as a separate process; returns wall times and any unexpected exit codes. */
async function timeCheck(id: string, variant: Variant, expectedExit: number): Promise<{ times: number[]; surprises: string[] }> {
  const dir = copyProgram(id, variant);
  const times: number[] = [];
  const surprises: string[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      // No --port: like a learner's run, the lab's own port, or a free one when it is busy (a
      // lab such as reverse-proxy names its ports in the learner's config, so they must match).
      const started = performance.now();
      const run = spawnSync(process.execPath, ['scripts/lab.ts', 'check', id, '--dir', dir, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      times.push(performance.now() - started);
      if (run.status !== expectedExit) surprises.push(`run ${i + 1} exited ${run.status ?? run.signal}, expected ${expectedExit}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { times, surprises };
}

/** "pass", or the run's status and the first check that did not pass: where a learner's run stops. */
function outcome(result: GraderResult): string {
  const stoppedAt = result.checks.find((c) => c.status !== 'pass');
  return result.status === 'pass' || !stoppedAt ? result.status : `${result.status} ${stoppedAt.slug}:${stoppedAt.status}`;
}

let totalFlips = 0;
let worstMedian = 0;
console.log(`Lab graders on this machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const id of ids) {
  const grader = await loadGrader(id);
  console.log(`\n${id}: \`npm run lab -- check\`, wall time of ${runs} runs, each a fresh process`);
  for (const [variant, exit] of [[{ kind: 'solution' }, 0], [{ kind: 'starter' }, 1]] as const) {
    const { times, surprises } = await timeCheck(id, variant, exit);
    if (!(id in loadTestedLabs)) worstMedian = Math.max(worstMedian, median(times));
    console.log(`  ${describeVariant(variant).padEnd(10)} median ${seconds(median(times))} (min ${seconds(Math.min(...times))}, max ${seconds(Math.max(...times))})${surprises.length ? `; UNEXPECTED: ${surprises.join('; ')}` : ''}`);
  }

  if (loadTestedLabs[id]) {
    console.log(`${id}: its checks are load tests by design (no ${checkGoalSeconds} s goal); flakiness: ${loadTestedLabs[id]}`);
    continue;
  }
  console.log(`${id}: flakiness, ${repeats} graded runs each with a new seed every run`);
  const variants: Array<{ variant: Variant; expected: string }> = [
    { variant: { kind: 'solution' }, expected: 'pass' },
    ...mutants(id).map((m) => ({ variant: { kind: 'mutant', name: m.name } as Variant, expected: `fail ${m.fails}:fail` })),
  ];
  for (const { variant, expected } of variants) {
    const dir = copyProgram(id, variant);
    const seen = new Map<string, number>();
    const durations: number[] = [];
    try {
      for (let i = 0; i < repeats; i += 1) {
        const result = await grader.run({ dir });
        durations.push(result.duration_ms);
        const key = outcome(result);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const flips = repeats - (seen.get(expected) ?? 0);
    totalFlips += flips;
    const others = [...seen].filter(([key]) => key !== expected).map(([key, count]) => `${count}× ${key}`);
    console.log(`  ${describeVariant(variant).padEnd(38)} ${flips} flips of ${repeats}, median ${seconds(median(durations))}${others.length ? `; instead: ${others.join('; ')}` : ''}`);
  }
}

console.log(`\nFull check, worst median of the labs without load tests: ${seconds(worstMedian)} (goal < ${checkGoalSeconds} s: ${worstMedian < checkGoalSeconds * 1000 ? 'met' : 'MISSED'})`);
console.log(`Flips: ${totalFlips} (goal 0: ${totalFlips === 0 ? 'met' : 'MISSED'})`);
