// Figures of the cache-aside lab (issue 6), a script, not a test:
// - check time on the solution: wall time of `npm run lab -- check cache-aside`, each run a
//   fresh process as a learner runs it (median of --runs), and the median time of each check,
//   with the part of it the lab spends waiting by design (the TTL, the slow database);
// - flakiness: the solution and every mutant graded --repeats times with --all and a new seed
//   each run, six runs at a time so the timing checks see a loaded machine, counting runs whose
//   outcome differs from the expected one. Goal: 0 flips.
//   node scripts/bench/cache-aside.ts [--runs 5] [--repeats 3]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { grader } from '../../graders/cache-aside/grader.ts';
import { freeServicePort } from '../../graders/kit/process/service-port.ts';
import { graderResultSchema, type GraderResult } from '../../graders/kit/result-schema.ts';
import { copyProgram, mutants, repoRoot, type Variant } from '../lab/lab-folders.ts';

const labId = 'cache-aside';
const parallelRuns = 6;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, repeats: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const repeats = Number(values.repeats);
if (!Number.isInteger(runs) || runs < 1 || runs > 50 || !Number.isInteger(repeats) || repeats < 1 || repeats > 200) {
  console.error('cache-aside bench: --runs must be a whole number from 1 to 50 and --repeats from 1 to 200');
  process.exit(2);
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `lab check` on the solution as a separate process: wall time and the parsed result. */
async function timedCheck(dir: string): Promise<{ wallMs: number; result: GraderResult }> {
  const port = String(await freeServicePort());
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/lab.ts', 'check', labId, '--dir', dir, '--port', port, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`lab check on the solution exited ${run.status ?? run.signal}: ${run.stderr || run.stdout.slice(0, 500)}`);
  return { wallMs, result: graderResultSchema.parse(JSON.parse(run.stdout)) };
}

function outcome(result: GraderResult): string {
  const notPassing = result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.slug}:${c.status}`);
  return result.status === 'pass' ? 'pass' : `${result.status} ${notPassing.join(' ')}`;
}

console.log(`cache-aside lab on this machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const solution = copyProgram(labId, { kind: 'solution' });
const walls: number[] = [];
const perCheck = new Map<string, number[]>();
try {
  for (let i = 0; i < runs; i += 1) {
    const { wallMs, result } = await timedCheck(solution);
    walls.push(wallMs);
    for (const check of result.checks) perCheck.set(check.slug, [...(perCheck.get(check.slug) ?? []), check.duration_ms]);
  }
} finally {
  rmSync(solution, { recursive: true, force: true });
}
console.log(`\nCheck time on the solution, \`npm run lab -- check ${labId}\` in a fresh process, ${runs} runs:`);
console.log(`  wall time median ${seconds(median(walls))} (min ${seconds(Math.min(...walls))}, max ${seconds(Math.max(...walls))})`);
console.log('  median per check:');
for (const [slug, durations] of perCheck) console.log(`    ${slug.padEnd(40)} ${String(Math.round(median(durations))).padStart(5)} ms`);
console.log('  by design: expires-entries-after-ttl waits out a 2 s TTL, serves-from-database-when-cache-fails waits for two 1 s command timeouts of the solution, and every database query takes 100 ms.');

const variants: Array<{ variant: Variant; expected: string }> = [
  { variant: { kind: 'solution' }, expected: 'pass' },
  ...mutants(labId).map((m) => ({ variant: { kind: 'mutant', name: m.name } as Variant, expected: `fail ${m.fails}:fail` })),
];
const jobs = variants.flatMap((v) => Array.from({ length: repeats }, () => v));
const seen = new Map<Variant, Map<string, number>>();
let next = 0;
const startedAt = performance.now();
async function worker(): Promise<void> {
  while (next < jobs.length) {
    const job = jobs[next++] as (typeof jobs)[number];
    const dir = copyProgram(labId, job.variant);
    try {
      const result = await grader.run({ dir, port: await freeServicePort(), all: true });
      const counts = seen.get(job.variant) ?? new Map<string, number>();
      counts.set(outcome(result), (counts.get(outcome(result)) ?? 0) + 1);
      seen.set(job.variant, counts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
await Promise.all(Array.from({ length: parallelRuns }, worker));
console.log(`\nFlakiness: ${variants.length} programs × ${repeats} runs with --all, ${parallelRuns} at a time (${seconds(performance.now() - startedAt)}):`);
let flips = 0;
for (const { variant, expected } of variants) {
  const counts = seen.get(variant) ?? new Map();
  const wrong = [...counts].filter(([got]) => got !== expected);
  const wrongRuns = wrong.reduce((sum, [, count]) => sum + count, 0);
  flips += wrongRuns;
  const name = variant.kind === 'mutant' ? `mutant ${variant.name}` : variant.kind;
  console.log(`  ${name.padEnd(42)} ${wrongRuns === 0 ? `${repeats}/${repeats} as expected` : `${wrongRuns} FLIPPED: ${wrong.map(([got, n]) => `${n} × ${got}`).join('; ')}`}`);
}
console.log(`  flips: ${flips} of ${jobs.length} runs (goal 0)`);
process.exit(flips === 0 ? 0 : 1);
