// Grader of the lab "Cache-aside" (labs/cache-aside). It owns the product database and the
// cache the learner's API talks to, and watches both: the database counts its queries, and
// the cache's keyspace shows what was stored and for how long. Bundled to
// public/bundles/graders/cache-aside.mjs (cache server included), which runs alone:
//   node cache-aside.mjs --dir <folder> [--json] [--all] [--port N] [--seed N]
import manifest from '../../labs/cache-aside/manifest.json' with { type: 'json' };
import { defineGrader } from '../kit/define-grader.ts';
import { isMainModule, runGraderCli } from '../kit/grader-cli.ts';
import { cachesMissingProductsBriefly } from './checks/caches-missing-products-briefly.ts';
import { collapsesConcurrentMisses } from './checks/collapses-concurrent-misses.ts';
import { doesNotCacheDatabaseErrors } from './checks/does-not-cache-database-errors.ts';
import { expiresEntriesAfterTtl } from './checks/expires-entries-after-ttl.ts';
import { invalidatesAfterUpdate } from './checks/invalidates-after-update.ts';
import { labelsHitsAndMisses } from './checks/labels-hits-and-misses.ts';
import { servesFromDatabaseWhenCacheFails } from './checks/serves-from-database-when-cache-fails.ts';
import { servesProductsFromDatabase } from './checks/serves-products-from-database.ts';
import { servesRepeatReadsFromCache } from './checks/serves-repeat-reads-from-cache.ts';
import { startsAndListens } from './checks/starts-and-listens.ts';
import { buildLabWorld } from './lab-world.ts';

export const grader = defineGrader({
  manifest,
  manifestFile: 'labs/cache-aside/manifest.json',
  checks: [
    startsAndListens,
    servesProductsFromDatabase,
    servesRepeatReadsFromCache,
    labelsHitsAndMisses,
    expiresEntriesAfterTtl,
    invalidatesAfterUpdate,
    cachesMissingProductsBriefly,
    doesNotCacheDatabaseErrors,
    collapsesConcurrentMisses,
    servesFromDatabaseWhenCacheFails,
  ],
  prepare: buildLabWorld,
  // Every check passes in about 6 s; the TTL and the slow database set most of that.
  deadlineMs: 60_000,
});

if (isMainModule(import.meta.url)) {
  process.exitCode = await runGraderCli(grader, process.argv.slice(2), { rerun: `node ${process.argv[1]} ${process.argv.slice(2).join(' ')}` });
}
