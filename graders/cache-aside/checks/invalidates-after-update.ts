import type { Product } from '../../../labs/cache-aside/services/product.ts';
import { defineCheck, fail, type CheckContext } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import type { HttpResponse } from '../../kit/http/http-connection.ts';
import { cacheKey, describeEntry, entryThatStays, expectEntry } from '../cache-observer.ts';
import type { LabWorld } from '../lab-world.ts';
import { describeProduct, expectProduct, holdsProduct, productPath } from '../product-response.ts';

function expectUpdated(ctx: CheckContext<LabWorld>, response: HttpResponse, request: string, updated: Product): void {
  if (response.status < 200 || response.status > 299) {
    fail({ message: `${request} answered ${describeStatus(response)}; the database accepts this change.`, expected: '200 with the updated product, as the database answered', actual: describeStatus(response) });
  }
  const row = ctx.env.database.product(updated.id);
  if (row?.name !== updated.name || row.price !== updated.price) {
    fail({ message: `${request} answered ${describeStatus(response)}, but the database still has the old product: the change never reached it.`, expected: `the database row ${describeProduct(updated)}`, actual: `the database row ${JSON.stringify(row)}` });
  }
}

/** Fills the cache with a product and returns it with the change the check will make. */
async function cacheProduct(ctx: CheckContext<LabWorld>): Promise<{ product: Product; updated: Product; path: string; key: string }> {
  const product = ctx.env.catalog.fresh();
  const path = productPath(product.id);
  const key = cacheKey(product.id);
  expectProduct(await ctx.http.get(path), product, `GET ${path}`);
  await expectEntry(ctx.env.cache, key, `GET ${path}`, ctx.signal);
  return { product, updated: { ...product, ...ctx.env.catalog.changesFor(product) }, path, key };
}

export const invalidatesAfterUpdate = defineCheck<LabWorld>({
  slug: 'invalidates-after-update',
  title: 'PUT /products/:id updates the database, then deletes product:<id>, so the next GET returns the new data',
  hint: 'In the PUT handler, send the change to the database first, and once it succeeded delete the entry: await cache.del(`product:${id}`). Deleting before the write lets a GET in between put the old product back for a whole TTL; writing the new value into the cache instead races with other writers. The next GET misses and reads the new row. See https://redis.io/docs/latest/commands/del/',
  timeoutMs: 8000,
  async run(ctx) {
    const { cache, database } = ctx.env;
    const first = await cacheProduct(ctx);
    const body = JSON.stringify({ name: first.updated.name, price: first.updated.price });
    const put = `PUT ${first.path}`;
    expectUpdated(ctx, await ctx.http.request({ method: 'PUT', path: first.path, headers: { 'Content-Type': 'application/json' }, body }), put, first.updated);
    const left = await entryThatStays(cache, first.key, ctx.signal);
    if (left) {
      const holdsNew = left.value.includes(JSON.stringify(first.updated.name));
      fail({
        message: holdsNew
          ? `After ${put}, ${first.key} holds the new product: the cache was written instead of cleared. Two updates racing can leave the older one in the cache; delete the key and let the next read fill it.`
          : `After ${put}, the cache still has the old product under ${first.key}, so every GET serves stale data until the TTL runs out.`,
        expected: `${first.key} deleted once the database has the change`,
        actual: describeEntry(first.key, left),
      });
    }
    expectProduct(await ctx.http.get(first.path), first.updated, `GET ${first.path}`, `after ${put} changed it`);

    const second = await cacheProduct(ctx);
    const raceBody = JSON.stringify({ name: second.updated.name, price: second.updated.price });
    const release = database.hold(second.product.id, 'writes');
    try {
      ctx.note(`database: holds the next write of product ${second.product.id} until a GET sent during it has been answered`);
      const writing = ctx.http.request({ method: 'PUT', path: second.path, headers: { 'Content-Type': 'application/json' }, body: raceBody, timeoutMs: 5000 });
      if (await database.waitForWrites(second.product.id, 1, 3000)) {
        await ctx.http.get(second.path);
        ctx.note('database: write released');
      }
      release();
      expectUpdated(ctx, await writing, `PUT ${second.path}`, second.updated);
    } finally {
      release();
    }
    const after = await ctx.http.get(second.path);
    if (holdsProduct(after, second.product)) {
      const stale = cache.entry(second.key);
      fail({
        message: `A GET that arrived while PUT ${second.path} was writing put the old product back into the cache: the key was deleted before the database write finished, the GET missed, read the old row and cached it. Every GET now serves the old product until the TTL runs out.`,
        expected: `200 with ${describeProduct(second.updated)} after the PUT finished`,
        actual: `200 with the old ${describeProduct(second.product)}${stale ? `; ${describeEntry(second.key, stale)}` : ''}`,
      });
    }
    expectProduct(after, second.updated, `GET ${second.path}`, `after PUT ${second.path} changed it while another GET was running`);
    return 'Both updates reached the database and then cleared product:<id>, so the next GETs returned the new data, even with a GET arriving during the write.';
  },
});
