// The lab's start command, `node launch.mjs` (this file, bundled by scripts/bundle.ts and
// provided to the work folder through the manifest's files.provided): it runs the learner's server.js. When DATABASE_URL or CACHE_URL is
// not set, as with `npm run lab -- start cache-aside` or Run in the course, it first starts the
// missing service in this same process: a practice product database, or the course's cache
// server. The checks set both variables to their own database and cache, so then it only
// loads server.js.
import { startCacheServer } from '../../engines/redis/server.ts';
import { ProductDatabase } from '../services/product-database.ts';
import { practiceProducts, practiceReadLatencyMs } from '../services/practice-products.ts';

const say = (line: string) => console.log(`[launch] ${line}`);

if (!process.env.DATABASE_URL) {
  const database = await ProductDatabase.start({ products: practiceProducts, readLatencyMs: practiceReadLatencyMs, writeLatencyMs: practiceReadLatencyMs });
  process.env.DATABASE_URL = database.url;
  const ids = practiceProducts.map((product) => product.id);
  say(`practice database at ${database.url}: products ${ids[0]} to ${ids[ids.length - 1]}, ${practiceReadLatencyMs} ms per query (try curl ${database.url}/products/${ids[0]})`);
}
if (!process.env.CACHE_URL) {
  const cache = await startCacheServer({ port: 0, log: (line) => say(line) });
  process.env.CACHE_URL = `redis://${cache.host}:${cache.port}`;
  say(`practice cache at ${process.env.CACHE_URL} (try redis-cli -p ${cache.port} TTL product:${practiceProducts[0]?.id})`);
}
process.env.CACHE_TTL_SECONDS ??= '30';
process.env.NEGATIVE_TTL_SECONDS ??= '5';
say(`DATABASE_URL=${process.env.DATABASE_URL} CACHE_URL=${process.env.CACHE_URL} CACHE_TTL_SECONDS=${process.env.CACHE_TTL_SECONDS} NEGATIVE_TTL_SECONDS=${process.env.NEGATIVE_TTL_SECONDS}`);

// A computed specifier, so the bundler leaves the learner's file out of the bundle.
await import(new URL('./server.js', import.meta.url).href);
