// Version 2 → 3: drills arrive. Each drill gets an FSRS card on its first review, so an older
// record starts with none; its chapters, quizzes and labs are kept as they are.
import type { Migration } from './migrations.ts';

export const drillCardsMigration: Migration = {
  from: 2,
  change: 'drills gain FSRS cards (empty until the first review)',
  up: (record) => ({ ...record, drills: {} }),
};
