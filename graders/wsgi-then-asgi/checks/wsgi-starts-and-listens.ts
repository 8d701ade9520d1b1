import { defineCheck } from '../../kit/check.ts';
import { partCommandLine, readyTimeoutMs, startPart } from '../lab-parts.ts';

export const wsgiStartsAndListens = defineCheck({
  slug: 'wsgi-starts-and-listens',
  title: 'Serves app.py with course-wsgi and listens on PORT',
  hint: 'The checks run `LAB_SERVE=wsgi node launch.mjs`, which runs `node course-wsgi.mjs app:application -b HOST:PORT`, as `gunicorn app:application` would: Python imports app.py and looks up the callable named application. If it cannot, the server\'s log above says why: "Worker failed to boot" after a SyntaxError or an exception at import, "App failed to load" when there is no callable named application. Python takes a few seconds to load. See PEP 3333, The Application/Framework Side: https://peps.python.org/pep-3333/#the-application-framework-side',
  timeoutMs: readyTimeoutMs + 5000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(partCommandLine(ctx, 'wsgi'));
    const readyMs = await startPart(ctx, 'wsgi');
    return `course-wsgi serves app.py on ${ctx.host}:${ctx.port} (ready after ${(readyMs / 1000).toFixed(1)} s).`;
  },
});
