import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../../graders/kit/result-schema.ts';
import { keptRuns, SeriesHistory } from '../../src/workbench/views/series-history.ts';

function measured(subject: string, p95: number, status: 'pass' | 'fail' = 'pass'): CheckResult {
  const rows = [
    { label: '2 clients', p50: 500, p95: 510, p99: 520, throughput: 4, errors: 0 },
    { label: '8 clients', p50: 500, p95, p99: p95 + 20, throughput: 16, errors: 0 },
  ];
  const base = { slug: 'meets-latency-slo', title: 'p95', hint: 'h', message: 'm', duration_ms: 1, series: { title: 'Latency', subject, unit: 'ms' as const, rows } };
  return status === 'pass' ? { ...base, status } : { ...base, status, reason: 'assertion' };
}

describe('the configurations a learner tried on the page', () => {
  test('keep one row per check run, with the heaviest step and whether it passed', () => {
    const history = new SeriesHistory();
    history.record(measured('workers = 1', 3900, 'fail'));
    const runs = history.record(measured('workers = 8', 560));
    expect(runs.map((run) => [run.subject, run.row.label, run.row.p95, run.passed])).toEqual([
      ['workers = 1', '8 clients', 3900, false],
      ['workers = 8', '8 clients', 560, true],
    ]);
  });

  test('count a result once however often the panel redraws it', () => {
    const history = new SeriesHistory();
    const result = measured('workers = 8', 560);
    history.record(result);
    expect(history.record(result)).toHaveLength(1);
  });

  test('ignore results without a series and drop the oldest runs past the limit', () => {
    const history = new SeriesHistory();
    const { series: _series, ...plain } = measured('x', 1);
    expect(history.record(plain as CheckResult)).toEqual([]);
    for (let workers = 1; workers <= keptRuns + 2; workers += 1) history.record(measured(`workers = ${workers}`, 100 * workers));
    const runs = history.record(measured('workers = 99', 1));
    expect(runs).toHaveLength(keptRuns);
    expect(runs[0]?.subject).toBe('workers = 4');
    expect(runs.at(-1)?.subject).toBe('workers = 99');
  });
});
