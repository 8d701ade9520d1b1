// From an answer to an FSRS rating (Again 1, Hard 2, Good 3, Easy 4, as in Anki and ts-fsrs).
// Auto-graded items: wrong is Again; right is Easy when quick, Good at a normal pace, Hard when
// it took long. Concept cards are rated by the learner; design walkthroughs by their checklist.
import type { DrillType } from './drill-schema.ts';

export const ratings = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type RatingValue = (typeof ratings)[keyof typeof ratings];
export const ratingNames: Record<RatingValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Seconds a prepared learner needs for each auto-graded type; quicker is Easy, past double is Hard. */
export const expectedSeconds: Record<'choice' | 'estimation' | 'ordering' | 'diagnosis', number> = {
  choice: 20,
  diagnosis: 30,
  ordering: 45,
  estimation: 90,
};

export function ratingForAnswer(type: keyof typeof expectedSeconds, correct: boolean, seconds: number): RatingValue {
  if (!correct) return ratings.again;
  const expected = expectedSeconds[type];
  if (seconds <= expected / 2) return ratings.easy;
  if (seconds > expected * 2) return ratings.hard;
  return ratings.good;
}

/** A design walkthrough: the share of its self-check list the learner's answer covered. */
export function ratingForChecklist(checked: number, total: number): RatingValue {
  const share = total === 0 ? 0 : checked / total;
  if (share < 0.5) return ratings.again;
  if (share < 0.75) return ratings.hard;
  if (share < 1) return ratings.good;
  return ratings.easy;
}

export function isAutoGraded(type: DrillType): type is keyof typeof expectedSeconds {
  return type in expectedSeconds;
}
