// Where labs live and how their programs are laid out: the starter, the solution, and each
// mutant (the solution with the mutant's files laid over it). Used by the CLI, the grader
// tests and the benchmarks, so all of them grade the same folders.
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../graders/kit/manifest-file.ts';
import { readMutantDeclaration, mutantDeclarationFile, type MutantDeclaration } from '../../graders/kit/mutant-schema.ts';
import { programLayers } from '../../graders/kit/program-layers.ts';
import { applyMutantEdits } from './mutant-edits.ts';
import { placeProvidedFiles } from './provided-files.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const labsRoot = join(repoRoot, 'labs');

/** Folders under labs/ that are not labs (the engines labs use). */
const notLabs = new Set(['engines']);

export function labDir(id: string): string {
  return join(labsRoot, id);
}

export function labIds(): string[] {
  if (!existsSync(labsRoot)) return [];
  return readdirSync(labsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notLabs.has(entry.name) && existsSync(join(labsRoot, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort();
}

/** The learner's default work folder for a lab (gitignored). */
export function workDir(id: string): string {
  return join(repoRoot, '.work', 'labs', id);
}

export interface Mutant extends MutantDeclaration {
  name: string;
  dir: string;
}

export function mutants(id: string): Mutant[] {
  const root = join(labDir(id), 'mutants');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(root, entry.name), ...readMutantDeclaration(join(root, entry.name)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type Variant = { kind: 'starter' } | { kind: 'solution' } | { kind: 'mutant'; name: string } | { kind: 'folder'; dir: string };

export function describeVariant(variant: Variant): string {
  if (variant.kind === 'mutant') return `mutant ${variant.name}`;
  if (variant.kind === 'folder') return variant.dir;
  return variant.kind;
}

/** Copies a lab program, with the lab's provided files, into a fresh temporary folder, so a run never touches the repo's copy. */
export function copyProgram(id: string, variant: Variant): string {
  const into = mkdtempSync(join(tmpdir(), `lab-${id}-`));
  const sources = variant.kind === 'folder' ? [variant.dir] : programLayers(labDir(id), variant.kind === 'mutant' ? 'solution' : variant.kind);
  for (const source of sources) cpSync(source, into, { recursive: true });
  if (variant.kind === 'mutant') {
    const mutantDir = join(labDir(id), 'mutants', variant.name);
    if (!existsSync(mutantDir)) throw new Error(`lab ${id} has no mutant "${variant.name}" (looked in ${mutantDir})`);
    cpSync(mutantDir, into, { recursive: true, filter: (path) => !path.endsWith(mutantDeclarationFile) });
    applyMutantEdits(into, readMutantDeclaration(mutantDir).edits, `${id}/${variant.name}`);
  }
  placeProvidedFiles(readManifest(labDir(id)), into);
  return into;
}
