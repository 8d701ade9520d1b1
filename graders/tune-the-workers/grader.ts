// Grader of the lab "Tune the workers" (labs/tune-the-workers). The learner's gunicorn.conf.py
// runs on course-gunicorn, a Gunicorn-style arbiter on a modelled machine (machine.json), and
// the checks prove the configuration with bounded load tests on loopback: it loads, it fits in
// memory, it meets the latency objective, timeout cuts off a hung request, and max_requests
// with jitter contains a leak. The latency check's measurements travel with its result as a
// series, which the workbench draws. Bundled to public/bundles/graders/tune-the-workers.mjs:
//   node tune-the-workers.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/tune-the-workers/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { configParses } from './checks/config-parses.ts';
import { containsSlowLeak } from './checks/contains-slow-leak.ts';
import { cutsOffHungRequests } from './checks/cuts-off-hung-requests.ts';
import { fitsInMemory } from './checks/fits-in-memory.ts';
import { meetsLatencySlo } from './checks/meets-latency-slo.ts';
import { staggersWorkerRestarts } from './checks/staggers-worker-restarts.ts';
import { buildLabWorld } from './lab-world.ts';

export const checks = [configParses, fitsInMemory, meetsLatencySlo, cutsOffHungRequests, containsSlowLeak, staggersWorkerRestarts];

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/tune-the-workers/manifest.json',
  checks,
  prepare: buildLabWorld,
  // About 25 s on the solution: three 2.5 s load steps, a 5 s timeout, a burst of 720 requests.
  deadlineMs: 90_000,
  // The master listens before its workers boot; up to 64 of them may take a while on 2 cores.
  readyTimeoutMs: 15_000,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
