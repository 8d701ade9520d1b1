import { defineCheck, fail } from '../../kit/check.ts';
import { runLoad } from '../../kit/load/load-generator.ts';
import { resetDatabase, type LabWorld } from '../lab-world.ts';
import { productPath } from '../product-response.ts';

const clients = 100;
/** The first query is still running when the last of the requests arrives. */
const slowReadMs = 500;

export const collapsesConcurrentMisses = defineCheck<LabWorld>({
  slug: 'collapses-concurrent-misses',
  title: `${clients} concurrent GETs of a product that is not cached cause 1 database query, not ${clients}`,
  hint: 'When many requests miss the same key at once, a cache stampede, let only the first read the database and make the others wait for its answer: keep a Map from id to the pending promise, reuse it while it exists and delete it once it settles. Go calls this singleflight; CDNs call it request collapsing. See https://pkg.go.dev/golang.org/x/sync/singleflight',
  timeoutMs: 12_000,
  async run(ctx) {
    const { database, catalog } = ctx.env;
    const product = catalog.fresh();
    const path = productPath(product.id);
    ctx.setRepro(`seq ${clients} | xargs -P ${clients} -I{} curl -s -o /dev/null -w '%{http_code}\\n' http://${ctx.host}:${ctx.port}${path}`);
    let report;
    try {
      database.readLatencyMs = slowReadMs;
      ctx.note(`database: reads now take ${slowReadMs} ms`);
      ctx.note(`> ${clients} × GET ${path}, all at once (product ${product.id} is not cached)`);
      report = await runLoad({ host: ctx.host, port: ctx.port, request: () => ({ path }), concurrency: clients, requests: clients, keepAlive: false, timeoutMs: 8000, signal: ctx.signal });
    } finally {
      resetDatabase(ctx.env);
    }
    const statuses = Object.entries(report.statuses).map(([status, count]) => `${count} × ${status}`);
    const errors = Object.entries(report.errors).map(([code, count]) => `${count} × ${code}`);
    ctx.note(`< ${[...statuses, ...errors].join(', ')} (slowest ${Math.round(report.latencyMs.max)} ms)`);
    const queries = database.reads(product.id);
    ctx.note(`database: ${queries} quer${queries === 1 ? 'y' : 'ies'} for product ${product.id}`);
    if ((report.statuses['200'] ?? 0) !== clients) {
      fail({
        message: `Of ${clients} concurrent GETs of ${path}, not all answered 200.`,
        expected: `${clients} × 200`,
        actual: [...statuses, ...errors].join(', '),
      });
    }
    if (queries !== 1) {
      fail({
        message: `${clients} concurrent GETs of ${path} made ${queries} database queries: each request that missed the cache read the database itself. When a popular entry expires under load, that stampede hits the database all at once.`,
        expected: '1 database query; the other requests wait for its answer',
        actual: `${queries} database queries`,
      });
    }
    return `${clients} concurrent GETs of ${path} all answered 200 with 1 database query (slowest answer ${Math.round(report.latencyMs.max)} ms).`;
  },
});
