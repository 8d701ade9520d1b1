import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { LabWorld } from '../lab-world.ts';
import { describeCounts } from '../waiting.ts';

const requests = 10;
/** Round robin gives 5 and 5; anything that uses both instances in earnest passes. */
const minimumEach = 3;

export const balancesAcrossInstances = defineCheck<LabWorld>({
  slug: 'balances-across-instances',
  title: `${requests} GETs to /api/ are shared between both app instances, at least ${minimumEach} each`,
  hint: 'List both instances in one upstream block, upstream app { server 127.0.0.1:8081; server 127.0.0.1:8082; }, and proxy_pass to its name: nginx then takes turns (round robin) instead of sending everything to one address. See https://nginx.org/en/docs/http/ngx_http_upstream_module.html#upstream',
  timeoutMs: 8000,
  async run(ctx) {
    const instances = ctx.env.instances;
    const before = instances.map((instance) => instance.hits);
    for (let i = 0; i < requests; i += 1) {
      const response = await ctx.http.get(`/api/products?round=${i + 1}`);
      expectStatus(response, 200, `GET /api/products?round=${i + 1}`);
    }
    const counts = instances.map((instance, i) => [instance.name, instance.hits - (before[i] ?? 0)] as const);
    ctx.note(`requests per instance: ${describeCounts(counts)}`);
    const idle = counts.filter(([, count]) => count < minimumEach);
    if (idle.length) {
      fail({
        message: `Of ${requests} GETs to /api/, ${describeCounts(counts)}: ${idle.map(([name]) => name).join(' and ')} got almost nothing, so one instance carries the load alone.`,
        expected: `at least ${minimumEach} requests on each instance`,
        actual: describeCounts(counts),
      });
    }
    return `${requests} GETs were shared: ${describeCounts(counts)}.`;
  },
});
