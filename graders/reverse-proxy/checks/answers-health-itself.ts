import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import { appHits, type LabWorld } from '../lab-world.ts';

export const answersHealthItself = defineCheck<LabWorld>({
  slug: 'answers-health-itself',
  title: 'GET /health answers 200 from the proxy itself, without asking an app instance',
  hint: 'A load balancer asks /health many times a minute; the proxy can answer that alone. Add an exact-match location whose only directive is `return`: location = /health { return 200 "ok\\n"; }. See https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return and https://nginx.org/en/docs/http/ngx_http_core_module.html#location',
  timeoutMs: 5000,
  async run(ctx) {
    const before = appHits(ctx.env);
    const response = await ctx.http.get('/health');
    expectStatus(response, 200, 'GET /health', 'the proxy should answer its health check itself');
    const asked = appHits(ctx.env) - before;
    if (asked > 0) {
      fail({
        message: `GET /health answered 200, but the proxy passed it to an app instance (${asked} request${asked === 1 ? '' : 's'} reached them). The check should tell whether the proxy is up, so it must not depend on the app.`,
        expected: 'no request reaches app-1 or app-2',
        actual: `${asked} request${asked === 1 ? '' : 's'} reached the app instances`,
      });
    }
    return 'GET /health answered 200 and no request reached the app instances.';
  },
});
