import { defineCheck } from '../../kit/check.ts';
import { requestHead } from '../../kit/http/http-client.ts';
import { expectGreeting, randomName } from '../greetings.ts';

/** Long enough for the server to hand the first half to the app as its own http.request event. */
const pauseMs = 400;

export const asgiReadsBodyAcrossEvents = defineCheck({
  slug: 'asgi-reads-body-across-events',
  title: 'POST /greetings reads a body that arrives in pieces, across several http.request events',
  hint: 'One await receive() gives one http.request event with part of the body. Keep calling receive() and joining event["body"] until event.get("more_body") is false; only then is the body complete. The check sends half the JSON, pauses, then sends the rest. See the ASGI HTTP specification, Request - receive event: https://asgi.readthedocs.io/en/latest/specs/www.html#request-receive-event',
  timeoutMs: 6000,
  async run(ctx) {
    const name = randomName(ctx.random);
    const body = Buffer.from(JSON.stringify({ name, note: 'sent in two pieces' }));
    const half = Math.floor(body.length / 2);
    const spec = { method: 'POST', path: '/greetings', headers: { 'Content-Type': 'application/json' }, body: body.toString('utf8') };
    const request = `POST /greetings with ${body.toString('utf8')}, sent in two pieces ${pauseMs} ms apart`;
    ctx.setRepro(`(printf 'POST /greetings HTTP/1.1\\r\\nHost: ${ctx.host}\\r\\nContent-Type: application/json\\r\\nContent-Length: ${body.length}\\r\\n\\r\\n%s' '${body.subarray(0, half).toString('utf8')}'; sleep 1; printf '%s' '${body.subarray(half).toString('utf8')}'; sleep 1) | nc ${ctx.host} ${ctx.port}`);
    const connection = await ctx.http.open('client');
    try {
      connection.write(Buffer.concat([Buffer.from(requestHead(spec, ctx.host, ctx.port)), body.subarray(0, half)]));
      ctx.note(`sent the request head (Content-Length: ${body.length}) and the first ${half} bytes of the body: ${body.subarray(0, half).toString('utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      connection.write(body.subarray(half));
      ctx.note(`after ${pauseMs} ms, sent the other ${body.length - half} bytes: ${body.subarray(half).toString('utf8')}`);
      const response = await ctx.http.readFrom(connection, { ...spec, timeoutMs: 3000 });
      expectGreeting(response, name, 201, undefined, request);
    } finally {
      connection.close();
    }
    return `A body sent in two pieces ${pauseMs} ms apart was read whole: 201 with the greeting for ${JSON.stringify(name)}.`;
  },
});
