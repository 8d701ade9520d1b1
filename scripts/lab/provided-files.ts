// Puts a lab's provided files (manifest `files.provided`) into a work folder: the engines and
// launchers the learner's program runs with, built from the course's sources rather than
// committed next to the learner's files. The CLI and the tests build them fresh from source
// first; the local runner copies what the site build left in its bundles folder.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabManifest } from '../../graders/kit/manifest-schema.ts';
import { bundleDir, refreshBundles } from '../bundle.ts';

/** Copies each provided file from `bundlesDir` into `into`; returns the paths it wrote. */
export function copyProvidedFiles(manifest: LabManifest, bundlesDir: string, into: string): string[] {
  const written: string[] = [];
  for (const [path, bundle] of Object.entries(manifest.files.provided)) {
    const source = join(bundlesDir, bundle);
    if (!existsSync(source)) {
      throw new Error(`lab ${manifest.id} needs ${bundle} for its ${path}, but ${source} does not exist: build the bundles with \`npm run build\` (or node scripts/bundle.ts)`);
    }
    const target = join(into, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    written.push(path);
  }
  return written;
}

/** Builds the lab's provided files from their current sources, then copies them into `into`. */
export function placeProvidedFiles(manifest: LabManifest, into: string): string[] {
  refreshBundles(Object.values(manifest.files.provided));
  return copyProvidedFiles(manifest, bundleDir, into);
}
