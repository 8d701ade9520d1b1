// What answering one drill produced, for the session to save and (in a mock interview) score.
import type { RatingValue } from '../../drills/rating.ts';

export interface DrillResult {
  /** Right or wrong for auto-graded types; null for self-rated ones (concept, design). */
  correct: boolean | null;
  rating: RatingValue;
  seconds: number;
}

export interface DrillView {
  element: HTMLElement;
  /** Where keyboard focus goes when the drill appears. */
  focusTarget: HTMLElement;
}

export interface DrillViewOptions {
  /** Show the verdict and explanations right after answering (off in a mock interview). */
  feedback: boolean;
  onAnswer(result: DrillResult): void;
  now(): number;
}
