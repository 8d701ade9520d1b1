// Where the runner finds a lab: its manifest (through the shared schema), its starter folder
// and its grader bundle. The page names a lab by id only; paths are always built here.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { safeParseInEnglish } from '../../graders/kit/friendly-errors.ts';
import { labIdSchema, labManifestSchema, type LabManifest } from '../../graders/kit/manifest-schema.ts';
import { programLayers } from '../../graders/kit/program-layers.ts';

export interface RunnerLab {
  manifest: LabManifest;
  /** The folders the starter is copied from, in order (common/, then starter/). */
  starter: string[];
  grader: string;
}

export interface LabCatalogOptions {
  labsDir: string;
  /** Folder holding graders/<id>.mjs, as scripts/bundle.ts writes them. */
  bundlesDir: string;
}

export class LabNotFoundError extends Error {}

export function loadLab(id: string, options: LabCatalogOptions): RunnerLab {
  if (!labIdSchema.safeParse(id).success) throw new LabNotFoundError(`"${id}" is not a lab id (kebab-case folder names under labs/).`);
  const folder = resolve(options.labsDir, id);
  const file = join(folder, 'manifest.json');
  if (!existsSync(file)) throw new LabNotFoundError(`There is no lab "${id}": ${file} does not exist.`);
  const parsed = safeParseInEnglish(labManifestSchema, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new LabNotFoundError(`${file} is not a valid lab manifest (${parsed.error.issues[0]?.message}); run \`npm run lab -- list\` to see the problem.`);
  return { manifest: parsed.data, starter: programLayers(folder, 'starter'), grader: resolve(options.bundlesDir, 'graders', `${id}.mjs`) };
}
