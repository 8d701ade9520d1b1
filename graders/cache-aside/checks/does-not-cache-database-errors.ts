import { defineCheck } from '../../kit/check.ts';
import { cacheKey } from '../cache-observer.ts';
import { resetDatabase, type LabWorld } from '../lab-world.ts';
import { expectProduct, expectServerError, productPath } from '../product-response.ts';

const failureStatus = 503;

export const doesNotCacheDatabaseErrors = defineCheck<LabWorld>({
  slug: 'does-not-cache-database-errors',
  title: 'Answers 5xx when the database fails, caches nothing, and returns the product once the database recovers',
  hint: 'Cache only answers the database really gave: a product (200) or "no such product" (404). Any other status, or no answer at all, says nothing about the product: answer 502 Bad Gateway or 503 and store nothing, or a short outage turns into a product that looks missing until its entry expires. See https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/502',
  timeoutMs: 5000,
  async run(ctx) {
    const { database, catalog } = ctx.env;
    const product = catalog.fresh();
    const path = productPath(product.id);
    try {
      database.failReads(product.id, { kind: 'status', status: failureStatus });
      ctx.note(`database: reads of product ${product.id} now fail with ${failureStatus}`);
      expectServerError(await ctx.http.get(path), `GET ${path}`, `while the database failed every read of product ${product.id} with ${failureStatus}; the product exists, the database just could not say so`);
    } finally {
      resetDatabase(ctx.env, product.id);
    }
    ctx.note(`database: recovered; ${cacheKey(product.id)} should not be in the cache`);
    expectProduct(await ctx.http.get(path), product, `GET ${path}`, 'once the database recovered');
    return `GET ${path} failed with a 5xx while the database failed, and returned the product as soon as it recovered.`;
  },
});
