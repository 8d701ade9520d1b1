// FSRS scheduling (ts-fsrs, the algorithm current Anki uses) over the progress store's drill
// cards. A drill without a card is new; new drills are introduced at most `newPerDay` a day,
// counted by the day of their first review, as Anki's "new cards/day" limit does.
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { DrillCard, Progress } from '../progress/schema.ts';
import type { RatingValue } from './rating.ts';

export const newPerDay = 10;

// Fuzz spreads intervals at random; off, so a learner (and a test) sees the same schedule twice.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(stored: DrillCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review ? new Date(stored.last_review) : undefined,
  };
}

function toStored(card: Card, rating: RatingValue, introducedAt: string): DrillCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
    lastRating: rating,
    introducedAt,
  };
}

/** Applies one review to the drill's card in `draft` (creating the card on a first review). */
export function reviewDrill(draft: Progress, drillId: string, rating: RatingValue, now: Date): DrillCard {
  const stored = draft.drills[drillId];
  const card = stored ? toCard(stored) : createEmptyCard(now);
  const next = scheduler.next(card, now, rating as Grade).card;
  const saved = toStored(next, rating, stored?.introducedAt ?? now.toISOString());
  draft.drills[drillId] = saved;
  return saved;
}

function sameLocalDay(iso: string, now: Date): boolean {
  const day = new Date(iso);
  return day.getFullYear() === now.getFullYear() && day.getMonth() === now.getMonth() && day.getDate() === now.getDate();
}

export interface DueSummary {
  /** Drills with a card whose due time has come, soonest first. */
  reviews: string[];
  /** Drills never reviewed that today's new-drill allowance still admits, in bank order. */
  fresh: string[];
}

/** What the daily review holds now, among `drillIds` (the bank, in order). */
export function dueDrills(progress: Progress, drillIds: readonly string[], now: Date): DueSummary {
  const known = new Set(drillIds);
  const reviews = Object.entries(progress.drills)
    .filter(([id, card]) => known.has(id) && Date.parse(card.due) <= now.getTime())
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
    .map(([id]) => id);
  const introducedToday = Object.values(progress.drills).filter((card) => sameLocalDay(card.introducedAt, now)).length;
  const allowance = Math.max(0, newPerDay - introducedToday);
  const fresh = drillIds.filter((id) => !progress.drills[id]).slice(0, allowance);
  return { reviews, fresh };
}

/** "12 due" as the home page and the drills page say it. */
export function dueCount(progress: Progress, drillIds: readonly string[], now: Date): number {
  const { reviews, fresh } = dueDrills(progress, drillIds, now);
  return reviews.length + fresh.length;
}
