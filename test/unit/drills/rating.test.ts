import { describe, expect, it } from 'vitest';
import { ratingForAnswer, ratingForChecklist, ratings } from '../../../src/drills/rating.ts';

describe('rating an auto-graded answer', () => {
  it('rates any wrong answer Again, however fast', () => {
    expect(ratingForAnswer('choice', false, 2)).toBe(ratings.again);
  });

  it('rates a quick right answer Easy, a normal one Good and a slow one Hard', () => {
    expect(ratingForAnswer('choice', true, 8)).toBe(ratings.easy);
    expect(ratingForAnswer('choice', true, 25)).toBe(ratings.good);
    expect(ratingForAnswer('choice', true, 60)).toBe(ratings.hard);
  });

  it('gives estimations more time than multiple choice before calling them slow', () => {
    expect(ratingForAnswer('estimation', true, 60)).toBe(ratings.good);
  });
});

describe('rating a design walkthrough by its checklist', () => {
  it('maps the share of ticked items to a rating', () => {
    expect(ratingForChecklist(1, 4)).toBe(ratings.again);
    expect(ratingForChecklist(2, 4)).toBe(ratings.hard);
    expect(ratingForChecklist(3, 4)).toBe(ratings.good);
    expect(ratingForChecklist(4, 4)).toBe(ratings.easy);
  });
});
