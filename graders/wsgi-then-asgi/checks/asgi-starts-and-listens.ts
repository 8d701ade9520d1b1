import { defineCheck } from '../../kit/check.ts';
import { partCommandLine, readyTimeoutMs, startPart } from '../lab-parts.ts';

export const asgiStartsAndListens = defineCheck({
  slug: 'asgi-starts-and-listens',
  title: 'Serves asgi_app.py with course-asgi and listens on PORT once lifespan startup is complete',
  hint: 'The checks stop part 1 and run `LAB_SERVE=asgi node launch.mjs`, which runs `node course-asgi.mjs asgi_app:app --host HOST --port PORT`, as `uvicorn asgi_app:app` would. The server imports asgi_app.py, looks up app, runs the lifespan startup and only then opens the port. app must be an async function taking (scope, receive, send). If the log above shows "Application startup failed", your lifespan code raised or sent lifespan.startup.failed. See the ASGI specification, Applications: https://asgi.readthedocs.io/en/latest/specs/main.html#applications',
  timeoutMs: readyTimeoutMs + 5000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(partCommandLine(ctx, 'asgi'));
    ctx.note('stopped part 1 (app.py); starting part 2 (asgi_app.py) alone on the same port');
    const readyMs = await startPart(ctx, 'asgi');
    return `course-asgi serves asgi_app.py on ${ctx.host}:${ctx.port} (ready after ${(readyMs / 1000).toFixed(1)} s, lifespan startup included).`;
  },
});
