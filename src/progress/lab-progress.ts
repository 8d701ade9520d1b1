// What the lab workbench records: the learner's edited files, each Check's outcome (and the
// best one), and whether they used the Solution. A lab appears in progress ("in progress")
// from its first edit or Check; it becomes "passed" when one Check passes every check.
import type { LabCheckSummary, LabProgress, Progress } from './schema.ts';
import type { ProgressStore } from './store.ts';

export interface CheckOutcome {
  status: 'pass' | 'fail' | 'error';
  checks: Array<{ slug: string; status: 'pass' | 'fail' | 'error' | 'skipped' }>;
}

function entry(draft: Progress, labId: string, now: string): LabProgress {
  const lab = (draft.labs[labId] ??= { status: 'in-progress', updatedAt: now, files: {}, solvedWithHelp: false });
  lab.updatedAt = now;
  return lab;
}

function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function saveLabFiles(store: ProgressStore, labId: string, files: Record<string, string>, now = new Date()): void {
  const current = store.read().labs[labId];
  if (current ? sameFiles(current.files, files) : Object.keys(files).length === 0) return;
  store.update((draft) => {
    entry(draft, labId, now.toISOString()).files = { ...files };
  });
}

export function summarizeCheck(outcome: CheckOutcome, now = new Date()): LabCheckSummary {
  return {
    at: now.toISOString(),
    status: outcome.status,
    passed: outcome.checks.filter((check) => check.status === 'pass').length,
    total: outcome.checks.length,
    checks: Object.fromEntries(outcome.checks.map((check) => [check.slug, check.status])),
  };
}

export function recordLabCheck(store: ProgressStore, labId: string, outcome: CheckOutcome, now = new Date()): void {
  const summary = summarizeCheck(outcome, now);
  store.update((draft) => {
    const lab = entry(draft, labId, summary.at);
    lab.lastCheck = summary;
    if (!lab.best || summary.passed > lab.best.passed) lab.best = summary;
    if (summary.status === 'pass') lab.status = 'passed';
  });
}

export function markLabSolvedWithHelp(store: ProgressStore, labId: string, now = new Date()): void {
  store.update((draft) => {
    entry(draft, labId, now.toISOString()).solvedWithHelp = true;
  });
}

/** "Passed", "Passed with help", "In progress", "Not started", as cards and tables say it. */
export function labStatusText(lab: LabProgress | undefined): string {
  if (!lab) return 'Not started';
  if (lab.status === 'passed') return lab.solvedWithHelp ? 'Passed with help' : 'Passed';
  return lab.solvedWithHelp ? 'In progress (solution shown)' : 'In progress';
}

/** "7 of 10 checks" for the best Check so far, or "No check yet". */
export function bestScoreText(lab: LabProgress | undefined): string {
  if (!lab?.best) return 'No check yet';
  return `${lab.best.passed} of ${lab.best.total} checks`;
}
