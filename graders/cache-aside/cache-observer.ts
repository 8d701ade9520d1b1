// What the checks learn from the cache's keyspace: whether the key the instructions fix,
// product:<id>, exists, what it holds and when it expires. The grader reads its own cache
// server directly; `redis-cli GET` and `PTTL` would show the learner the same.
import { fail } from '../kit/check.ts';
import type { CacheEntry, GraderCache } from '../kit/redis/grader-cache.ts';
import { pollFor, seconds } from '../kit/waiting.ts';

export function cacheKey(id: number): string {
  return `product:${id}`;
}

/** Time for an entry the program stores just after it answered (without awaiting SET). */
const settleMs = 1000;
/**
 * Time for a DEL sent just after answering. Short, so an entry that should have been deleted
 * cannot run out its TTL while the check waits.
 */
const deleteSettleMs = 300;

export interface SeenEntry extends CacheEntry {
  seenAt: number;
}

export function describeEntry(key: string, entry: CacheEntry, now = Date.now()): string {
  const value = entry.value.length > 120 ? `${entry.value.slice(0, 117)}...` : entry.value;
  const expiry = entry.expiresAt === undefined ? 'no TTL' : `a TTL of ${seconds(entry.expiresAt - now)} left`;
  return `${key} holds ${JSON.stringify(value)} with ${expiry}`;
}

/**
 * The entry once it appears, or a failure explaining that the program stored nothing under the
 * key; `consequence` says what that costs, e.g. "every request for this id reaches the database".
 */
export async function expectEntry(cache: GraderCache, key: string, after: string, signal: AbortSignal, consequence?: string): Promise<SeenEntry> {
  const seen = await pollFor(() => {
    const entry = cache.entry(key);
    return entry ? { ...entry, seenAt: Date.now() } : undefined;
  }, settleMs, signal);
  if (seen) return seen;
  const others = cache.size;
  const holds = others > 0 ? `it holds ${others} other key${others === 1 ? '' : 's'}` : 'it holds no keys at all';
  fail({
    message: `After ${after}, the cache has no key ${key} (${holds}; the checks look for exactly the key the instructions name, product:<id>)${consequence ? `: ${consequence}` : ''}.`,
    expected: `a key ${key} within ${seconds(settleMs)}`,
    actual: `no key ${key}`,
  });
}

/** The entry if it is still there after a short wait, or undefined once it is gone. */
export async function entryThatStays(cache: GraderCache, key: string, signal: AbortSignal): Promise<CacheEntry | undefined> {
  const gone = await pollFor(() => (cache.entry(key) === undefined ? true : undefined), deleteSettleMs, signal);
  return gone ? undefined : cache.entry(key);
}

export interface TtlRule {
  key: string;
  ttlSeconds: number;
  /** The variable that sets it, e.g. CACHE_TTL_SECONDS. */
  variable: string;
  /** When the request that stored the entry was sent. */
  requestedAt: number;
  why: string;
}

/**
 * Fails unless the entry was stored with the rule's TTL. The TTL the program set lies between
 * what is left when the grader first saw the key and the time since the request was sent, both
 * measured on the clock the cache itself uses, so no margin for load is needed.
 */
export function expectTtl(entry: SeenEntry, rule: TtlRule): number {
  const { key, ttlSeconds, variable, requestedAt } = rule;
  const wanted = ttlSeconds * 1000;
  const expected = `a TTL of ${ttlSeconds} s (${variable}=${ttlSeconds}), e.g. cache.set(key, value, { EX: ${ttlSeconds} })`;
  if (entry.expiresAt === undefined) {
    fail({ message: `${key} has no TTL, so it stays in the cache until something deletes it: ${rule.why}`, expected, actual: 'no expiry (PTTL answers -1)' });
  }
  const left = entry.expiresAt - entry.seenAt;
  const atMost = entry.expiresAt - requestedAt;
  if (left > wanted) {
    fail({ message: `${key} expires in ${seconds(left)}, later than the ${ttlSeconds} s that ${variable} asks for.`, expected, actual: `a TTL of ${seconds(left)} left right after it was stored` });
  }
  if (atMost < wanted) {
    fail({ message: `${key} was stored with a TTL of at most ${seconds(atMost)}, shorter than the ${ttlSeconds} s that ${variable} asks for.`, expected, actual: `a TTL of at most ${seconds(atMost)}` });
  }
  return left;
}
