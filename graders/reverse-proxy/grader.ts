// Grader of the lab "Put your app behind a reverse proxy" (labs/reverse-proxy). The learner
// writes nginx.conf; the start command runs the course proxy on it. The grader owns the two app
// instances (mock upstreams on PORT + 1 and PORT + 2) and checks everything over HTTP only, so
// the same config passes on real nginx (test/graders/reverse-proxy/real-nginx.test.ts).
// Bundled to public/bundles/graders/reverse-proxy.mjs, which runs alone:
//   node reverse-proxy.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/reverse-proxy/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { answersHealthItself } from './checks/answers-health-itself.ts';
import { balancesByWeight } from './checks/balances-by-weight.ts';
import { compressesTextResponses } from './checks/compresses-text-responses.ts';
import { proxiesApiWithForwardedHeaders } from './checks/proxies-api-with-forwarded-headers.ts';
import { rateLimitsLogin } from './checks/rate-limits-login.ts';
import { servesStaticFiles } from './checks/serves-static-files.ts';
import { startsAndListens } from './checks/starts-and-listens.ts';
import { survivesAKilledInstance } from './checks/survives-a-killed-instance.ts';
import { timesOutSlowUpstream } from './checks/times-out-slow-upstream.ts';
import { buildLabWorld } from './lab-world.ts';

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/reverse-proxy/manifest.json',
  checks: [
    startsAndListens,
    answersHealthItself,
    servesStaticFiles,
    proxiesApiWithForwardedHeaders,
    balancesByWeight,
    compressesTextResponses,
    rateLimitsLogin,
    survivesAKilledInstance,
    // Last: it leaves both instances marked failed (max_fails) for their fail_timeout.
    timesOutSlowUpstream,
  ],
  prepare: buildLabWorld,
  // The solution passes every check in about 5 s; the gateway timeout sets most of that.
  deadlineMs: 60_000,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
