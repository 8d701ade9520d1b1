// The folder a lab's files live in while the workbench runs them. Every write stays inside
// it: relative paths only, no "..", no writing through a symbolic link (neither a linked
// folder on the way nor a linked file at the end, which O_NOFOLLOW refuses at open()).
import { constants, cpSync, lstatSync, mkdirSync, openSync, closeSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { join, sep } from 'node:path';

export class WorkFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkFolderError';
  }
}

/** Splits a lab-relative path, refusing anything that could point outside the folder. */
export function safeSegments(path: string): string[] {
  const segments = path.split('/');
  const bad =
    path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\') || path.includes('\0') ||
    segments.some((part) => part === '' || part === '.' || part === '..');
  if (bad) {
    throw new WorkFolderError(`"${path}" is not a path inside the lab folder: write relative paths such as "public/index.html", without "..", "." or a leading "/".`);
  }
  return segments;
}

export class WorkFolder {
  readonly root: string;

  constructor(root: string) {
    mkdirSync(root, { recursive: true });
    this.root = realpathSync(root);
  }

  /** Empties the folder and fills it with copies of `sources` in order (the lab's starter layers). */
  reset(sources: string[]): void {
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
    for (const source of sources) cpSync(source, this.root, { recursive: true });
  }

  write(path: string, contents: string): void {
    const segments = safeSegments(path);
    let folder = this.root;
    for (const segment of segments.slice(0, -1)) {
      folder = join(folder, segment);
      this.#ensureRealFolder(folder, path);
    }
    const file = join(folder, segments[segments.length - 1] as string);
    if (!realpathSync(folder).startsWith(this.root + sep) && realpathSync(folder) !== this.root) {
      throw new WorkFolderError(`"${path}" leads outside the lab folder; the runner refuses to write there.`);
    }
    let fd: number;
    try {
      fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new WorkFolderError(`"${path}" is a symbolic link; the runner writes only real files inside the lab folder.`);
      if (code === 'EISDIR') throw new WorkFolderError(`"${path}" is a folder, not a file.`);
      throw error;
    }
    try {
      writeSync(fd, contents);
    } finally {
      closeSync(fd);
    }
  }

  #ensureRealFolder(folder: string, path: string): void {
    let stats;
    try {
      stats = lstatSync(folder);
    } catch {
      mkdirSync(folder);
      return;
    }
    if (stats.isSymbolicLink()) {
      throw new WorkFolderError(`"${path}" goes through a symbolic link (${folder.slice(this.root.length + 1)}); the runner writes only inside the lab folder itself.`);
    }
    if (!stats.isDirectory()) throw new WorkFolderError(`"${path}" puts a file inside ${folder.slice(this.root.length + 1)}, which is a file, not a folder.`);
  }
}
