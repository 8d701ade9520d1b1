// Turns full-file mutants into `edits` in their mutant.json, so a mutant shows just its mistake
// and the repository does not carry a second copy of the solution per mutant. Write a mutant as
// a full copy of the solution file with the mistake in it, then run:
//   node scripts/lab/compact-mutants.ts [<lab id> ...]
// A file is compacted only when applying the edits to the solution gives back exactly the
// mutant's file; otherwise it stays as it is.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { mutantDeclarationFile, type MutantEdit } from '../../graders/kit/mutant-schema.ts';
import { labDir, labIds, mutants } from './lab-folders.ts';
import { applyMutantEdits } from './mutant-edits.ts';

/** Lines with their endings, so joining them gives the text back. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

interface Hunk {
  /** Changed region of the solution, as line indexes [from, to). */
  from: number;
  to: number;
  replacement: string[];
}

/** The changed regions between two line lists, from a longest-common-subsequence table. */
function hunks(a: string[], b: string[]): Hunk[] {
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const found: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const start = { i, j };
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j >= b.length || (i < a.length && common[i + 1]![j]! >= common[i]![j + 1]!)) i += 1;
      else j += 1;
    }
    found.push({ from: start.i, to: i, replacement: b.slice(start.j, j) });
  }
  // Changes a couple of lines apart read better as one edit.
  const merged: Hunk[] = [];
  for (const hunk of found) {
    const last = merged[merged.length - 1];
    if (last && hunk.from - last.to <= 2) {
      last.replacement = [...last.replacement, ...a.slice(last.to, hunk.from), ...hunk.replacement];
      last.to = hunk.to;
    } else merged.push({ ...hunk });
  }
  return merged;
}

function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) count += 1;
  return count;
}

/** One edit per hunk, widened with surrounding lines until its text occurs once. */
export function editsFor(file: string, solution: string, mutant: string): MutantEdit[] {
  const a = lines(solution);
  return hunks(a, lines(mutant)).map((hunk) => {
    let from = hunk.from;
    let to = hunk.to;
    const text = () => a.slice(from, to).join('');
    while (text() === '' || occurrences(solution, text()) !== 1) {
      if (from === 0 && to === a.length) break;
      if (from > 0) from -= 1;
      if (to < a.length && (text() === '' || occurrences(solution, text()) !== 1)) to += 1;
    }
    const replace = [...a.slice(from, hunk.from), ...hunk.replacement, ...a.slice(hunk.to, to)].join('');
    return { file, find: text(), replace };
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function compactLab(id: string): void {
  const solutionDir = join(labDir(id), 'solution');
  for (const mutant of mutants(id)) {
    const declarationPath = join(mutant.dir, mutantDeclarationFile);
    const declaration = JSON.parse(readFileSync(declarationPath, 'utf8')) as { fails: string; why: string; edits?: MutantEdit[] };
    const edits = [...(declaration.edits ?? [])];
    const compacted: string[] = [];
    for (const path of filesUnder(mutant.dir)) {
      const file = relative(mutant.dir, path).split(sep).join('/');
      const solutionFile = join(solutionDir, file);
      if (file === mutantDeclarationFile || !existsSync(solutionFile)) continue;
      const candidate = [...edits, ...editsFor(file, readFileSync(solutionFile, 'utf8'), readFileSync(path, 'utf8'))];
      const trial = mkdtempSync(join(tmpdir(), 'compact-mutant-'));
      try {
        cpSync(solutionDir, trial, { recursive: true });
        applyMutantEdits(trial, candidate, `${id}/${mutant.name}`);
        if (readFileSync(join(trial, file), 'utf8') !== readFileSync(path, 'utf8')) continue;
      } catch {
        continue;
      } finally {
        rmSync(trial, { recursive: true, force: true });
      }
      edits.splice(0, edits.length, ...candidate);
      compacted.push(path);
    }
    if (compacted.length === 0) continue;
    writeFileSync(declarationPath, `${JSON.stringify({ fails: declaration.fails, why: declaration.why, edits }, null, 2)}\n`);
    for (const path of compacted) rmSync(path);
    console.log(`${id}/${mutant.name}: ${compacted.map((path) => relative(mutant.dir, path)).join(', ')} → ${edits.length} edit(s)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ids = process.argv.slice(2);
  for (const id of ids.length > 0 ? ids : labIds()) compactLab(id);
}
