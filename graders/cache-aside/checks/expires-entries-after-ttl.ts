import { defineCheck, fail } from '../../kit/check.ts';
import { cacheKey, describeEntry, expectEntry, expectTtl } from '../cache-observer.ts';
import { labSettings, type LabWorld } from '../lab-world.ts';
import { describeProduct, expectProduct, holdsProduct, productPath } from '../product-response.ts';
import { pause, seconds } from '../../kit/waiting.ts';

/** Reads while the entry is alive, as real traffic would: a TTL renewed on reads never runs out. */
const readEveryMs = 300;
/** Past the expiry time, so the entry has certainly expired (Redis expires keys strictly after it). */
const afterExpiryMs = 100;

export const expiresEntriesAfterTtl = defineCheck<LabWorld>({
  slug: 'expires-entries-after-ttl',
  title: 'Stores each product under product:<id> with a TTL of CACHE_TTL_SECONDS, and serves the new data once it expires',
  hint: 'Give every entry an expiry when you store it: cache.set(`product:${id}`, json, { EX: Number(process.env.CACHE_TTL_SECONDS) }). Without one, a change made directly in the database is never seen. Leave the TTL alone when you read an entry (no EXPIRE, no SET on a hit), and keep no second copy in memory, or a popular product stays stale for ever. See https://redis.io/docs/latest/commands/set/',
  timeoutMs: 8000,
  async run(ctx) {
    const { cache, catalog, database } = ctx.env;
    const product = catalog.fresh();
    const path = productPath(product.id);
    const key = cacheKey(product.id);
    const requestedAt = Date.now();
    expectProduct(await ctx.http.get(path), product, `GET ${path}`);
    const entry = await expectEntry(cache, key, `GET ${path}`, ctx.signal);
    ctx.note(`cache: ${describeEntry(key, entry, entry.seenAt)}`);
    const left = expectTtl(entry, {
      key,
      ttlSeconds: labSettings.cacheTtlSeconds,
      variable: 'CACHE_TTL_SECONDS',
      requestedAt,
      why: 'once the product changes in the database, your API keeps serving the old one.',
    });
    const expiresAt = entry.expiresAt as number;

    const updated = { ...product, ...catalog.changesFor(product) };
    database.update(product.id, updated);
    const changedAt = Date.now();
    ctx.note(`database: product ${product.id} changed to ${describeProduct(updated)} by another program; the cached copy is stale until it expires in ${seconds(left)}`);
    let reads = 0;
    while (Date.now() + readEveryMs < expiresAt) {
      await pause(readEveryMs, ctx.signal);
      await ctx.http.get(path);
      reads += 1;
    }
    await pause(expiresAt + afterExpiryMs - Date.now(), ctx.signal);
    ctx.note(`${seconds(Date.now() - expiresAt)} after ${key} was due to expire:`);
    const late = await ctx.http.get(path);
    if (!holdsProduct(late, updated)) {
      const still = cache.entry(key);
      if (late.status === 200 && holdsProduct(late, product)) {
        fail({
          message: `GET ${path} still answered the old product after its ${labSettings.cacheTtlSeconds} s TTL ran out, although the database changed ${seconds(Date.now() - changedAt)} ago. ${
            still && still.expiresAt !== expiresAt
              ? `The key's expiry moved from the one it was stored with: something renews it on reads (an EXPIRE, or a SET on a hit), so a product that is read often never expires. Now ${describeEntry(key, still)}.`
              : 'The cache entry has expired, so the old product came from somewhere else, such as a copy kept in memory.'
          }`,
          expected: `200 with ${describeProduct(updated)}, read from the database after the entry expired`,
          actual: `200 with the old ${describeProduct(product)}`,
        });
      }
      expectProduct(late, updated, `GET ${path}`, 'after the cached entry expired');
    }
    return `${key} was stored with a ${labSettings.cacheTtlSeconds} s TTL; after ${reads} cached reads it expired, and the next GET returned the product as changed in the database.`;
  },
});
