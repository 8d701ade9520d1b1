import { describe, expect, test } from 'vitest';
import type { CheckSeries } from '../../graders/kit/result-schema.ts';
import { chartGeometry, roundUp } from '../../src/workbench/views/series-chart-geometry.ts';

const rows = [
  { label: '10 clients', p50: 205, p95: 220, p99: 240, throughput: 48, errors: 0 },
  { label: '20 clients', p50: 210, p95: 260, p99: 300, throughput: 95, errors: 0 },
  { label: '40 clients', p50: 900, p95: 2400, p99: 3100, throughput: 44, errors: 3 },
];
const series: CheckSeries = { title: 'Latency as clients grow', unit: 'ms', target: { label: 'SLO: p95 ≤ 500 ms', p95: 500 }, rows };

describe('the series chart layout', () => {
  test('rounds axis maxima up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([roundUp(3410), roundUp(95), roundUp(0.3), roundUp(200), roundUp(0)]).toEqual([5000, 100, 0.5, 200, 1]);
  });

  test('places the rows left to right in the order they were measured', () => {
    const { xs, left, right } = chartGeometry(series);
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeGreaterThan(left);
    expect(xs[2]).toBeLessThan(right);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  test('draws a higher latency higher up, and a p95 above the target above the target line', () => {
    const geometry = chartGeometry(series);
    const [fast, , slow] = geometry.lines.p95;
    expect(slow?.y).toBeLessThan(fast?.y as number);
    expect(slow?.y).toBeLessThan(geometry.targetY as number);
    expect(fast?.y).toBeGreaterThan(geometry.targetY as number);
    expect(geometry.latency.ticks.at(-1)?.value).toBe(5000);
  });

  test('keeps the target on the axis when every row is far below it', () => {
    const quick = { ...series, rows: [{ ...rows[0], p99: 20, p95: 15, p50: 10 } as (typeof rows)[0]] };
    const geometry = chartGeometry(quick);
    expect(geometry.targetY).toBeGreaterThanOrEqual(geometry.latency.top);
    expect(geometry.latency.ticks.at(-1)?.value).toBe(1000);
  });

  test('scales throughput bars to the busiest row and keeps each bar inside its panel', () => {
    const { bars, throughput } = chartGeometry(series);
    expect(bars.map((bar) => bar.errors)).toEqual([0, 0, 3]);
    expect(bars[1]?.height).toBeGreaterThan(bars[0]?.height as number);
    for (const bar of bars) {
      expect(bar.y).toBeGreaterThanOrEqual(throughput.top);
      expect(bar.y + bar.height).toBeCloseTo(throughput.bottom);
    }
  });

  test('has no target line when the series sets no target', () => {
    const { target: _target, ...untargeted } = series;
    expect(chartGeometry(untargeted).targetY).toBeUndefined();
  });
});
