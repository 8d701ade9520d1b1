import { describe, expect, test } from 'vitest';
import { maxSeed, newSeed, SeededRandom } from '../../../graders/kit/seeded-random.ts';

const draw = (seed: number) => {
  const random = new SeededRandom(seed);
  return [random.int(1, 1000), random.token(8), random.pick(['a', 'b', 'c', 'd']), random.shuffle([1, 2, 3, 4, 5]).join('')];
};

describe('SeededRandom', () => {
  test('gives the same values for the same seed', () => {
    expect(draw(1234)).toEqual(draw(1234));
  });

  test('gives different values for different seeds', () => {
    expect(draw(1234)).not.toEqual(draw(1235));
  });

  test('keeps whole numbers within the bounds, both included', () => {
    const random = new SeededRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  test('makes tokens of lowercase letters and digits', () => {
    expect(new SeededRandom(9).token(40)).toMatch(/^[a-z0-9]{40}$/);
  });

  test('rejects seeds that are not whole numbers in range', () => {
    expect(() => new SeededRandom(-1)).toThrow(/whole number from 0/);
    expect(() => new SeededRandom(1.5)).toThrow(/whole number from 0/);
    expect(() => new SeededRandom(maxSeed + 1)).toThrow(/whole number from 0/);
  });

  test('makes new seeds in the accepted range', () => {
    const seed = newSeed();
    expect(() => new SeededRandom(seed)).not.toThrow();
  });
});
