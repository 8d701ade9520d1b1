import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import { cacheKey, describeEntry, expectEntry, expectTtl } from '../cache-observer.ts';
import { labSettings, type LabWorld } from '../lab-world.ts';
import { productPath } from '../product-response.ts';

export const cachesMissingProductsBriefly = defineCheck<LabWorld>({
  slug: 'caches-missing-products-briefly',
  title: 'Answers 404 for an unknown id and caches that answer for NEGATIVE_TTL_SECONDS, so a repeat skips the database',
  hint: 'When the database answers 404, remember that too: store a marker such as the string "not-found" under product:<id> with the shorter TTL, { EX: Number(process.env.NEGATIVE_TTL_SECONDS) }, and answer 404 when a GET finds the marker. Otherwise anyone can load your database by asking for ids that do not exist; the short TTL lets a product created later show up soon. This is negative caching, the same idea as in DNS: https://www.rfc-editor.org/rfc/rfc2308',
  timeoutMs: 5000,
  async run(ctx) {
    const { cache, catalog, database } = ctx.env;
    const id = catalog.unknownId();
    const path = productPath(id);
    const key = cacheKey(id);
    const requestedAt = Date.now();
    expectStatus(await ctx.http.get(path), 404, `GET ${path}`, `the database has no product ${id}`);
    const entry = await expectEntry(cache, key, `GET ${path}, an id the database does not have`, ctx.signal, 'the "not found" answer was not cached, so every request for this id reaches the database');
    ctx.note(`cache: ${describeEntry(key, entry, entry.seenAt)}`);
    expectTtl(entry, {
      key,
      ttlSeconds: labSettings.negativeTtlSeconds,
      variable: 'NEGATIVE_TTL_SECONDS',
      requestedAt,
      why: 'a product created later under this id would stay "not found" for ever.',
    });
    expectStatus(await ctx.http.get(path), 404, `GET ${path} (again)`, `the database has no product ${id}`);
    const queries = database.reads(id);
    if (queries !== 1) {
      fail({
        message: `Two GETs of the unknown ${path} made ${queries} database queries, although ${key} was cached: the second one should have found the "not found" entry and answered 404 without asking the database.`,
        expected: '1 database query, then 404 from the cache',
        actual: `${queries} database queries`,
      });
    }
    return `GET ${path} answered 404, cached it under ${key} for ${labSettings.negativeTtlSeconds} s, and the repeat answered 404 without a database query.`;
  },
});
