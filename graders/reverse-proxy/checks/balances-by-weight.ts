import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { LabWorld } from '../lab-world.ts';
import { describeCounts } from '../waiting.ts';

/**
 * Four turns of nginx's smooth weighted round robin with weights 2 and 1 (ngx_http_upstream_get_peer
 * in src/http/ngx_http_upstream_round_robin.c): every three picks in a row hold app-1 twice and
 * app-2 once, whatever the balancer's state before the first, so twelve requests in a row split
 * exactly 8 to 4. Equal weights give 6 and 6, weight=3 gives 9 and 3, one instance 12 and 0.
 */
const requests = 12;
const expected = [8, 4] as const;

export const balancesByWeight = defineCheck<LabWorld>({
  slug: 'balances-by-weight',
  title: `${requests} GETs to /api/ are shared by weight: app-1 (weight=2) answers ${expected[0]} and app-2 answers ${expected[1]}`,
  hint: 'List both instances in one upstream block and proxy_pass to its name; nginx then takes turns (round robin). app-1 runs on a machine twice the size, so give its server line weight=2: upstream app { server 127.0.0.1:8081 weight=2; server 127.0.0.1:8082; }. nginx then sends it two of every three requests, interleaved with app-2\'s. See https://nginx.org/en/docs/http/ngx_http_upstream_module.html#server',
  timeoutMs: 8000,
  async run(ctx) {
    const instances = ctx.env.instances;
    const sequence: string[] = [];
    for (let i = 0; i < requests; i += 1) {
      const before = instances.map((instance) => instance.hits);
      const response = await ctx.http.get(`/api/products?round=${i + 1}`);
      expectStatus(response, 200, `GET /api/products?round=${i + 1}`);
      const served = instances.filter((instance, index) => instance.hits > (before[index] ?? 0)).map((instance) => instance.name);
      sequence.push(served.join('+') || 'none');
    }
    const counts = instances.map((instance) => [instance.name, sequence.filter((name) => name === instance.name).length] as const);
    const order = sequence.join(', ');
    ctx.note(`order of instances: ${order}`);
    if (counts.some(([, count], index) => count !== expected[index])) {
      const oneOnly = counts.some(([, count]) => count === 0);
      fail({
        message: oneOnly
          ? `Of ${requests} GETs to /api/, ${describeCounts(counts)}: one instance carries the load alone.`
          : `Of ${requests} GETs to /api/, ${describeCounts(counts)}: that is not the 2 to 1 split that weight=2 on app-1 gives.`,
        expected: `app-1: ${expected[0]}, app-2: ${expected[1]} (two of every three requests to app-1)`,
        actual: `${describeCounts(counts)}, in this order: ${order}`,
      });
    }
    return `${requests} GETs were shared 2 to 1: ${describeCounts(counts)}, in this order: ${order}.`;
  },
});
