import { defineCheck, fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { jsonBody } from '../greetings.ts';

export const asgiReadyAfterLifespanStartup = defineCheck({
  slug: 'asgi-ready-after-lifespan-startup',
  title: 'GET /health answers 200 {"status": "ready"} because the lifespan startup hook ran (503 {"status": "starting"} before)',
  hint: 'The server calls app once with scope["type"] == "lifespan" before any request. In that call, loop on await receive(): on lifespan.startup do the start-up work (here: mark the service ready) and await send({"type": "lifespan.startup.complete"}); on lifespan.shutdown send lifespan.shutdown.complete and return. See the ASGI Lifespan specification: https://asgi.readthedocs.io/en/latest/specs/lifespan.html#startup-receive-event',
  timeoutMs: 5000,
  async run(ctx) {
    const request = 'GET /health';
    const response = await ctx.http.get('/health');
    const body = jsonBody(response, request);
    const status = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).status : undefined;
    if (response.status === 200 && status === 'ready') return `${request} answered 200 {"status": "ready"}: the lifespan startup hook ran before the first request.`;
    fail({
      message: response.status === 503
        ? `${request} still answers 503 after the server started: the lifespan startup hook never marked the service ready. Does app handle scope["type"] == "lifespan"?`
        : `${request} answered ${describeStatus(response)} with status ${JSON.stringify(status)}, expected 200 with "ready".`,
      expected: '200 {"status": "ready"}',
      actual: `${describeStatus(response)} ${response.body.toString('utf8').slice(0, 120)}`,
    });
  },
});
