// Reads `labs/<id>/manifest.json` from disk through the manifest schema. Used by the `lab`
// CLI and the tests; a grader bundle embeds its manifest instead (see grader.ts).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { labManifestSchema, type LabManifest } from './manifest-schema.ts';
import { InvalidFileError, parseJsonFile, parseWithFriendlyErrors } from './friendly-errors.ts';

export function parseManifest(data: unknown, file: string): LabManifest {
  return parseWithFriendlyErrors(labManifestSchema, data, file);
}

export function readManifest(labDir: string): LabManifest {
  const file = join(labDir, 'manifest.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InvalidFileError(file, ['the file could not be read; every lab folder needs a manifest.json']);
  }
  const manifest = parseManifest(parseJsonFile(text, file), file);
  const folder = basename(labDir);
  if (manifest.id !== folder) {
    throw new InvalidFileError(file, [`id: "${manifest.id}" must equal the folder name "${folder}"; rename one of them`]);
  }
  return manifest;
}
