import { describe, expect, it } from 'vitest';
import { checkChoice, checkEstimate, checkOrder, parseEstimate, shuffle, shuffledOrder } from '../../../src/drills/check-answer.ts';

describe('estimation answers', () => {
  it('reads numbers the way people type them', () => {
    expect(parseEstimate('1200')).toBe(1200);
    expect(parseEstimate('1,200')).toBe(1200);
    expect(parseEstimate('1.2k')).toBe(1200);
    expect(parseEstimate('3 million')).toBe(3_000_000);
    expect(parseEstimate('2.5M')).toBe(2_500_000);
    expect(parseEstimate(' 40 ')).toBe(40);
  });

  it('refuses text that is not a number', () => {
    expect(parseEstimate('')).toBeNull();
    expect(parseEstimate('about forty')).toBeNull();
    expect(parseEstimate('12 parsecs')).toBeNull();
  });

  it('counts a guess exactly at the tolerance as right and one just past it as wrong', () => {
    expect(checkEstimate(40, 10, 44).correct).toBe(true);
    expect(checkEstimate(40, 10, 36).correct).toBe(true);
    expect(checkEstimate(40, 10, 44.1).correct).toBe(false);
    expect(checkEstimate(40, 10, 35.9).correct).toBe(false);
  });

  it('says how far off a guess was', () => {
    expect(checkEstimate(200, 5, 300).offByPercent).toBe(50);
  });

  it('with zero tolerance accepts only the exact answer', () => {
    expect(checkEstimate(9, 0, 9).correct).toBe(true);
    expect(checkEstimate(9, 0, 9.01).correct).toBe(false);
  });
});

describe('ordering answers', () => {
  it('is right only when every step is in place', () => {
    expect(checkOrder(4, [0, 1, 2, 3])).toEqual({ correct: true, inPlace: 4 });
    expect(checkOrder(4, [1, 0, 2, 3])).toEqual({ correct: false, inPlace: 2 });
  });

  it('rejects an arrangement that lost or repeated a step', () => {
    expect(checkOrder(3, [0, 1]).correct).toBe(false);
    expect(checkOrder(3, [0, 0, 1]).correct).toBe(false);
  });

  it('never starts a list already in the right order', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      let state = seed;
      const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
      const order = shuffledOrder(3, random);
      expect([...order].sort()).toEqual([0, 1, 2]);
      expect(checkOrder(3, order).correct).toBe(false);
    }
  });
});

describe('choice and diagnosis answers', () => {
  it('is right only for the option marked correct', () => {
    const options = [{ correct: false }, { correct: true }];
    expect(checkChoice(options, 1)).toBe(true);
    expect(checkChoice(options, 0)).toBe(false);
    expect(checkChoice(options, 5)).toBe(false);
  });
});

describe('shuffling options', () => {
  it('keeps every option exactly once', () => {
    let state = 7;
    const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
    for (let round = 0; round < 20; round += 1) expect([...shuffle(5, random)].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('moves the first option away from the top in some orders', () => {
    let state = 11;
    const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
    const firsts = new Set(Array.from({ length: 40 }, () => shuffle(4, random)[0]));
    expect(firsts.size).toBeGreaterThan(1);
  });
});
