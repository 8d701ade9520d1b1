// The lab's files as the learner sees them: their current text, which are read-only, which
// one is open, and which changed since they were last written to the runtime.
import { Store } from './store.ts';

export interface LabFile {
  path: string;
  text: string;
  readonly: boolean;
}

export type FileChange = { path: string; text: string; origin: 'typing' | 'replace' };

export class FilesStore {
  readonly active: Store<string>;
  /** Bumped whenever files are replaced wholesale (Reset, Solution), so views reload them. */
  readonly generation = new Store(0);
  readonly #files = new Map<string, LabFile>();
  readonly #starter: Record<string, string>;
  readonly #unwritten = new Set<string>();
  readonly #listeners = new Set<(change: FileChange) => void>();

  constructor(starter: Record<string, string>, editable: string[], saved: Record<string, string> = {}) {
    this.#starter = starter;
    const paths = Object.keys(starter).sort(byFolderThenName);
    for (const path of paths) {
      const readonly = !editable.includes(path);
      const text = !readonly && saved[path] !== undefined ? saved[path] : (starter[path] as string);
      this.#files.set(path, { path, text, readonly });
    }
    this.active = new Store(editable.find((path) => this.#files.has(path)) ?? paths[0] ?? '');
  }

  list(): LabFile[] {
    return [...this.#files.values()];
  }

  get(path: string): LabFile | undefined {
    return this.#files.get(path);
  }

  /** Every file's current text, for mounting into a runtime. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.list().map((file) => [file.path, file.text]));
  }

  /** Editable files whose text differs from the starter: what persistence keeps. */
  edits(): Record<string, string> {
    return Object.fromEntries(this.list().filter((file) => !file.readonly && file.text !== this.#starter[file.path]).map((file) => [file.path, file.text]));
  }

  setText(path: string, text: string): void {
    const file = this.#files.get(path);
    if (!file || file.readonly || file.text === text) return;
    file.text = text;
    this.#unwritten.add(path);
    this.#emit({ path, text, origin: 'typing' });
  }

  /** Replaces every editable file's text (Reset with the starter, Solution with the solution). */
  replaceEditable(files: Record<string, string>): void {
    for (const file of this.list()) {
      if (file.readonly) continue;
      const text = files[file.path] ?? this.#starter[file.path] ?? '';
      if (text === file.text) continue;
      file.text = text;
      this.#unwritten.add(file.path);
      this.#emit({ path: file.path, text, origin: 'replace' });
    }
    this.generation.update((n) => n + 1);
  }

  /** Files changed since the runtime last received them; taking them clears the list. */
  takeUnwritten(): LabFile[] {
    const files = [...this.#unwritten].map((path) => this.#files.get(path)).filter((file): file is LabFile => file !== undefined);
    this.#unwritten.clear();
    return files;
  }

  onChange(listener: (change: FileChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: FileChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

/** server.js, package.json, then public/…: top-level files first, like most editors. */
function byFolderThenName(a: string, b: string): number {
  const depth = (path: string) => path.split('/').length;
  return depth(a) - depth(b) || a.localeCompare(b);
}
