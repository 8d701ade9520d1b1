// The checks panel: a status per check, and for each failed or errored one what happened,
// what was expected and what came back, the transcript, a command to repeat it, and the hint.
import type { CheckResult, GraderResult } from '../grader-result.ts';
import type { CheckState, LabSession } from '../lab-session.ts';
import { seriesChart } from './series-chart-view.ts';
import { SeriesHistory, triedRunsTable } from './series-history.ts';

const statusText: Record<string, string> = { 'not-run': 'Not run', running: 'Running…', pass: 'Passed', fail: 'Failed', error: 'Error', skipped: 'Skipped' };

function field(list: HTMLDListElement, term: string, value: string | undefined, preformatted = false): void {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  const body = document.createElement(preformatted ? 'pre' : 'span');
  body.textContent = value;
  dd.append(body);
  list.append(dt, dd);
}

function detailFor(check: CheckResult): HTMLDListElement {
  const list = document.createElement('dl');
  field(list, 'What happened', check.message);
  field(list, 'Expected', check.expected, true);
  field(list, 'Actual', check.actual, true);
  field(list, 'Transcript', check.transcript, true);
  field(list, 'Repeat it yourself', check.repro, true);
  field(list, 'Hint', check.hint);
  return list;
}

function summary(state: CheckState, total: number): string {
  if (state.status === 'idle') return `Press Check (Ctrl+Enter) to run the ${total} checks against your program.`;
  if (state.status === 'running') return 'Checking… the grader starts its own copy of your program and sends it requests.';
  if (state.status === 'error' || !state.result) return state.error ?? 'The checks could not run.';
  return resultSummary(state.result);
}

export function resultSummary(result: GraderResult): string {
  const passed = result.checks.filter((check) => check.status === 'pass').length;
  if (result.status === 'pass') return `All ${result.checks.length} checks pass. Well done!`;
  if (result.status === 'error') return `The grader could not finish: ${result.message ?? 'a check broke'}. This is not your program's fault; press Check again.`;
  const failed = result.checks.find((check) => check.status === 'fail');
  return `${passed} of ${result.checks.length} checks pass.${failed ? ` Failed: ${failed.title}.` : ''}`;
}

export function bindChecksPanel(root: HTMLElement, session: LabSession): void {
  const summaryLine = root.querySelector('[data-checks-summary]') as HTMLElement;
  const items = [...root.querySelectorAll<HTMLElement>('[data-check]')];
  const history = new SeriesHistory();
  session.check.subscribe((state) => {
    summaryLine.textContent = summary(state, items.length);
    const results = new Map((state.result?.checks ?? []).map((check) => [check.slug, check]));
    for (const item of items) {
      const result = results.get(item.dataset.check ?? '');
      const status = state.status === 'running' ? 'running' : (result?.status ?? 'not-run');
      item.dataset.status = status;
      const label = item.querySelector('[data-check-status]');
      if (label) label.textContent = statusText[status] ?? status;
      const detail = item.querySelector<HTMLElement>('[data-check-detail]');
      if (!detail) continue;
      const failed = result && (result.status === 'fail' || result.status === 'error');
      detail.hidden = !failed;
      detail.replaceChildren(...(failed ? [detailFor(result)] : []));
      const chart = item.querySelector<HTMLElement>('[data-check-series]');
      if (!chart) continue;
      const series = status === 'running' ? undefined : result?.series;
      chart.hidden = !series;
      const tried = result && series ? history.record(result) : [];
      chart.replaceChildren(...(series ? [seriesChart(series), ...(tried.length > 1 ? [triedRunsTable(tried, series.unit)] : [])] : []));
    }
  });
}
