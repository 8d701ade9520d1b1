import { describe, expect, it } from 'vitest';
import { resultCountText } from '../../../src/search/search-dialog.ts';

describe('the search status line', () => {
  it('says nothing matched and what to try', () => {
    expect(resultCountText('qwerty', 0, 0)).toBe('Nothing matches “qwerty”. Try fewer or other words.');
  });

  it('counts every result when all are shown', () => {
    expect(resultCountText('etag', 1, 1)).toBe('1 result for “etag”.');
    expect(resultCountText('etag', 3, 3)).toBe('3 results for “etag”.');
  });

  it('says when only the best results are shown', () => {
    expect(resultCountText('cache', 8, 23)).toBe('The best 8 of 23 results for “cache”.');
  });
});
