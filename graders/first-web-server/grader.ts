// Grader of the lab "Your first web server" (labs/first-web-server). Bundled to
// public/bundles/graders/first-web-server.mjs, which runs alone:
//   node first-web-server.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/first-web-server/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { answers404ForUnknownPaths } from './checks/answers-404-for-unknown-paths.ts';
import { answersHeadWithoutBody } from './checks/answers-head-without-body.ts';
import { bindsLoopbackOnly } from './checks/binds-loopback-only.ts';
import { listensOnPort } from './checks/listens-on-port.ts';
import { refusesPathsOutsidePublic } from './checks/refuses-paths-outside-public.ts';
import { rejectsUnsupportedMethods } from './checks/rejects-unsupported-methods.ts';
import { reportsHealthAsJson } from './checks/reports-health-as-json.ts';
import { servesHtmlAtRoot } from './checks/serves-html-at-root.ts';
import { servesRequestsConcurrently } from './checks/serves-requests-concurrently.ts';
import { servesStaticFiles } from './checks/serves-static-files.ts';
import { writeLabFiles } from './lab-files.ts';

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/first-web-server/manifest.json',
  checks: [
    listensOnPort,
    bindsLoopbackOnly,
    servesHtmlAtRoot,
    servesStaticFiles,
    answers404ForUnknownPaths,
    refusesPathsOutsidePublic,
    rejectsUnsupportedMethods,
    answersHeadWithoutBody,
    reportsHealthAsJson,
    servesRequestsConcurrently,
  ],
  prepare: writeLabFiles,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
