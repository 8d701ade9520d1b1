// The progress store with its zod/mini schemas is most of a chapter page's JavaScript, and a
// learner who has saved nothing yet has nothing for it to show. Chapter islands (quiz, "mark as
// read", lab card) therefore load it only when it has work to do: at once when progress is
// saved in this browser or storage is unusable (its notice must show), when another tab saves
// progress, or on the learner's first answer or tick.
//
// Loading takes a moment, and a learner may leave the page in it (tick "read", then follow a
// link at once). So an answer or a tick is first written, synchronously, to a small queue in
// storage; the store applies and clears the queue when it loads, on this page or the next.

// The store's key (progressKey in store.ts), written out rather than imported: a module shared
// with the store would become a file of its own, one more request for every page.
// test/unit/progress/lazy.test.ts keeps the two equal.
export const savedProgressKey = 'port-to-production:progress';
export const pendingChangesKey = 'port-to-production:progress-pending';

/** A change an island asks of the store; src/progress/pending-changes.ts applies it. */
export type PendingChange =
  | { kind: 'chapter-read'; chapter: string; read: boolean }
  | { kind: 'quiz-answer'; key: string; selected: number[]; correct: boolean };

export type ProgressModule = typeof import('./browser.ts');

let loading: Promise<ProgressModule> | undefined;

/** The shared progress store's module, loaded once per page. */
export function loadProgress(): Promise<ProgressModule> {
  loading ??= import('./browser.ts');
  return loading;
}

/** Saves a change: queued in storage at once, then applied by the store once it has loaded. */
export async function saveChange(change: PendingChange): Promise<ProgressModule> {
  let queued = false;
  try {
    const earlier: unknown = JSON.parse(window.localStorage.getItem(pendingChangesKey) ?? '[]');
    window.localStorage.setItem(pendingChangesKey, JSON.stringify([...(Array.isArray(earlier) ? earlier : []), change]));
    queued = true;
  } catch {
    // Storage is blocked or the queue unreadable: the loaded store applies the change itself.
  }
  const progress = await loadProgress();
  if (queued) progress.applyPendingChanges();
  else progress.saveProgress((store) => progress.applyChange(store, change));
  return progress;
}

function progressIsSaved(): boolean {
  try {
    const storage = window.localStorage;
    return storage.getItem(savedProgressKey) !== null || storage.getItem(pendingChangesKey) !== null;
  } catch {
    // Storage is blocked: load the store, which tells the learner their progress will not last.
    return true;
  }
}

/**
 * Calls `use` with the store as soon as there is progress to show: now when some is saved,
 * otherwise when another tab saves some. Interactions call loadProgress() themselves.
 */
export function whenProgressSaved(use: (progress: ProgressModule) => void): void {
  const load = () => void loadProgress().then(use);
  if (progressIsSaved()) {
    load();
    return;
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== savedProgressKey || event.newValue === null) return;
    window.removeEventListener('storage', onStorage);
    load();
  };
  window.addEventListener('storage', onStorage);
}
