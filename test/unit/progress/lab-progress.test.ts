import { describe, expect, it } from 'vitest';
import { decodeProgressValue } from '../../../src/progress/decode.ts';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { bestScoreText, labStatusText, markLabSolvedWithHelp, recordLabCheck, saveLabFiles } from '../../../src/progress/lab-progress.ts';
import { ProgressStore } from '../../../src/progress/store.ts';

const lab = 'first-web-server';
const outcome = (statuses: Array<'pass' | 'fail' | 'skipped'>) => ({
  status: statuses.every((status) => status === 'pass') ? ('pass' as const) : ('fail' as const),
  checks: statuses.map((status, index) => ({ slug: `check-${index + 1}`, status })),
});

function freshStore() {
  return new ProgressStore(new MemoryStorage());
}

describe('lab progress', () => {
  it('keeps the edited files and marks the lab in progress', () => {
    const store = freshStore();
    saveLabFiles(store, lab, { 'server.js': 'edited' });
    expect(store.read().labs[lab]).toMatchObject({ status: 'in-progress', files: { 'server.js': 'edited' }, solvedWithHelp: false });
    expect(labStatusText(store.read().labs[lab])).toBe('In progress');
  });

  it('does not start a lab just because its page was opened', () => {
    const store = freshStore();
    saveLabFiles(store, lab, {});
    expect(store.read().labs[lab]).toBeUndefined();
  });

  it('forgets the edits on Reset but remembers the lab was started', () => {
    const store = freshStore();
    saveLabFiles(store, lab, { 'server.js': 'edited' });
    saveLabFiles(store, lab, {});
    expect(store.read().labs[lab]?.files).toEqual({});
  });

  it('passes the lab when one check run passes everything, and keeps the best score', () => {
    const store = freshStore();
    recordLabCheck(store, lab, outcome(['pass', 'fail', 'skipped']));
    expect(bestScoreText(store.read().labs[lab])).toBe('1 of 3 checks');
    recordLabCheck(store, lab, outcome(['pass', 'pass', 'pass']));
    recordLabCheck(store, lab, outcome(['fail', 'skipped', 'skipped']));
    const saved = store.read().labs[lab];
    expect(saved?.status).toBe('passed');
    expect(saved?.lastCheck?.passed).toBe(0);
    expect(bestScoreText(saved)).toBe('3 of 3 checks');
    expect(saved?.best?.checks).toEqual({ 'check-1': 'pass', 'check-2': 'pass', 'check-3': 'pass' });
  });

  it('says so when the solution was shown', () => {
    const store = freshStore();
    markLabSolvedWithHelp(store, lab);
    recordLabCheck(store, lab, outcome(['pass']));
    expect(labStatusText(store.read().labs[lab])).toBe('Passed with help');
  });

  it('lifts a version 1 lab entry into the current format with no files and no help', () => {
    const decoded = decodeProgressValue({ version: 1, chapters: {}, quizzes: {}, labs: { [lab]: { status: 'passed', updatedAt: '2026-01-01T00:00:00.000Z' } } });
    expect(decoded.ok && decoded.progress.labs[lab]).toEqual({ status: 'passed', updatedAt: '2026-01-01T00:00:00.000Z', files: {}, solvedWithHelp: false });
  });
});
