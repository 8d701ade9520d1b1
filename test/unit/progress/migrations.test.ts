import { describe, expect, it } from 'vitest';
import { migrateToCurrent, migrations, type Migration } from '../../../src/progress/migrations.ts';
import { PROGRESS_VERSION } from '../../../src/progress/schema.ts';

// The shape later issues are expected to take: labs gain saved files (v2), drills arrive (v3).
const laterSteps: Migration[] = [
  {
    from: 2,
    change: 'drills arrive with an empty card set',
    up: (record) => ({ ...record, drills: {} }),
  },
  {
    from: 1,
    change: 'labs gain saved files',
    up: (record) => ({
      ...record,
      labs: Object.fromEntries(
        Object.entries(record.labs as Record<string, object>).map(([id, lab]) => [id, { ...lab, files: {} }]),
      ),
    }),
  },
];

const v1 = { version: 1, chapters: {}, quizzes: {}, labs: { 'first-web-server': { status: 'passed', updatedAt: '2026-01-01T00:00:00.000Z' } } };

describe('progress migrations', () => {
  it('has one step for every version before the current one', () => {
    const froms = migrations.map((step) => step.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: PROGRESS_VERSION - 1 }, (_, index) => index + 1));
  });

  it('leaves a record of the current version as it is', () => {
    const result = migrateToCurrent(v1, [], 1);
    expect(result).toEqual({ ok: true, record: v1, fromVersion: 1 });
  });

  it('lifts an old record through every step in version order', () => {
    const result = migrateToCurrent(v1, laterSteps, 3);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.fromVersion).toBe(1);
      expect(result.record).toEqual({
        version: 3,
        chapters: {},
        quizzes: {},
        labs: { 'first-web-server': { status: 'passed', updatedAt: '2026-01-01T00:00:00.000Z', files: {} } },
        drills: {},
      });
    }
  });

  it('refuses a record written by a newer version instead of guessing', () => {
    expect(migrateToCurrent({ ...v1, version: 4 }, laterSteps, 3)).toEqual({ ok: false, problem: 'newer-version', version: 4 });
  });

  it('refuses to skip a version that has no migration', () => {
    expect(migrateToCurrent(v1, [laterSteps[0]!], 3)).toEqual({ ok: false, problem: 'no-migration', version: 1 });
  });

  it('refuses data that carries no version number', () => {
    expect(migrateToCurrent({ chapters: {} })).toEqual({ ok: false, problem: 'not-progress' });
    expect(migrateToCurrent([1, 2, 3])).toEqual({ ok: false, problem: 'not-progress' });
    expect(migrateToCurrent('1')).toEqual({ ok: false, problem: 'not-progress' });
  });
});
