// The engine against Debian's redis-server: every corpus sequence is played on both at once and
// each reply must be byte-equal (or, for TTLs, in the stated range on both), unless the step is
// listed in known-differences.json with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type RunningCacheServer } from '../../../labs/engines/redis/server.ts';
import { loadCorpus } from './support/corpus.ts';
import {
  addToReport, compareSequence, describeMismatch, emptyReport, loadKnownDifferences, staleKnownDifferences, summarize,
} from './support/differential.ts';
import { REDIS_MISSING, mustHaveRedis, redisServerVersion, startRealRedis, type RealRedis } from './support/real-redis.ts';

const REDIS_PORT = 4530;
const ENGINE_PORT = 4531;
const version = redisServerVersion();
const corpus = loadCorpus();
const known = loadKnownDifferences();
if (version === null && mustHaveRedis()) {
  it('finds redis-server installed, as CI=true requires', () => {
    throw new Error(REDIS_MISSING);
  });
}
if (version === null && !mustHaveRedis()) console.warn(`skipping the differential tests of course-redis: ${REDIS_MISSING}`);

describe.skipIf(version === null)(`course-redis answers like redis-server ${version}`, () => {
  let redis: RealRedis | undefined;
  let engine: RunningCacheServer | undefined;
  const report = emptyReport();

  beforeAll(async () => {
    redis = await startRealRedis(REDIS_PORT);
    engine = await startCacheServer({ port: ENGINE_PORT, log: () => {} });
  });

  afterAll(async () => {
    await Promise.all([redis?.stop(), engine?.close()]);
    console.log(`redis differential against redis-server ${version}: ${summarize(report)}`);
  });

  it('has a corpus of at least 40 command sequences', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  for (const sequence of corpus) {
    it(sequence.name, async () => {
      const result = await compareSequence(REDIS_PORT, ENGINE_PORT, sequence, known);
      addToReport(report, result);
      expect(result.unexpected.map(describeMismatch).join('\n\n')).toBe('');
    });
  }

  it('lists only known differences that still differ', () => {
    const stale = staleKnownDifferences(report, known);
    expect(stale, 'these known-differences.json entries now agree or name no step; remove them').toEqual([]);
  });
});
