import { describe, expect, it } from 'vitest';
import { KeyStore } from '../../../labs/engines/redis/store.ts';

const value = (text: string) => Buffer.from(text);

describe('the keyspace', () => {
  it('counts a hit for a read of an existing key and a miss otherwise', () => {
    const store = new KeyStore();
    store.set('a', value('1'));
    expect(store.read('a', 0)?.toString()).toBe('1');
    expect(store.read('b', 0)).toBeUndefined();
    expect(store.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('does not count write lookups as hits or misses', () => {
    const store = new KeyStore();
    store.set('a', value('1'));
    store.lookup('a', 0);
    store.lookup('b', 0);
    expect(store.stats).toMatchObject({ hits: 0, misses: 0 });
  });

  it('keeps a key until strictly after its expiry time, then deletes it on access', () => {
    const store = new KeyStore();
    store.set('a', value('1'));
    store.setExpiry('a', 1000);
    expect(store.read('a', 1000)?.toString()).toBe('1');
    expect(store.read('a', 1001)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.stats.expiredKeys).toBe(1);
  });

  it('drops the TTL on a plain set and keeps it when asked', () => {
    const store = new KeyStore();
    store.set('a', value('1'));
    store.setExpiry('a', 5000);
    store.set('a', value('2'), true);
    expect(store.expiryOf('a')).toBe(5000);
    store.set('a', value('3'));
    expect(store.expiryOf('a')).toBe(-1);
  });

  it('ignores an expiry for a key that does not exist', () => {
    const store = new KeyStore();
    store.setExpiry('ghost', 5000);
    expect(store.volatileCount).toBe(0);
    expect(store.expiryOf('ghost')).toBe(-1);
  });

  it('deletes expired keys in the active cycle without anyone reading them', () => {
    const store = new KeyStore();
    for (let i = 0; i < 100; i++) {
      store.set(`old:${i}`, value('x'));
      store.setExpiry(`old:${i}`, 100);
    }
    store.set('live', value('x'));
    store.setExpiry('live', 60_000);
    store.set('forever', value('x'));
    const deleted = store.activeExpireCycle(() => 1000, 25);
    expect(deleted).toBe(100);
    expect(store.size).toBe(2);
    expect(store.stats.expiredKeys).toBe(100);
    expect(store.stats.misses).toBe(0);
  });

  it('stops the active cycle when its time budget is spent', () => {
    const store = new KeyStore();
    for (let i = 0; i < 1000; i++) {
      store.set(`old:${i}`, value('x'));
      store.setExpiry(`old:${i}`, 100);
    }
    let now = 1000;
    // Each clock reading moves time on by 10 ms, so the 25 ms budget lasts a few rounds only.
    const deleted = store.activeExpireCycle(() => (now += 10), 25);
    expect(deleted).toBeGreaterThan(0);
    expect(deleted).toBeLessThan(1000);
    expect(store.activeExpireCycle(() => 1000_000, 1000)).toBe(1000 - deleted);
  });

  it('estimates the average TTL of keys from the active cycle samples', () => {
    const store = new KeyStore();
    for (let i = 0; i < 10; i++) {
      store.set(`k${i}`, value('x'));
      store.setExpiry(`k${i}`, 1000 + 100_000);
    }
    store.activeExpireCycle(() => 1000, 25);
    expect(store.averageTtl).toBeGreaterThan(90_000);
    expect(store.averageTtl).toBeLessThanOrEqual(100_000);
  });

  it('forgets keys, TTLs and the TTL estimate on flush but keeps the statistics', () => {
    const store = new KeyStore();
    store.set('a', value('1'));
    store.setExpiry('a', 100_000);
    store.read('a', 0);
    store.activeExpireCycle(() => 0, 25);
    store.flush();
    expect([store.size, store.volatileCount, store.averageTtl]).toEqual([0, 0, 0]);
    expect(store.stats.hits).toBe(1);
  });
});
