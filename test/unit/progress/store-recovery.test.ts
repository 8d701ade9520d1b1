import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { emptyProgress, PROGRESS_VERSION } from '../../../src/progress/schema.ts';
import { ProgressStore, StorageWriteError, progressKey, setAsidePrefix, type Recovery } from '../../../src/progress/store.ts';

const fixedNow = () => new Date('2026-03-14T10:00:00.000Z');

/** A storage that is full: it keeps what it has and refuses every new write. */
class FullStorage extends MemoryStorage {
  constructor(seed: Record<string, string> = {}) {
    super();
    for (const [key, value] of Object.entries(seed)) super.setItem(key, value);
  }

  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

function storeWith(stored: string) {
  const storage = new MemoryStorage();
  storage.setItem(progressKey, stored);
  const recoveries: Recovery[] = [];
  const store = new ProgressStore(storage, { now: fixedNow, onRecovery: (recovery) => recoveries.push(recovery) });
  return { storage, store, recoveries };
}

describe('recovering from corrupted or foreign stored progress', () => {
  it('sets aside data that is not JSON, keeps it, and continues with empty progress', () => {
    const { storage, store, recoveries } = storeWith('{"version":1,"chapters":{');
    expect(store.read()).toEqual(emptyProgress());
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]!.reason).toBe('not-json');
    const key = `${setAsidePrefix}2026-03-14T10:00:00.000Z`;
    expect(recoveries[0]!.setAsideKey).toBe(key);
    expect(storage.getItem(key)).toBe('{"version":1,"chapters":{');
    expect(storage.getItem(progressKey)).toBeNull();
  });

  it('sets aside JSON another program wrote under our key', () => {
    const { store, recoveries } = storeWith('{"theme":"dark","fontSize":18}');
    expect(store.read()).toEqual(emptyProgress());
    expect(recoveries[0]!.reason).toBe('not-progress');
  });

  it('sets aside progress from a newer version of the course rather than overwriting it', () => {
    const { store, recoveries } = storeWith('{"version":9,"chapters":{},"quizzes":{},"labs":{}}');
    store.read();
    expect(recoveries[0]!.reason).toBe('newer-version');
    expect(recoveries[0]!.detail).toContain(`format 9; this page reads up to ${PROGRESS_VERSION}`);
  });

  it('names the damaged field when a record fails the schema', () => {
    const { store, recoveries } = storeWith('{"version":1,"chapters":{"hit-a-url":{"readAt":42}},"quizzes":{},"labs":{}}');
    store.read();
    expect(recoveries[0]!.reason).toBe('invalid');
    expect(recoveries[0]!.detail).toContain('chapters.hit-a-url.readAt');
  });

  it('lists set-aside records so the learner can download or discard them', () => {
    const { store } = storeWith('not json at all');
    store.read();
    const [record] = store.setAsideRecords();
    expect(record).toEqual({ key: `${setAsidePrefix}2026-03-14T10:00:00.000Z`, setAsideAt: '2026-03-14T10:00:00.000Z', text: 'not json at all' });
    store.discardSetAside(record!.key);
    expect(store.setAsideRecords()).toEqual([]);
  });

  it('keeps two damaged records set aside in the same millisecond under different keys', () => {
    const { storage, store } = storeWith('first damage');
    store.read();
    storage.setItem(progressKey, 'second damage');
    store.read();
    expect(store.setAsideRecords().map((record) => record.text)).toEqual(['first damage', 'second damage']);
  });

  it('leaves the damaged data in place when the browser refuses to store a copy', () => {
    const storage = new FullStorage({ [progressKey]: 'damaged' });
    const recoveries: Recovery[] = [];
    const store = new ProgressStore(storage, { onRecovery: (recovery) => recoveries.push(recovery) });
    expect(store.read()).toEqual(emptyProgress());
    expect(recoveries[0]!.setAsideKey).toBeNull();
    expect(storage.getItem(progressKey)).toBe('damaged');
  });

  it('explains a failed save instead of losing it silently', () => {
    const store = new ProgressStore(new FullStorage());
    expect(() => store.markChapterRead('hit-a-url', true)).toThrow(StorageWriteError);
    expect(() => store.markChapterRead('hit-a-url', true)).toThrow(/QuotaExceededError.*export your progress/);
  });
});
