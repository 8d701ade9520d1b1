import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/progress/key-value-storage.ts';
import { PROGRESS_VERSION } from '../../../src/progress/schema.ts';
import { ProgressStore } from '../../../src/progress/store.ts';
import { exportFileName, exportProgress, importProgress, parseImport, summarize } from '../../../src/progress/transfer.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/progress/${name}`, 'utf8');

function storeWithSomeProgress() {
  const store = new ProgressStore(new MemoryStorage(), { now: () => new Date('2026-03-14T10:00:00.000Z') });
  store.markChapterRead('addresses-ports-and-names', true);
  store.recordQuizAnswer('addresses-ports-and-names/loopback-binding', [1], true);
  return store;
}

describe('exporting and importing progress', () => {
  it('restores exactly what was exported into a cleared store', () => {
    const store = storeWithSomeProgress();
    const before = store.read();
    const file = exportProgress(before, new Date('2026-03-15T08:00:00.000Z'));
    store.clear();
    expect(summarize(store.read())).toBe('0 chapters read, 0 quizzes answered, 0 labs started');
    const result = importProgress(store, file);
    expect(result.ok).toBe(true);
    expect(store.read()).toEqual(before);
  });

  it('imports a file saved by an earlier session of the course', () => {
    const store = new ProgressStore(new MemoryStorage());
    expect(importProgress(store, fixture('export-v1.json')).ok).toBe(true);
    expect(summarize(store.read())).toBe('1 chapter read, 2 quizzes answered, 1 lab started');
  });

  it('names the file after the day it was exported', () => {
    expect(exportFileName(new Date('2026-03-15T08:00:00.000Z'))).toBe('port-to-production-progress-2026-03-15.json');
  });

  const badFiles: Array<[string, RegExp]> = [
    ['truncated-export.json', /not valid JSON/],
    ['not-an-export.json', /not a Port to Production progress export/],
    ['export-from-newer-version.json', new RegExp(`newer version of the course \\(format 7; this page reads up to ${PROGRESS_VERSION}\\)`)],
    ['export-with-bad-field.json', /quizzes\.hit-a-url\/dns-order\.correct: expected boolean/],
  ];

  for (const [name, message] of badFiles) {
    it(`rejects ${name} with a clear message and changes nothing`, () => {
      const store = storeWithSomeProgress();
      const before = store.read();
      const result = importProgress(store, fixture(name));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.message).toContain('Your current progress was not changed.');
      }
      expect(store.read()).toEqual(before);
    });
  }

  it('rejects a valid export whose envelope is fine but whose record is not progress', () => {
    expect(parseImport('{"format":"port-to-production-progress","exportedAt":"x","progress":[]}').ok).toBe(false);
  });
});
