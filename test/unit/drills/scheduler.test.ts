import { describe, expect, it } from 'vitest';
import { decodeProgress } from '../../../src/progress/decode.ts';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { emptyProgress } from '../../../src/progress/schema.ts';
import { ProgressStore } from '../../../src/progress/store.ts';
import { ratings } from '../../../src/drills/rating.ts';
import { dueCount, dueDrills, newPerDay } from '../../../src/drills/due.ts';
import { reviewDrill } from '../../../src/drills/scheduler.ts';

const morning = new Date(2026, 10, 22, 9, 0, 0);
const bank = Array.from({ length: 15 }, (_, index) => `drill-${index + 1}`);

describe('drill scheduling', () => {
  it('offers at most the daily allowance of new drills', () => {
    expect(dueDrills(emptyProgress(), bank, morning).fresh).toHaveLength(newPerDay);
  });

  it('takes a reviewed drill out of the due list until its card is due again', () => {
    const progress = emptyProgress();
    const card = reviewDrill(progress, 'drill-1', ratings.good, morning);
    expect(Date.parse(card.due)).toBeGreaterThan(morning.getTime());
    expect(dueCount(progress, bank, morning)).toBe(newPerDay - 1);
    expect(dueDrills(progress, bank, new Date(card.due)).reviews).toEqual(['drill-1']);
  });

  it('offers a fresh allowance of new drills the next day', () => {
    const progress = emptyProgress();
    for (const id of bank.slice(0, newPerDay)) reviewDrill(progress, id, ratings.easy, morning);
    expect(dueDrills(progress, bank, morning).fresh).toEqual([]);
    const tomorrow = new Date(2026, 10, 23, 9, 0, 0);
    expect(dueDrills(progress, bank, tomorrow).fresh).toEqual(bank.slice(newPerDay));
  });

  it('ignores cards of drills no longer in the bank', () => {
    const progress = emptyProgress();
    const card = reviewDrill(progress, 'retired-drill', ratings.good, morning);
    expect(dueDrills(progress, bank, new Date(card.due)).reviews).toEqual([]);
  });

  it('schedules an Easy answer further out than an Again', () => {
    const progress = emptyProgress();
    const again = reviewDrill(progress, 'drill-1', ratings.again, morning);
    const easy = reviewDrill(progress, 'drill-2', ratings.easy, morning);
    expect(Date.parse(easy.due)).toBeGreaterThan(Date.parse(again.due));
  });

  it('spaces a remembered drill further apart at each review', () => {
    const progress = emptyProgress();
    let now = morning;
    const gaps: number[] = [];
    for (let review = 0; review < 4; review += 1) {
      const card = reviewDrill(progress, 'drill-1', ratings.good, now);
      gaps.push(Date.parse(card.due) - now.getTime());
      now = new Date(card.due);
    }
    expect(gaps[3]).toBeGreaterThan(gaps[2] as number);
    expect(gaps[2]).toBeGreaterThan(gaps[1] as number);
  });

  it('counts a lapse when a learnt drill is answered wrongly', () => {
    const progress = emptyProgress();
    let card = reviewDrill(progress, 'drill-1', ratings.easy, morning);
    card = reviewDrill(progress, 'drill-1', ratings.again, new Date(card.due));
    expect(card.lapses).toBe(1);
  });

  it('restores the same card after a save and a reload of the progress store', () => {
    const storage = new MemoryStorage();
    const saved = new ProgressStore(storage).update((draft) => void reviewDrill(draft, 'drill-3', ratings.hard, morning));
    const reloaded = new ProgressStore(storage).read();
    expect(reloaded.drills['drill-3']).toEqual(saved.drills['drill-3']);
    const next = reviewDrill(reloaded, 'drill-3', ratings.good, new Date(reloaded.drills['drill-3']?.due ?? ''));
    expect(next.reps).toBe(2);
  });

  it('lifts a version 2 record to version 3 with no drill cards and its labs intact', () => {
    const v2 = { version: 2, chapters: {}, quizzes: {}, labs: { 'cache-aside': { status: 'passed', updatedAt: '2026-01-01T00:00:00.000Z', files: {}, solvedWithHelp: false } } };
    const decoded = decodeProgress(JSON.stringify(v2));
    expect(decoded.ok && decoded.progress.version).toBe(3);
    expect(decoded.ok && decoded.progress.drills).toEqual({});
    expect(decoded.ok && decoded.progress.labs['cache-aside']?.status).toBe('passed');
  });
});
