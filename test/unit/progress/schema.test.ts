import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeProgressValue } from '../../../src/progress/decode.ts';
import { describeIssues, emptyProgress, progressSchema } from '../../../src/progress/schema.ts';

const exported = JSON.parse(readFileSync('test/fixtures/progress/export-v1.json', 'utf8'));

describe('progress schema', () => {
  it('accepts a complete version 1 record with chapters, quizzes and labs, once migrated', () => {
    const decoded = decodeProgressValue(exported.progress);
    expect(decoded.ok && decoded.fromVersion).toBe(1);
    expect(decoded.ok && progressSchema.safeParse(decoded.progress).success).toBe(true);
  });

  it('accepts the empty progress a new learner starts with', () => {
    expect(progressSchema.safeParse(emptyProgress()).success).toBe(true);
  });

  it('rejects a quiz stored without its chapter in the key', () => {
    const record = { ...emptyProgress(), quizzes: { 'dns-order': { selected: [0], correct: true, firstCorrect: true, attempts: 1, answeredAt: '2026-03-14T09:12:03.000Z' } } };
    expect(progressSchema.safeParse(record).success).toBe(false);
  });

  it('rejects an answer with no option selected', () => {
    const record = { ...emptyProgress(), quizzes: { 'hit-a-url/dns': { selected: [], correct: false, firstCorrect: false, attempts: 1, answeredAt: '2026-03-14T09:12:03.000Z' } } };
    expect(progressSchema.safeParse(record).success).toBe(false);
  });

  it('describes a failure by the path of the field and what it expected', () => {
    const record = { ...emptyProgress(), chapters: { 'hit-a-url': { readAt: 'yesterday' } } };
    const parsed = progressSchema.safeParse(record);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(describeIssues(parsed.error)).toBe('chapters.hit-a-url.readAt: expected a date-time such as 2025-01-31T12:00:00.000Z');
    }
  });
});
