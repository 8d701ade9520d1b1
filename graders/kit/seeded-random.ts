// Seeded randomness for checks: random paths, bodies and counts make hard-coded answers fail,
// and the seed in the result lets anyone repeat the exact run (`--seed N`).
// The generator is mulberry32, a small 32-bit PRNG by Tommy Ettinger; statistically weak
// but plenty for choosing test inputs, and identical in every JavaScript engine.
import { randomInt } from 'node:crypto';

export const maxSeed = 2 ** 31 - 1;

export function newSeed(): number {
  return randomInt(0, maxSeed);
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

export class SeededRandom {
  readonly seed: number;
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
      throw new RangeError(`a seed is a whole number from 0 to ${maxSeed}; received ${seed}`);
    }
    this.seed = seed;
    this.state = seed;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** Lowercase letters and digits, safe in paths, file names and header values. */
  token(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += alphabet[this.int(0, alphabet.length - 1)];
    return text;
  }
}
