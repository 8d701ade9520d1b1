import { defineCheck, fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import type { LabWorld } from '../lab-world.ts';

const before = 4;
const after = 10;

export const survivesAKilledInstance = defineCheck<LabWorld>({
  slug: 'survives-a-killed-instance',
  title: `When app-2 is killed mid-run, every one of the next ${after} GETs to /api/ still answers 200`,
  hint: 'A refused connection should cost a retry, not an error page. nginx retries on the next server when proxy_next_upstream says so (its default, error timeout, does; off does not), and max_fails=1 fail_timeout=10s on each server line keeps a dead instance out of the rotation for a while. See https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream and https://nginx.org/en/docs/http/ngx_http_upstream_module.html#max_fails',
  timeoutMs: 15_000,
  async run(ctx) {
    const [first, second] = ctx.env.instances;
    try {
      for (let i = 1; i <= before + after; i += 1) {
        if (i === before + 1) {
          await second.stop();
          ctx.note(`app-2 killed: connections to ${second.url} are now refused`);
        }
        const path = `/api/products?attempt=${i}`;
        const response = await ctx.http.get(path, { timeoutMs: 8000 });
        if (response.status !== 200) {
          fail({
            message: `GET ${path} answered ${describeStatus(response)}${i > before ? ' after app-2 was killed' : ''}; app-1 was still up and could have answered.`,
            expected: 'status 200 from app-1',
            actual: `status ${describeStatus(response)}`,
          });
        }
      }
      return `app-2 was killed after ${before} requests; the next ${after} all answered 200 (app-1 served ${first.hits} requests in this run).`;
    } finally {
      await second.restart();
    }
  },
});
