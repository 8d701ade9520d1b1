import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { ProgressStore } from '../../../src/progress/store.ts';

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 2, 14, 10, 0, tick++));

describe('progress store', () => {
  it('remembers a chapter marked as read across store instances, as after a reload', () => {
    const storage = new MemoryStorage();
    new ProgressStore(storage, { now: clock }).markChapterRead('hit-a-url', true);
    const reloaded = new ProgressStore(storage).read();
    expect(Object.keys(reloaded.chapters)).toEqual(['hit-a-url']);
  });

  it('forgets the read mark when the learner unmarks the chapter', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: clock });
    store.markChapterRead('hit-a-url', true);
    store.markChapterRead('hit-a-url', false);
    expect(store.read().chapters).toEqual({});
  });

  it('keeps the first-try result of a quiz when the learner retries it', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: clock });
    store.recordQuizAnswer('hit-a-url/dns-order', [2], false);
    const answer = store.recordQuizAnswer('hit-a-url/dns-order', [1], true).quizzes['hit-a-url/dns-order'];
    expect(answer).toMatchObject({ selected: [1], correct: true, firstCorrect: false, attempts: 2 });
  });

  it('stores the options of a multiple-choice answer in order', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: clock });
    const answer = store.recordQuizAnswer('hit-a-url/layers', [3, 0], true).quizzes['hit-a-url/layers'];
    expect(answer?.selected).toEqual([0, 3]);
  });

  it('does not lose an answer saved by another tab when this tab saves', () => {
    const storage = new MemoryStorage();
    const tabA = new ProgressStore(storage, { now: clock });
    const tabB = new ProgressStore(storage, { now: clock });
    tabA.recordQuizAnswer('hit-a-url/dns-order', [0], true);
    tabB.markChapterRead('hit-a-url', true);
    const progress = tabA.read();
    expect(Object.keys(progress.quizzes)).toEqual(['hit-a-url/dns-order']);
    expect(Object.keys(progress.chapters)).toEqual(['hit-a-url']);
  });

  it('tells subscribers about every change', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: clock });
    const seen: number[] = [];
    const unsubscribe = store.subscribe((progress) => seen.push(Object.keys(progress.chapters).length));
    store.markChapterRead('a-chapter', true);
    store.markChapterRead('b-chapter', true);
    unsubscribe();
    store.clear();
    expect(seen).toEqual([1, 2]);
  });

  it('refuses to save a record that breaks the schema', () => {
    const store = new ProgressStore(new MemoryStorage(), { now: clock });
    expect(() => store.markChapterRead('Not A Valid Id', true)).toThrow(/breaks its own schema.*chapters/);
    expect(store.read().chapters).toEqual({});
  });
});
