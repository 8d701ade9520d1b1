// Words for an HPA run: the replica changes in order, for the live region and the chart's
// description, and the rows of the decisions table.
import type { HpaRun, HpaStep } from './run.ts';

export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function changes(run: HpaRun): HpaStep[] {
  return run.steps.filter((step) => step.after !== step.before);
}

export function summarize(run: HpaRun): string {
  const start = run.steps[0]?.before ?? 0;
  const moves = changes(run);
  if (moves.length === 0) return `Replicas stay at ${start} for the whole ${run.durationSeconds / 60} minutes.`;
  const shown = moves.slice(0, 6).map((step) => `${clock(step.time)} ${step.before} → ${step.after}`);
  const more = moves.length > 6 ? `, and ${moves.length - 6} more` : '';
  const peak = Math.max(...run.steps.map((step) => step.after));
  return `Starts at ${start} replicas, peaks at ${peak}. Changes: ${shown.join(', ')}${more}.`;
}

/** Syncs where the formula asked for a change, whether or not the HPA made it. */
export function decisions(run: HpaRun): HpaStep[] {
  return run.steps.filter((step) => step.desired !== step.before || step.after !== step.before);
}
