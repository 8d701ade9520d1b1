import { describe, expect, it } from 'vitest';
import { savedProgressKey } from '../../../src/progress/lazy.ts';
import { progressKey } from '../../../src/progress/store.ts';

describe('lazy progress loading', () => {
  it('looks for saved progress under the key the store writes', () => {
    expect(savedProgressKey).toBe(progressKey);
  });
});
