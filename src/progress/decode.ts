// Reads a progress record from text (browser storage or an imported file): JSON, then
// migrations up to the current version, then the schema. Every failure comes back as a
// reason and a sentence a learner can act on; nothing here throws.
import { migrateToCurrent, type Migration } from './migrations.ts';
import { PROGRESS_VERSION, describeIssues, progressSchema, type Progress } from './schema.ts';

export type DecodeFailure = 'not-json' | 'not-progress' | 'newer-version' | 'invalid';

export type DecodeResult =
  | { ok: true; progress: Progress; fromVersion: number }
  | { ok: false; reason: DecodeFailure; detail: string };

export function decodeProgressValue(value: unknown, steps?: readonly Migration[]): DecodeResult {
  const migrated = migrateToCurrent(value, steps);
  if (!migrated.ok) {
    if (migrated.problem === 'newer-version') {
      return {
        ok: false,
        reason: 'newer-version',
        detail: `it was written by a newer version of the course (format ${migrated.version}; this page reads up to ${PROGRESS_VERSION})`,
      };
    }
    if (migrated.problem === 'no-migration') {
      return { ok: false, reason: 'invalid', detail: `no migration from format version ${migrated.version} is known` };
    }
    return { ok: false, reason: 'not-progress', detail: 'it is not a progress record of this course (no "version" number)' };
  }
  const parsed = progressSchema.safeParse(migrated.record);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', detail: `it does not match the expected format (${describeIssues(parsed.error)})` };
  }
  return { ok: true, progress: parsed.data, fromVersion: migrated.fromVersion };
}

export function decodeProgress(text: string, steps?: readonly Migration[]): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: `it is not valid JSON (${(error as Error).message})` };
  }
  return decodeProgressValue(value, steps);
}
