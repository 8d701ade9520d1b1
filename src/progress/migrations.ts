// Turns a stored or exported progress record of any earlier version into the current one.
// Each migration lifts a record by exactly one version; they run in order, so a record from
// version 1 reaches version 4 through 1→2, 2→3, 3→4. The issue that changes the format
// appends its step here.
import { drillCardsMigration } from './migration-drill-cards.ts';
import { PROGRESS_VERSION } from './schema.ts';

export type RawRecord = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it writes version `from + 1`. */
  from: number;
  /** One line for the changelog of the format, e.g. "labs gain saved files and check results". */
  change: string;
  up(record: RawRecord): RawRecord;
}

export const migrations: readonly Migration[] = [
  {
    from: 1,
    change: 'labs gain the learner\'s saved files, a "solved with help" mark, and their last and best check results',
    up: (record) => ({
      ...record,
      labs: Object.fromEntries(
        Object.entries(isRecord(record.labs) ? record.labs : {}).map(([id, lab]) => [id, { ...(isRecord(lab) ? lab : {}), files: {}, solvedWithHelp: false }]),
      ),
    }),
  },
  drillCardsMigration,
];

export type MigrationResult =
  | { ok: true; record: RawRecord; fromVersion: number }
  | { ok: false; problem: 'not-progress' | 'newer-version' | 'no-migration'; version?: number };

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function migrateToCurrent(
  value: unknown,
  steps: readonly Migration[] = migrations,
  currentVersion: number = PROGRESS_VERSION,
): MigrationResult {
  if (!isRecord(value) || !Number.isInteger(value.version) || (value.version as number) < 1) {
    return { ok: false, problem: 'not-progress' };
  }
  const fromVersion = value.version as number;
  if (fromVersion > currentVersion) return { ok: false, problem: 'newer-version', version: fromVersion };
  let record: RawRecord = value;
  for (let version = fromVersion; version < currentVersion; version += 1) {
    const step = steps.find((migration) => migration.from === version);
    if (!step) return { ok: false, problem: 'no-migration', version };
    record = { ...step.up(record), version: version + 1 };
  }
  return { ok: true, record, fromVersion };
}
