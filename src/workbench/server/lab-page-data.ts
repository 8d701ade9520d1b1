// Build time: everything a lab page's workbench needs from labs/<id>/, read from disk once
// and written into the page as JSON (see src/pages/labs/[id].astro).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LabManifest } from '../../../graders/kit/manifest-schema.ts';
import { programLayers } from '../../../graders/kit/program-layers.ts';
import { labsDir } from '../../course/paths.ts';
import { withBase } from '../../course/urls.ts';
import type { LabPageData } from '../lab-data.ts';

/** Every file under `folder`, by path relative to it with "/" separators. */
export function readTree(folder: string): Record<string, string> {
  if (!existsSync(folder)) {
    throw new Error(`${folder}/ is missing. Every lab needs starter/ (what the learner begins with) and solution/ (what the Solution button shows); see graders/kit/manifest-schema.ts.`);
  }
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

/** A program as the learner sees it: common/ with starter/ or solution/ laid over it. */
function readProgram(labFolder: string, kind: 'starter' | 'solution'): Record<string, string> {
  return Object.assign({}, ...programLayers(labFolder, kind).map(readTree)) as Record<string, string>;
}

export function labPageData(manifest: LabManifest): LabPageData {
  const folder = join(labsDir, manifest.id);
  return {
    id: manifest.id,
    title: manifest.title,
    starter: readProgram(folder, 'starter'),
    solution: readProgram(folder, 'solution'),
    editable: manifest.files.editable,
    start: manifest.start,
    ports: manifest.ports,
    checks: manifest.checks,
    graderUrl: withBase(`/bundles/graders/${manifest.id}.mjs`),
    provided: Object.fromEntries(Object.entries(manifest.files.provided).map(([path, bundle]) => [path, withBase(`/bundles/${bundle}`)])),
    base: withBase('/'),
  };
}
