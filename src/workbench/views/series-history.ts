// The series a check measured in earlier runs on this page, so a learner who tries one
// configuration after another sees them side by side: one row per run, with the numbers of
// its last (heaviest) step and whether the check passed. Kept in memory for the page's life.
import type { CheckResult, CheckSeries, SeriesRow } from '../../../graders/kit/result-schema.ts';

export interface TriedRun {
  subject: string;
  row: SeriesRow;
  passed: boolean;
}

/** How many runs per check the table keeps; older ones drop off. */
export const keptRuns = 8;

export class SeriesHistory {
  private readonly bySlug = new Map<string, TriedRun[]>();
  private readonly counted = new WeakSet<CheckResult>();

  /** Adds a check result's series once, however often the same result is drawn; returns the runs so far. */
  record(check: CheckResult): TriedRun[] {
    const runs = this.bySlug.get(check.slug) ?? [];
    const series: CheckSeries | undefined = check.series;
    if (series && !this.counted.has(check)) {
      this.counted.add(check);
      const row = series.rows.at(-1) as SeriesRow;
      runs.push({ subject: series.subject ?? `run ${runs.length + 1}`, row, passed: check.status === 'pass' });
      if (runs.length > keptRuns) runs.splice(0, runs.length - keptRuns);
      this.bySlug.set(check.slug, runs);
    }
    return runs;
  }
}

function cell(row: HTMLTableRowElement, text: string, header = false): void {
  const element = document.createElement(header ? 'th' : 'td');
  if (header) (element as HTMLTableCellElement).scope = 'row';
  element.textContent = text;
  row.append(element);
}

export function triedRunsTable(runs: readonly TriedRun[], unit: string): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'wb-series-table wb-series-tried';
  table.createCaption().textContent = 'What you tried on this page, at the heaviest step, oldest first';
  const head = table.createTHead().insertRow();
  for (const name of ['Configuration', `p95 (${unit})`, 'Requests/s', 'Errors', 'Check']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const run of runs) {
    const line = body.insertRow();
    cell(line, run.subject, true);
    cell(line, String(Math.round(run.row.p95)));
    cell(line, String(run.row.throughput));
    cell(line, String(run.row.errors));
    cell(line, run.passed ? 'passed' : 'failed');
    line.dataset.passed = String(run.passed);
  }
  return table;
}
