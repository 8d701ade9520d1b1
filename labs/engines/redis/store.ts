// The keyspace: string values, optional expiry times, and the statistics INFO reports.
// Expiry works as in Redis: a key past its time is deleted when someone touches it (lazy
// expiry, expireIfNeeded in redis/src/db.c), and a periodic cycle samples keys with a TTL and
// deletes the expired ones so that untouched keys do not linger (activeExpireCycle in
// redis/src/expire.c). https://redis.io/docs/latest/commands/expire/#how-redis-expires-keys

/** An absolute Unix time in milliseconds; a bigint only past 2^53 (TTLs of millennia). */
export type Millis = number | bigint;

/** Keys are binary-safe in Redis; a latin1 string maps each byte to one character, losslessly. */
export function keyOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

// activeExpireCycle's tuning at the default active-expire-effort 1 (redis/src/expire.c):
// sample 20 keys per round and keep going while more than 10% of a sample had expired.
const KEYS_PER_ROUND = 20;
const ACCEPTABLE_STALE_PERCENT = 10;

export class KeyStore {
  private readonly values = new Map<string, Buffer>();
  private readonly expires = new Map<string, Millis>();
  private cursor: Iterator<[string, Millis]> | null = null;
  /** keyspace_hits, keyspace_misses and expired_keys of INFO's Stats section. */
  readonly stats = { hits: 0, misses: 0, expiredKeys: 0 };
  /** The running estimate INFO prints as avg_ttl, maintained by the active cycle as Redis does. */
  averageTtl = 0;

  get size(): number {
    return this.values.size;
  }

  get volatileCount(): number {
    return this.expires.size;
  }

  /** A read lookup (lookupKeyRead): expires the key if due and counts a hit or a miss. */
  read(key: string, now: number): Buffer | undefined {
    const value = this.lookup(key, now);
    if (value === undefined) this.stats.misses++;
    else this.stats.hits++;
    return value;
  }

  /** A write lookup (lookupKeyWrite): expires the key if due, counts nothing. */
  lookup(key: string, now: number): Buffer | undefined {
    this.expireIfDue(key, now);
    return this.values.get(key);
  }

  /** Stores a value; like setKey() it clears any TTL unless told to keep it. */
  set(key: string, value: Buffer, keepTtl = false): void {
    this.values.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }

  /** Sets the absolute expiry time of an existing key. */
  setExpiry(key: string, at: Millis): void {
    if (this.values.has(key)) this.expires.set(key, at);
  }

  /** The absolute expiry time of a key, or -1 when it has none (getExpire in db.c). */
  expiryOf(key: string): Millis {
    return this.expires.get(key) ?? -1;
  }

  delete(key: string): boolean {
    this.expires.delete(key);
    return this.values.delete(key);
  }

  flush(): void {
    this.values.clear();
    this.expires.clear();
    this.cursor = null;
    this.averageTtl = 0;
  }

  /**
   * One run of the active expiry cycle: walk the keys that have a TTL from where the last run
   * stopped, delete the expired ones, and repeat while the sample shows many stale keys and the
   * time budget lasts. Returns how many keys it deleted.
   */
  activeExpireCycle(clock: () => number, budgetMs: number): number {
    const started = clock();
    let deleted = 0;
    for (;;) {
      if (this.expires.size === 0) return deleted;
      const now = clock();
      let sampled = 0;
      let expired = 0;
      let ttlSum = 0;
      let ttlSamples = 0;
      while (sampled < Math.min(KEYS_PER_ROUND, this.expires.size)) {
        const entry = this.nextVolatile();
        if (entry === undefined) break;
        sampled++;
        const [key, at] = entry;
        if (now > at) {
          this.delete(key);
          this.stats.expiredKeys++;
          expired++;
        } else {
          ttlSum += Number(at) - now;
          ttlSamples++;
        }
      }
      deleted += expired;
      if (ttlSamples > 0) this.updateAverageTtl(Math.floor(ttlSum / ttlSamples));
      const stale = sampled > 0 && (expired * 100) / sampled > ACCEPTABLE_STALE_PERCENT;
      if (!stale || clock() - started >= budgetMs) return deleted;
    }
  }

  private expireIfDue(key: string, now: number): void {
    const at = this.expires.get(key);
    // keyIsExpired() in db.c: a key is expired strictly after its expiry time.
    if (at !== undefined && now > at) {
      this.delete(key);
      this.stats.expiredKeys++;
    }
  }

  private nextVolatile(): [string, Millis] | undefined {
    // A Map iterator is live: it skips deleted keys and reaches keys added later, which makes
    // it a cursor over the keys with a TTL, like the expires_cursor Redis keeps per database.
    this.cursor ??= this.expires.entries();
    let step = this.cursor.next();
    if (step.done) {
      this.cursor = this.expires.entries();
      step = this.cursor.next();
    }
    return step.done ? undefined : step.value;
  }

  private updateAverageTtl(sampleAverage: number): void {
    // A running average weighting the new sample 2%, as activeExpireCycle computes avg_ttl.
    if (this.averageTtl === 0) this.averageTtl = sampleAverage;
    this.averageTtl = Math.floor(this.averageTtl / 50) * 49 + Math.floor(sampleAverage / 50);
  }
}
