// Grader of the lab "Speak WSGI, then ASGI" (labs/wsgi-then-asgi). Part 1 runs app.py alone
// under course-wsgi, part 2 asgi_app.py alone under course-asgi, each on PORT (see
// lab-parts.ts); every check is plain HTTP. Bundled to public/bundles/graders/wsgi-then-asgi.mjs,
// which runs alone:
//   node wsgi-then-asgi.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/wsgi-then-asgi/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { asgiReadsBodyAcrossEvents } from './checks/asgi-reads-body-across-events.ts';
import { asgiReadyAfterLifespanStartup } from './checks/asgi-ready-after-lifespan-startup.ts';
import { asgiServesTheSameRoutes } from './checks/asgi-serves-the-same-routes.ts';
import { asgiStartsAndListens } from './checks/asgi-starts-and-listens.ts';
import { asgiStreamsWithoutBlocking } from './checks/asgi-streams-without-blocking.ts';
import { wsgiAnswers404 } from './checks/wsgi-answers-404.ts';
import { wsgiAnswers405WithAllow } from './checks/wsgi-answers-405-with-allow.ts';
import { wsgiParsesQueryString } from './checks/wsgi-parses-query-string.ts';
import { wsgiReadsJsonBody } from './checks/wsgi-reads-json-body.ts';
import { wsgiServesHelloAsJson } from './checks/wsgi-serves-hello-as-json.ts';
import { wsgiStartsAndListens } from './checks/wsgi-starts-and-listens.ts';
import { readyTimeoutMs } from './lab-parts.ts';

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/wsgi-then-asgi/manifest.json',
  checks: [
    wsgiStartsAndListens,
    wsgiServesHelloAsJson,
    wsgiParsesQueryString,
    wsgiReadsJsonBody,
    wsgiAnswers404,
    wsgiAnswers405WithAllow,
    asgiStartsAndListens,
    asgiReadyAfterLifespanStartup,
    asgiServesTheSameRoutes,
    asgiReadsBodyAcrossEvents,
    asgiStreamsWithoutBlocking,
  ],
  readyTimeoutMs,
  // Two Python start-ups (about 4 s each when the machine is quiet) and about 3 s of checks.
  deadlineMs: 180_000,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
