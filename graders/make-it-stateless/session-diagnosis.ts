// What the cache says about a session, for failure messages: the key the instructions name,
// session:<sid>, as `redis-cli GET` and `PTTL` would show it. The checks pass or fail on what
// the instances answer; this only explains why.
import type { GraderCache } from '../kit/redis/grader-cache.ts';
import { seconds } from '../kit/waiting.ts';

export function sessionKey(sid: string): string {
  return `session:${sid}`;
}

export function describeSessionKey(cache: GraderCache, sid: string | undefined): string {
  if (!sid) return 'the browser holds no session cookie';
  const key = sessionKey(sid);
  const entry = cache.entry(key);
  if (!entry) return `the cache has no key ${key}${cache.size ? ` (it holds ${cache.size} other key${cache.size === 1 ? '' : 's'})` : ' (it holds no keys at all)'}`;
  const ttl = entry.expiresAt === undefined ? 'no TTL' : `a TTL of ${seconds(entry.expiresAt - Date.now())} left`;
  return `the cache holds ${key} with ${ttl}`;
}

/** "app-1: 4, app-2: 4, app-3: 4" */
export function describeSpread(servedBy: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of servedBy) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name}: ${count}`).join(', ');
}
