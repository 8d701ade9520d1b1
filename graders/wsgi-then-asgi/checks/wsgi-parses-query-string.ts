import { defineCheck } from '../../kit/check.ts';
import { expectGreeting, formEncode, randomName } from '../greetings.ts';

export const wsgiParsesQueryString = defineCheck({
  slug: 'wsgi-parses-query-string',
  title: 'GET /hello?name=… greets the decoded name: + is a space, %C3%A1 is á, other parameters are ignored',
  hint: 'environ["QUERY_STRING"] is everything after the ?, exactly as the client sent it: not split and not percent-decoded. Parse it with urllib.parse.parse_qs(environ.get("QUERY_STRING", "")), which splits on & and =, turns + into a space and decodes %XX as UTF-8, then take the first value of name (no name, or an empty one: "world"). See PEP 3333, environ Variables: https://peps.python.org/pep-3333/#environ-variables and https://docs.python.org/3/library/urllib.parse.html#urllib.parse.parse_qs',
  timeoutMs: 6000,
  async run(ctx) {
    const name = randomName(ctx.random);
    const path = `/hello?lang=en&name=${formEncode(name)}&v=${ctx.random.int(1, 9)}`;
    expectGreeting(await ctx.http.get(path), name, 200, 'OK', `GET ${path}`);
    expectGreeting(await ctx.http.get('/hello?name='), 'world', 200, 'OK', 'GET /hello?name= (an empty name)');
    return `GET ${path} greeted ${JSON.stringify(name)}, and an empty name greeted "world".`;
  },
});
