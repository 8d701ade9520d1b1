import { defineCheck } from '../../kit/check.ts';
import { expectGreeting, expectJsonError, randomName } from '../greetings.ts';

/** Larger than any fixed-size read a learner might try (1024, 4096, 8192 bytes). */
const largeBodyBytes = 24 * 1024;

export const wsgiReadsJsonBody = defineCheck({
  slug: 'wsgi-reads-json-body',
  title: 'POST /greetings reads the JSON body by CONTENT_LENGTH: 201 Created for {"name": …} of any size, 400 Bad Request for no body or a body that is not such JSON',
  hint: 'Read exactly CONTENT_LENGTH bytes: environ["wsgi.input"].read(length), with length = int(environ.get("CONTENT_LENGTH") or 0). CONTENT_LENGTH may be empty or absent when there is no body, so never index it directly, and never read a fixed number of bytes. Parse with json.loads and answer 400 Bad Request when that fails or name is not a non-empty string. See PEP 3333, Input and Error Streams: https://peps.python.org/pep-3333/#input-and-error-streams',
  timeoutMs: 8000,
  async run(ctx) {
    const json = { 'Content-Type': 'application/json' };
    const name = randomName(ctx.random);
    const small = JSON.stringify({ name });
    expectGreeting(await ctx.http.request({ method: 'POST', path: '/greetings', headers: json, body: small }), name, 201, 'Created', `POST /greetings with ${small}`);

    const other = randomName(ctx.random);
    const large = JSON.stringify({ name: other, note: 'x'.repeat(largeBodyBytes) });
    const largeRequest = `POST /greetings with a ${Buffer.byteLength(large)}-byte body {"name": ${JSON.stringify(other)}, "note": "xxx…"}`;
    expectGreeting(await ctx.http.request({ method: 'POST', path: '/greetings', headers: json, body: large }), other, 201, 'Created', largeRequest);

    const empty = await ctx.http.request({ method: 'POST', path: '/greetings' });
    expectJsonError(empty, 400, 'Bad Request', 'POST /greetings without a body (no Content-Length, so no CONTENT_LENGTH)', 'there is no JSON to read');

    const form = `name=${encodeURIComponent(name)}`;
    const notJson = await ctx.http.request({ method: 'POST', path: '/greetings', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expectJsonError(notJson, 400, 'Bad Request', `POST /greetings with the form body ${form}`, 'the body is not JSON');
    return `POST /greetings answered 201 for a small and a ${Buffer.byteLength(large)}-byte JSON body, and 400 with no body and with a form body.`;
  },
});
