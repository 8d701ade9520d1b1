// The store's side of the queue that chapter islands write to before the store has loaded
// (src/progress/lazy.ts): read it, apply each change the store understands, clear it.
import * as z from 'zod/mini';
import { pendingChangesKey, type PendingChange } from './lazy.ts';
import type { KeyValueStorage } from './key-value-storage.ts';
import type { ProgressStore } from './store.ts';

const pendingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chapter-read'), chapter: z.string(), read: z.boolean() }),
  z.object({ kind: z.literal('quiz-answer'), key: z.string(), selected: z.array(z.number()), correct: z.boolean() }),
]);

export function applyChange(store: ProgressStore, change: PendingChange): void {
  if (change.kind === 'chapter-read') store.markChapterRead(change.chapter, change.read);
  else store.recordQuizAnswer(change.key, change.selected, change.correct);
}

/**
 * Applies the queued changes in order and clears the queue. A queue that is not valid JSON or
 * holds changes of another shape (written by another version of the site) is dropped whole:
 * the progress it would change is the learner's, and a guess could overwrite it.
 */
export function drainPendingChanges(storage: KeyValueStorage, store: ProgressStore): void {
  const raw = storage.getItem(pendingChangesKey);
  if (raw === null) return;
  storage.removeItem(pendingChangesKey);
  let queued: unknown;
  try {
    queued = JSON.parse(raw);
  } catch {
    return;
  }
  const parsed = z.array(pendingChangeSchema).safeParse(queued);
  if (!parsed.success) return;
  for (const change of parsed.data) applyChange(store, change);
}
