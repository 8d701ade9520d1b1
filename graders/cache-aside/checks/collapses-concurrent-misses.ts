import { defineCheck, fail } from '../../kit/check.ts';
import { sendBurst } from '../burst.ts';
import type { LabWorld } from '../lab-world.ts';
import { productPath } from '../product-response.ts';
import { pause } from '../../kit/waiting.ts';

const clients = 100;
/**
 * The database keeps its first answer back until every request has been sent and this much
 * longer, so all of them reach the program while the first query is still running.
 */
const graceMs = 300;
/** Releases the database even if some requests could not be sent. */
const longestHoldMs = 4000;

export const collapsesConcurrentMisses = defineCheck<LabWorld>({
  slug: 'collapses-concurrent-misses',
  title: `${clients} concurrent GETs of a product that is not cached cause 1 database query, not ${clients}`,
  hint: 'When many requests miss the same key at once, a cache stampede, let only the first read the database and make the others wait for its answer: keep a Map from id to the pending promise, reuse it while it exists and delete it once it settles. Go calls this singleflight; CDNs call it request collapsing. See https://pkg.go.dev/golang.org/x/sync/singleflight',
  timeoutMs: 15_000,
  async run(ctx) {
    const { database, catalog } = ctx.env;
    const product = catalog.fresh();
    const path = productPath(product.id);
    ctx.setRepro(`seq ${clients} | xargs -P ${clients} -I{} curl -s -o /dev/null -w '%{http_code}\\n' http://${ctx.host}:${ctx.port}${path}`);
    const release = database.hold(product.id, 'reads');
    const fallback = setTimeout(release, longestHoldMs);
    let report;
    try {
      ctx.note(`> ${clients} × GET ${path}, all at once, each on its own connection (product ${product.id} is not cached)`);
      ctx.note(`database: holds its answers for product ${product.id} until every request has been sent, so they all arrive while the first query runs`);
      report = await sendBurst({
        host: ctx.host,
        port: ctx.port,
        path,
        count: clients,
        timeoutMs: 10_000,
        signal: ctx.signal,
        onAllSent: () => void pause(graceMs, ctx.signal).then(release),
      });
    } finally {
      clearTimeout(fallback);
      release();
    }
    const outcomes = Object.entries(report.outcomes).map(([outcome, count]) => `${count} × ${outcome}`).join(', ');
    ctx.note(`< ${outcomes} (slowest ${report.slowestMs} ms)`);
    const queries = database.reads(product.id);
    ctx.note(`database: ${queries} quer${queries === 1 ? 'y' : 'ies'} for product ${product.id}`);
    if (report.outcomes['200'] !== clients) {
      fail({ message: `Of ${clients} concurrent GETs of ${path}, not all answered 200.`, expected: `${clients} × 200`, actual: outcomes });
    }
    if (queries !== 1) {
      fail({
        message: `${clients} concurrent GETs of ${path} made ${queries} database queries: each request that missed the cache read the database itself. When a popular entry expires under load, that stampede hits the database all at once.`,
        expected: '1 database query; the other requests wait for its answer',
        actual: `${queries} database queries`,
      });
    }
    return `${clients} concurrent GETs of ${path} all answered 200 with 1 database query (slowest answer ${report.slowestMs} ms).`;
  },
});
