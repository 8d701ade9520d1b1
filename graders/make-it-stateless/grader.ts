// Grader of the lab "Make it stateless" (labs/make-it-stateless). It owns everything around the
// learner's server: the cache the instances share, three instances of the server, and the
// course proxy balancing PORT over them with round robin. It logs users in and out through the
// proxy, kills and restarts an instance, and lets sessions idle past their TTL.
// Bundled to public/bundles/graders/make-it-stateless.mjs (proxy and cache included):
//   node make-it-stateless.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/make-it-stateless/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { expiresIdleSessions } from './checks/expires-idle-sessions.ts';
import { logsOutOnEveryInstance } from './checks/logs-out-on-every-instance.ts';
import { setsASessionCookie } from './checks/sets-a-session-cookie.ts';
import { startsAndListens } from './checks/starts-and-listens.ts';
import { staysLoggedInAcrossInstances } from './checks/stays-logged-in-across-instances.ts';
import { survivesAKilledInstance } from './checks/survives-a-killed-instance.ts';
import { buildLabWorld } from './lab-world.ts';

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/make-it-stateless/manifest.json',
  checks: [startsAndListens, setsASessionCookie, staysLoggedInAcrossInstances, survivesAKilledInstance, logsOutOnEveryInstance, expiresIdleSessions],
  prepare: buildLabWorld,
  // The solution passes every check in a few seconds; the session TTL sets most of that.
  deadlineMs: 60_000,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
