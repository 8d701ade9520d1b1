import { defineCheck } from '../../kit/check.ts';
import { expectMediaType } from '../../kit/expect.ts';
import { expectGreeting, expectJsonError, formEncode, randomName } from '../greetings.ts';
import { expectMethodNotAllowed } from '../method-not-allowed.ts';

export const asgiServesTheSameRoutes = defineCheck({
  slug: 'asgi-serves-the-same-routes',
  title: 'Serves /hello (with its query), POST /greetings, 404 and 405 with Allow exactly like the WSGI app',
  hint: 'The routes are the same, the vocabulary changes: scope["path"] is already decoded, scope["query_string"] is bytes (decode it as latin-1, then parse_qs), and the answer is two events, http.response.start with an int status and headers as a list of (bytes, bytes) pairs such as (b"allow", b"GET"), then http.response.body. See the ASGI HTTP specification, HTTP Connection Scope and Response Start: https://asgi.readthedocs.io/en/latest/specs/www.html#http-connection-scope',
  timeoutMs: 8000,
  async run(ctx) {
    // ASGI servers write the reason phrase themselves from the int status, so only codes are compared.
    const name = randomName(ctx.random);
    const path = `/hello?name=${formEncode(name)}&lang=en`;
    const hello = await ctx.http.get(path);
    expectGreeting(hello, name, 200, undefined, `GET ${path}`);
    expectMediaType(hello, 'application/json', `GET ${path}`);
    expectGreeting(await ctx.http.get('/hello'), 'world', 200, undefined, 'GET /hello');

    const other = randomName(ctx.random);
    const body = JSON.stringify({ name: other });
    expectGreeting(await ctx.http.request({ method: 'POST', path: '/greetings', headers: { 'Content-Type': 'application/json' }, body }), other, 201, undefined, `POST /greetings with ${body}`);
    expectJsonError(await ctx.http.request({ method: 'POST', path: '/greetings' }), 400, undefined, 'POST /greetings without a body', 'there is no JSON to read');

    const missing = `/${ctx.random.token(8)}`;
    expectJsonError(await ctx.http.get(missing), 404, undefined, `GET ${missing}`, 'the service has no such path');
    const method = ctx.random.pick(['DELETE', 'PUT', 'PATCH']);
    await expectMethodNotAllowed(ctx, method, '/hello', 'GET', undefined);
    await expectMethodNotAllowed(ctx, 'GET', '/greetings', 'POST', undefined);
    return `/hello, POST /greetings, 404 for ${missing} and 405 with Allow answer as in part 1.`;
  },
});
