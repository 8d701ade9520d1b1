// The one module that reads and writes the learner's progress. Every read validates what is
// stored; damaged or foreign data is moved aside under its own key (never deleted) and reported
// as a Recovery for the page to show, and the learner continues with empty progress.
import { decodeProgress, type DecodeFailure } from './decode.ts';
import type { KeyValueStorage } from './key-value-storage.ts';
import { describeIssues, emptyProgress, progressSchema, type Progress } from './schema.ts';

export const progressKey = 'port-to-production:progress';
export const setAsidePrefix = 'port-to-production:set-aside:';

export interface Recovery {
  reason: DecodeFailure;
  /** Why the data could not be used, e.g. "it is not valid JSON (...)". */
  detail: string;
  /** Where the old data now lives, or null when the browser refused to store a copy. */
  setAsideKey: string | null;
}

export interface SetAsideRecord {
  key: string;
  setAsideAt: string;
  text: string;
}

export class StorageWriteError extends Error {}

type Listener = (progress: Progress) => void;

export interface ProgressStoreOptions {
  now?: () => Date;
  /** Called each time stored data had to be set aside; the page shows it to the learner. */
  onRecovery?: (recovery: Recovery) => void;
}

export class ProgressStore {
  readonly #storage: KeyValueStorage;
  readonly #now: () => Date;
  readonly #onRecovery: (recovery: Recovery) => void;
  readonly #listeners = new Set<Listener>();

  constructor(storage: KeyValueStorage, options: ProgressStoreOptions = {}) {
    this.#storage = storage;
    this.#now = options.now ?? (() => new Date());
    this.#onRecovery = options.onRecovery ?? (() => {});
  }

  read(): Progress {
    const text = this.#storage.getItem(progressKey);
    if (text === null) return emptyProgress();
    const decoded = decodeProgress(text);
    if (decoded.ok) return decoded.progress;
    const setAsideKey = this.#setAside(text);
    if (setAsideKey) this.#storage.removeItem(progressKey);
    this.#onRecovery({ reason: decoded.reason, detail: decoded.detail, setAsideKey });
    return emptyProgress();
  }

  update(change: (draft: Progress) => void): Progress {
    const draft = this.read();
    change(draft);
    this.replace(draft);
    return draft;
  }

  replace(progress: Progress): void {
    const checked = progressSchema.safeParse(progress);
    if (!checked.success) {
      throw new Error(`Refusing to save progress that breaks its own schema: ${describeIssues(checked.error)}`);
    }
    this.#write(progressKey, JSON.stringify(checked.data));
    this.notify();
  }

  clear(): void {
    this.#storage.removeItem(progressKey);
    this.notify();
  }

  markChapterRead(chapterId: string, read: boolean): Progress {
    return this.update((draft) => {
      if (read) draft.chapters[chapterId] = { readAt: this.#now().toISOString() };
      else delete draft.chapters[chapterId];
    });
  }

  recordQuizAnswer(key: string, selected: number[], correct: boolean): Progress {
    return this.update((draft) => {
      const previous = draft.quizzes[key];
      draft.quizzes[key] = {
        selected: [...selected].sort((a, b) => a - b),
        correct,
        firstCorrect: previous ? previous.firstCorrect : correct,
        attempts: (previous?.attempts ?? 0) + 1,
        answeredAt: this.#now().toISOString(),
      };
    });
  }

  setAsideRecords(): SetAsideRecord[] {
    const records: SetAsideRecord[] = [];
    for (let index = 0; index < this.#storage.length; index += 1) {
      const key = this.#storage.key(index);
      if (!key?.startsWith(setAsidePrefix)) continue;
      records.push({ key, setAsideAt: key.slice(setAsidePrefix.length), text: this.#storage.getItem(key) ?? '' });
    }
    return records.sort((a, b) => a.key.localeCompare(b.key));
  }

  discardSetAside(key: string): void {
    if (key.startsWith(setAsidePrefix)) this.#storage.removeItem(key);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells subscribers the progress changed (here, or in another tab). */
  notify(): void {
    const progress = this.read();
    for (const listener of this.#listeners) listener(progress);
  }

  #setAside(text: string): string | null {
    const stamp = this.#now().toISOString();
    let key = setAsidePrefix + stamp;
    for (let n = 2; this.#storage.getItem(key) !== null; n += 1) key = `${setAsidePrefix}${stamp}-${n}`;
    try {
      this.#storage.setItem(key, text);
      return key;
    } catch {
      return null;
    }
  }

  #write(key: string, text: string): void {
    try {
      this.#storage.setItem(key, text);
    } catch (error) {
      throw new StorageWriteError(
        `Your progress could not be saved: the browser refused to store it (${(error as Error).name}). ` +
          'Free some site storage or export your progress from the Progress page.',
      );
    }
  }
}
