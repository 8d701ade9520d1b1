// The progress store every island on a page shares, on localStorage when the browser allows
// it and in memory (with a notice) when it does not, e.g. with storage blocked for the site.
import { MemoryStorage, type KeyValueStorage } from './key-value-storage.ts';
import { recoveryMessage, showNotice } from './notice.ts';
import { drainPendingChanges } from './pending-changes.ts';
import { ProgressStore, StorageWriteError, progressKey } from './store.ts';

let shared: ProgressStore | undefined;

function localStorageIfUsable(): KeyValueStorage | null {
  try {
    const probe = 'port-to-production:probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

export function progressStore(): ProgressStore {
  if (shared) return shared;
  const storage = localStorageIfUsable();
  const store = new ProgressStore(storage ?? new MemoryStorage(), {
    onRecovery: (recovery) => showNotice(recoveryMessage(recovery)),
  });
  if (!storage) {
    showNotice('This browser does not let the site store data, so your progress lasts only until you leave this page. Allow site data for this site to keep it.');
  }
  window.addEventListener('storage', (event) => {
    if (event.key === progressKey || event.key === null) store.notify();
  });
  shared = store;
  if (storage) saveProgress((loaded) => drainPendingChanges(storage, loaded));
  return store;
}

/** Applies what islands queued before the store loaded (src/progress/lazy.ts). */
export function applyPendingChanges(): void {
  const storage = localStorageIfUsable();
  if (storage) saveProgress((store) => drainPendingChanges(storage, store));
}

export { applyChange } from './pending-changes.ts';

/** Runs a change to progress and shows a notice instead of throwing when it cannot be saved. */
export function saveProgress(change: (store: ProgressStore) => void): boolean {
  try {
    change(progressStore());
    return true;
  } catch (error) {
    showNotice(error instanceof StorageWriteError ? error.message : `Your progress could not be saved: ${(error as Error).message}`);
    return false;
  }
}
