import { defineCheck, fail, type CheckContext } from '../../kit/check.ts';
import { labSettings, type LabWorld } from '../lab-world.ts';
import { expectProduct, productPath } from '../product-response.ts';
import { seconds } from '../../kit/waiting.ts';

const boundMs = labSettings.degradedAnswerMs;

/** GETs a product and fails unless the product arrives within the bound. */
async function expectAnswerFromDatabase(ctx: CheckContext<LabWorld>, situation: string, advice: string): Promise<number> {
  const product = ctx.env.catalog.fresh();
  const path = productPath(product.id);
  const sentAt = Date.now();
  const outcome = await ctx.http.attempt({ path, timeoutMs: boundMs });
  const took = Date.now() - sentAt;
  if (!outcome.ok && outcome.error.code === 'TIMEOUT') {
    fail({
      message: `GET ${path} got no answer within ${seconds(boundMs)} ${situation}. ${advice}`,
      expected: `200 with the product from the database within ${seconds(boundMs)}`,
      actual: `no answer after ${seconds(took)}`,
    });
  }
  if (!outcome.ok) throw ctx.http.failureFor({ path }, outcome.error);
  expectProduct(outcome.response, product, `GET ${path}`, situation);
  return took;
}

export const servesFromDatabaseWhenCacheFails = defineCheck<LabWorld>({
  slug: 'serves-from-database-when-cache-fails',
  title: `When the cache is down or stops answering, answers from the database within ${boundMs / 1000} s, never 500`,
  hint: 'The cache speeds things up; it must not take the API down with it. Wrap every cache call in try/catch and carry on as on a miss. Listen for the client\'s error event, cache.on("error", ...), or a dropped connection crashes your process. And give every command a short timeout, createClient({ url, commandTimeout: 1000 }), so a cache that hangs cannot hang your API. See https://redis.io/docs/latest/develop/clients/nodejs/produsage/',
  timeoutMs: 15_000,
  async run(ctx) {
    const { cache } = ctx.env;
    try {
      await cache.goDown();
      ctx.note(`cache: stopped; connections to ${cache.url} are now refused`);
      const downMs = await expectAnswerFromDatabase(ctx, 'while the cache was down', 'A request should not wait for a cache that refuses connections.');
      await cache.hang();
      ctx.note(`cache: ${cache.url} now accepts connections but never answers a command`);
      const hangingMs = await expectAnswerFromDatabase(
        ctx,
        'while the cache accepted connections but never answered',
        'Without a timeout on cache commands, every request waits for ever for a cache that hangs; set commandTimeout when you create the client.',
      );
      return `With the cache down, GET answered from the database in ${downMs} ms; with the cache hanging, in ${hangingMs} ms.`;
    } finally {
      await cache.revive();
    }
  },
});
