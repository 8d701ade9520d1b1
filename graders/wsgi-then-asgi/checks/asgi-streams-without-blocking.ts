import { defineCheck, fail } from '../../kit/check.ts';
import { urlOf } from '../../kit/http/curl.ts';
import { HttpError } from '../../kit/http/http-connection.ts';
import { expectMediaType, expectStatus } from '../../kit/expect.ts';
import { countdownPauseMs, expectedCountdown } from '../countdown.ts';
import { expectGreeting } from '../greetings.ts';
import { TimedExchange } from '../timed-exchange.ts';

export const asgiStreamsWithoutBlocking = defineCheck({
  slug: 'asgi-streams-without-blocking',
  title: 'GET /countdown?from=N streams one line every 0.2 s as it goes, and other requests are answered meanwhile',
  hint: 'Send http.response.start, then one http.response.body event per line with "more_body": True, and the last line (liftoff) with more_body False: each event goes out at once. Pause with await asyncio.sleep(0.2), never time.sleep(0.2), which blocks the event loop and every other request with it. See the ASGI HTTP specification, Response Body - send event: https://asgi.readthedocs.io/en/latest/specs/www.html#response-body-send-event',
  timeoutMs: 12_000,
  async run(ctx) {
    const from = ctx.random.int(6, 9);
    const path = `/countdown?from=${from}`;
    const request = `GET ${path}`;
    const runsMs = from * countdownPauseMs;
    ctx.setRepro(`curl -N ${urlOf(ctx.host, ctx.port, path)}`);
    ctx.note(`${request}: a streamed countdown takes about ${runsMs / 1000} s, one line every ${countdownPauseMs / 1000} s`);
    const countdown = new TimedExchange({ host: ctx.host, port: ctx.port, path, timeoutMs: runsMs + 6000, signal: ctx.signal });
    let helloAt: number | undefined;
    try {
      const firstAt = await countdown.waitFor(`${from}\n`);
      if (firstAt !== undefined && countdown.arrivalOf('liftoff\n') === undefined) {
        ctx.note(`the line "${from}" arrived after ${firstAt} ms; asking GET /hello while the countdown runs`);
        const hello = await ctx.http.attempt({ path: '/hello', timeoutMs: runsMs + 3000 });
        if (hello.ok) {
          helloAt = countdown.elapsedMs;
          expectGreeting(hello.response, 'world', 200, undefined, 'GET /hello (during the countdown)');
        }
      }
      const response = await countdown.done.catch((error: unknown) => {
        if (error instanceof HttpError) throw ctx.http.failureFor({ path }, error);
        throw error;
      });
      ctx.http.recordResponse(response);
      expectStatus(response, 200, request);
      expectMediaType(response, 'text/plain', request);
      const body = response.body.toString('utf8');
      if (body !== expectedCountdown(from)) {
        fail({ message: `${request} answered a different countdown.`, expected: JSON.stringify(expectedCountdown(from)), actual: JSON.stringify(body.slice(0, 200)) });
      }
      const first = countdown.arrivalOf(`${from}\n`) ?? 0;
      const last = countdown.arrivalOf('liftoff\n') ?? 0;
      ctx.note(`the first line arrived after ${first} ms, "liftoff" after ${last} ms`);
      // Streamed, the first line leads the last by the whole countdown; buffered, they arrive together.
      if (last - first < runsMs / 2) {
        fail({
          message: `${request} sent its lines all at once after ${last} ms instead of one every ${countdownPauseMs} ms: the first line arrived ${last - first} ms before "liftoff". Send each line in its own http.response.body event with "more_body": True as soon as it is ready.`,
          expected: `the first line at once and "liftoff" about ${runsMs} ms later`,
          actual: `the first line after ${first} ms, "liftoff" after ${last} ms`,
        });
      }
      // Answered in milliseconds by a free event loop; behind a blocked one, only once "liftoff" is out.
      if (helloAt === undefined || helloAt > last - runsMs / 2) {
        fail({
          message: `GET /hello, sent while the countdown was running, was answered only as the countdown ended (after ${helloAt ?? 'never'} ms; "liftoff" after ${last} ms): something blocks the event loop between the lines. Pause with await asyncio.sleep(), never time.sleep().`,
          expected: `GET /hello answered within milliseconds, before "liftoff" at ${last} ms`,
          actual: helloAt === undefined ? 'GET /hello got no answer' : `GET /hello answered after ${helloAt} ms`,
        });
      }
      return `${request} streamed ${from + 1} lines over ${last - first} ms, and GET /hello was answered meanwhile, after ${helloAt} ms.`;
    } finally {
      countdown.close();
    }
  },
});
