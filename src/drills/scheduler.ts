// FSRS scheduling (ts-fsrs, the algorithm current Anki uses) over the progress store's drill
// cards. A drill without a card is new; its first review creates the card. What is due: due.ts.
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { DrillCard, Progress } from '../progress/schema.ts';
import type { RatingValue } from './rating.ts';

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
