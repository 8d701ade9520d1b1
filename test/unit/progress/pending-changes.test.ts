import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { pendingChangesKey } from '../../../src/progress/lazy.ts';
import { drainPendingChanges } from '../../../src/progress/pending-changes.ts';
import { ProgressStore } from '../../../src/progress/store.ts';

function storeWithQueue(queue: string): { storage: MemoryStorage; store: ProgressStore } {
  const storage = new MemoryStorage();
  storage.setItem(pendingChangesKey, queue);
  return { storage, store: new ProgressStore(storage) };
}

describe('changes queued before the progress store loaded', () => {
  it('are applied in order when the store loads, and the queue is cleared', () => {
    const { storage, store } = storeWithQueue(JSON.stringify([
      { kind: 'chapter-read', chapter: 'caching', read: true },
      { kind: 'quiz-answer', key: 'caching/ttl', selected: [2], correct: false },
      { kind: 'quiz-answer', key: 'caching/ttl', selected: [1], correct: true },
      { kind: 'chapter-read', chapter: 'load-balancing', read: true },
      { kind: 'chapter-read', chapter: 'load-balancing', read: false },
    ]));
    drainPendingChanges(storage, store);
    const progress = store.read();
    expect(Object.keys(progress.chapters)).toEqual(['caching']);
    expect(progress.quizzes['caching/ttl']).toMatchObject({ selected: [1], correct: true, firstCorrect: false, attempts: 2 });
    expect(storage.getItem(pendingChangesKey)).toBeNull();
  });

  it('are dropped whole, changing nothing, when the queue is not one this site wrote', () => {
    for (const queue of ['{not json', JSON.stringify([{ kind: 'chapter-read', chapter: 'caching', read: true }, { kind: 'erase-everything' }])]) {
      const { storage, store } = storeWithQueue(queue);
      store.markChapterRead('hit-a-url', true);
      drainPendingChanges(storage, store);
      expect(Object.keys(store.read().chapters)).toEqual(['hit-a-url']);
      expect(storage.getItem(pendingChangesKey)).toBeNull();
    }
  });
});
