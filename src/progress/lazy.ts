// The progress store with its zod/mini schemas is most of a chapter page's JavaScript, and a
// learner who has saved nothing yet has nothing for it to show. Chapter islands (quiz, "mark as
// read", lab card) therefore load it only when it has work to do: at once when progress is
// saved in this browser or storage is unusable (its notice must show), when another tab saves
// progress, or on the learner's first answer or tick.

// The store's key (progressKey in store.ts), written out rather than imported: a module shared
// with the store would become a file of its own, one more request for every page.
// test/unit/progress/lazy.test.ts keeps the two equal.
export const savedProgressKey = 'port-to-production:progress';

export type ProgressModule = typeof import('./browser.ts');

let loading: Promise<ProgressModule> | undefined;

/** The shared progress store's module, loaded once per page. */
export function loadProgress(): Promise<ProgressModule> {
  loading ??= import('./browser.ts');
  return loading;
}

function progressIsSaved(): boolean {
  try {
    return window.localStorage.getItem(savedProgressKey) !== null;
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
