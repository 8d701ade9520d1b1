// What one run of the cache-aside grader sets up before the first check: the product
// database with the run's random products and the cache, both owned by the grader and stopped
// when the run ends, and the environment that points the learner's program at them.
import { ProductDatabase } from '../../labs/cache-aside/services/product-database.ts';
import type { PrepareContext } from '../kit/define-grader.ts';
import { Catalog } from './catalog.ts';
import { GraderCache } from '../kit/redis/grader-cache.ts';
import { listenOnServicePort } from '../kit/process/service-port.ts';

/** The numbers the checks and the learner's program share; the instructions quote them. */
export const labSettings = {
  /** CACHE_TTL_SECONDS: how long a product stays cached. Short, so the expiry check is quick. */
  cacheTtlSeconds: 2,
  /** NEGATIVE_TTL_SECONDS: how long "no such product" stays cached. */
  negativeTtlSeconds: 1,
  /** A slow database: a cache hit is tens of times faster. */
  readLatencyMs: 100,
  writeLatencyMs: 100,
  /**
   * How long an answer may take when the cache is down or hangs: a program with a 1 s command
   * timeout needs about 2.1 s (GET times out, database, SET times out); one without never answers.
   */
  degradedAnswerMs: 5000,
} as const;

export interface LabWorld {
  database: ProductDatabase;
  cache: GraderCache;
  catalog: Catalog;
  /** DATABASE_URL, CACHE_URL and the TTLs, given to the learner's program on top of PORT and HOST. */
  programEnv: Record<string, string>;
}

export async function buildLabWorld({ random, teardown, emit, port }: PrepareContext): Promise<LabWorld> {
  const catalog = new Catalog(random);
  const { readLatencyMs, writeLatencyMs } = labSettings;
  const database = await listenOnServicePort((at) => ProductDatabase.start({ products: catalog.products, port: at, readLatencyMs, writeLatencyMs }), port);
  teardown.add('stop the product database', () => database.stop());
  const log = (line: string) => emit({ type: 'output', label: 'cache', line, stream: 'stderr' });
  const cache = await listenOnServicePort((at) => GraderCache.start(at, log), port);
  teardown.add('stop the cache', () => cache.stop());
  return {
    database,
    cache,
    catalog,
    programEnv: {
      DATABASE_URL: database.url,
      CACHE_URL: cache.url,
      CACHE_TTL_SECONDS: String(labSettings.cacheTtlSeconds),
      NEGATIVE_TTL_SECONDS: String(labSettings.negativeTtlSeconds),
    },
  };
}

/** Puts the database back to its normal speed and health after a check changed it. */
export function resetDatabase(world: LabWorld, id?: number): void {
  world.database.readLatencyMs = labSettings.readLatencyMs;
  world.database.writeLatencyMs = labSettings.writeLatencyMs;
  if (id !== undefined) world.database.heal(id);
}
