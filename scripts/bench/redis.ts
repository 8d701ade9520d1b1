// Throughput of the course cache (course-redis) next to real redis-server on this machine, in
// the same run: redis-benchmark's GET and SET tests against each, then the ratio; then the
// differential corpus against both, for its size and agreement. A script, not a test.
//   node scripts/bench/redis.ts [--requests 50000] [--clients 50]
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../test/engines/redis/support/corpus.ts';
import { loadKnownDifferences, runDifferential, summarize } from '../../test/engines/redis/support/differential.ts';
import { redisServerVersion, startRealRedis } from '../../test/engines/redis/support/real-redis.ts';
import { waitForPort } from '../../test/engines/redis/support/wait-for-port.ts';

const REDIS_PORT = 4540;
const ENGINE_PORT = 4541;
const GOAL = 0.3;

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '50000' }, clients: { type: 'string', default: '50' } },
});
const requests = Number(values.requests);
const clients = Number(values.clients);
if (!Number.isInteger(requests) || requests < 1000 || requests > 1_000_000 || !Number.isInteger(clients) || clients < 1 || clients > 1000) {
  console.error('redis bench: --requests must be a whole number from 1000 to 1000000 and --clients from 1 to 1000');
  process.exit(1);
}

const version = redisServerVersion();
if (version === null || spawnSync('redis-benchmark', ['--version']).error !== undefined) {
  console.log('redis bench: skipped, redis-server and redis-benchmark are not installed (Debian: apt-get install redis-server)');
  process.exit(0);
}

/** requests per second of each test, from redis-benchmark --csv. */
function benchmark(port: number, count: number): Map<string, number> {
  const run = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-t', 'get,set', '-n', String(count), '-c', String(clients), '--csv'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`redis-benchmark against port ${port} failed (exit ${run.status ?? run.signal}):\n${run.stderr}`);
  const rates = new Map<string, number>();
  for (const match of run.stdout.matchAll(/^"(\w+)","([\d.]+)"/gm)) rates.set(match[1], Number(match[2]));
  if (rates.size === 0) throw new Error(`redis-benchmark printed no results:\n${run.stdout}`);
  return rates;
}

const redis = await startRealRedis(REDIS_PORT);
const engine = spawn(process.execPath, ['labs/engines/redis/cli.ts', '--port', String(ENGINE_PORT)], { stdio: 'ignore' });
try {
  await waitForPort(ENGINE_PORT, 10_000, new Promise((resolve) => engine.once('exit', () => resolve())));
  // A short warm-up for both, so the JIT of the engine is not part of the measured run.
  benchmark(REDIS_PORT, 5000);
  benchmark(ENGINE_PORT, 5000);
  const real = benchmark(REDIS_PORT, requests);
  const course = benchmark(ENGINE_PORT, requests);

  console.log(`redis bench: redis-benchmark -t get,set -n ${requests} -c ${clients}, loopback, redis-server ${version} vs course-redis (Node ${process.versions.node})`);
  console.log('  test   redis-server   course-redis   ratio');
  const ratios: number[] = [];
  for (const [test, rate] of real) {
    const ours = course.get(test) ?? 0;
    ratios.push(ours / rate);
    console.log(`  ${test.padEnd(5)} ${rate.toFixed(0).padStart(10)}/s ${ours.toFixed(0).padStart(12)}/s   ${(ours / rate).toFixed(2)}×`);
  }
  const overall = Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
  console.log(`  course-redis runs at ${overall.toFixed(2)}× redis-server (geometric mean; goal ≥ ${GOAL}×: ${overall >= GOAL ? 'met' : 'NOT met'})`);

  const corpus = loadCorpus();
  const report = await runDifferential(REDIS_PORT, ENGINE_PORT, corpus, loadKnownDifferences());
  console.log(`redis differential: ${summarize(report)}`);
} finally {
  const engineExited = engine.exitCode !== null ? Promise.resolve() : new Promise((resolve) => engine.once('exit', resolve));
  engine.kill('SIGTERM');
  await Promise.all([engineExited, redis.stop()]);
}
