import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { SeenRequest } from '../../kit/upstream/mock-upstream.ts';
import type { LabWorld } from '../lab-world.ts';

const clientForwardedFor = '203.0.113.7';

function header(seen: SeenRequest, name: string): string | undefined {
  const value = seen.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export const proxiesApiWithForwardedHeaders = defineCheck<LabWorld>({
  slug: 'proxies-api-with-forwarded-headers',
  title: '/api/ is passed to the app with its path unchanged and Host, X-Real-IP, X-Forwarded-For and X-Forwarded-Proto set',
  hint: 'Define the two instances once, upstream app { server 127.0.0.1:8081; server 127.0.0.1:8082; }, and pass /api/ to them with proxy_pass http://app; (no path after the name, so /api/... arrives unchanged). By default nginx sends Host: app and drops who the client was; set proxy_set_header Host $host; X-Real-IP $remote_addr; X-Forwarded-For $proxy_add_x_forwarded_for; X-Forwarded-Proto $scheme. See https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header',
  timeoutMs: 5000,
  async run(ctx) {
    const path = `/api/products?page=${ctx.random.int(2, 99_999)}`;
    const [first, second] = ctx.env.instances;
    const response = await ctx.http.get(path, { headers: { 'X-Forwarded-For': clientForwardedFor } });
    expectStatus(response, 200, `GET ${path}`, 'the app instances answer 200 to every /api/ request');
    const seen = [...first.requests, ...second.requests].find((request) => request.url.endsWith(path.slice(path.indexOf('?'))));
    if (!seen) {
      fail({ message: `GET ${path} answered 200, but neither app instance received it, so the proxy answered by itself.`, expected: `app-1 or app-2 receives GET ${path}`, actual: `the instances saw: ${[...first.requests, ...second.requests].map((r) => `${r.method} ${r.url}`).join(', ') || 'nothing'}` });
    }
    ctx.note(`the app instance received: ${seen.method} ${seen.url} with ${seen.rawHeaders.map(([name, value]) => `${name}: ${value}`).join(' | ')}`);
    if (seen.url !== path) fail({ message: `The app instance received ${seen.url} for GET ${path}; the app serves its routes under /api/, so the path must arrive unchanged.`, expected: `GET ${path}`, actual: `GET ${seen.url}` });
    const host = header(seen, 'host');
    const wanted: Array<[string, string | undefined, readonly string[], string]> = [
      ['Host', host, [ctx.host, `${ctx.host}:${ctx.port}`], 'the name the client asked for, so the app builds correct links'],
      ['X-Real-IP', header(seen, 'x-real-ip'), ['127.0.0.1'], "the client's address"],
      ['X-Forwarded-For', header(seen, 'x-forwarded-for'), [`${clientForwardedFor}, 127.0.0.1`], 'the chain the client sent with the client address appended'],
      ['X-Forwarded-Proto', header(seen, 'x-forwarded-proto'), ['http'], 'the scheme the client used'],
    ];
    for (const [name, actual, expected, why] of wanted) {
      if (actual !== undefined && expected.includes(actual)) continue;
      fail({
        message: `The app instance received ${actual === undefined ? `no ${name} header` : `${name}: ${actual}`} for GET ${path} sent with X-Forwarded-For: ${clientForwardedFor}; it should carry ${why}.`,
        expected: expected.map((value) => `${name}: ${value}`).join(' or '),
        actual: actual === undefined ? `no ${name} header` : `${name}: ${actual}`,
      });
    }
    return `${seen.method} ${seen.url} reached an app instance with Host: ${host}, X-Real-IP, X-Forwarded-For and X-Forwarded-Proto set.`;
  },
});
