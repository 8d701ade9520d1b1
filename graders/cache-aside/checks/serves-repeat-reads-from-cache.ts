import { defineCheck, fail } from '../../kit/check.ts';
import type { LabWorld } from '../lab-world.ts';
import { expectProduct, productPath } from '../product-response.ts';

const requests = 3;

export const servesRepeatReadsFromCache = defineCheck<LabWorld>({
  slug: 'serves-repeat-reads-from-cache',
  title: 'Repeated GETs of a product are served from the cache: one database query, not one per request',
  hint: 'This is cache-aside: look in the cache first with cache.get(`product:${id}`). On a miss, read the database, store its JSON with cache.set(key, json, { EX: ttl }) and answer; on a hit, answer with the cached JSON and leave the database alone. See https://learn.microsoft.com/en-us/azure/architecture/patterns/cache-aside',
  timeoutMs: 5000,
  async run(ctx) {
    const { database, catalog } = ctx.env;
    const product = catalog.fresh();
    const path = productPath(product.id);
    const times: number[] = [];
    for (let i = 1; i <= requests; i += 1) {
      const sentAt = Date.now();
      const response = await ctx.http.get(path);
      times.push(Date.now() - sentAt);
      expectProduct(response, product, `GET ${path} (request ${i} of ${requests})`);
      ctx.note(`database: ${database.reads(product.id)} quer${database.reads(product.id) === 1 ? 'y' : 'ies'} for product ${product.id} so far`);
    }
    const queries = database.reads(product.id);
    if (queries !== 1) {
      fail({
        message: `${requests} GETs of ${path} made ${queries} database queries: every request went to the database, so the cache saved nothing.`,
        expected: '1 database query (the first GET, a miss); the other GETs answered from the cache',
        actual: `${queries} database queries for ${requests} GETs`,
      });
    }
    return `${requests} GETs of ${path} made 1 database query; the first answer took ${times[0]} ms, the cached ones ${times.slice(1).join(' and ')} ms.`;
  },
});
