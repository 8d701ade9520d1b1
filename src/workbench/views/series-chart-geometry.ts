// Where everything in a check's series chart goes, computed without the DOM: an upper panel
// with the p50, p95 and p99 latency lines and the target's line, and a lower panel with a
// throughput bar per row. Both panels share the x positions, one per row, in measured order.
import type { CheckSeries } from '../../../graders/kit/result-schema.ts';

export const percentiles = ['p50', 'p95', 'p99'] as const;
export type Percentile = (typeof percentiles)[number];

export interface Point {
  x: number;
  y: number;
}

export interface Tick {
  value: number;
  y: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  throughput: number;
  errors: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  latency: { top: number; bottom: number; ticks: Tick[] };
  throughput: { top: number; bottom: number; max: number };
  /** The x of each row, for its label and its points. */
  xs: number[];
  lines: Record<Percentile, Point[]>;
  /** The target's y; missing when the series has none. */
  targetY: number | undefined;
  bars: Bar[];
}

const size = { width: 560, height: 340, left: 56, right: 16, top: 30, latencyBottom: 210, throughputTop: 236, throughputBottom: 300 } as const;

/** The smallest of 1, 2, 2.5 or 5 × 10^k that is at least `value`, so axis labels stay round. */
export function roundUp(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value * (1 - 1e-9)) ?? 10;
  return step * magnitude;
}

/** Evenly spaced round ticks from 0 to the axis maximum. */
function ticksUpTo(max: number, y: (value: number) => number): Tick[] {
  const count = 4;
  return Array.from({ length: count + 1 }, (_, i) => {
    const value = Math.round(((max * i) / count) * 100) / 100;
    return { value, y: y(value) };
  });
}

export function chartGeometry(series: CheckSeries): ChartGeometry {
  const { width, height, left, right, top, latencyBottom, throughputTop, throughputBottom } = size;
  const plotWidth = width - left - right;
  const slot = plotWidth / series.rows.length;
  const xs = series.rows.map((_, i) => left + slot * (i + 0.5));
  const highest = Math.max(series.target?.p95 ?? 0, ...series.rows.map((row) => row.p99));
  const latencyMax = roundUp(highest * 1.1);
  const latencyY = (value: number) => latencyBottom - (Math.min(value, latencyMax) / latencyMax) * (latencyBottom - top);
  const throughputMax = roundUp(Math.max(...series.rows.map((row) => row.throughput)));
  const barWidth = Math.min(48, slot * 0.5);
  const lines = Object.fromEntries(percentiles.map((p) => [p, series.rows.map((row, i) => ({ x: xs[i] as number, y: latencyY(row[p]) }))])) as Record<Percentile, Point[]>;
  const bars = series.rows.map((row, i) => {
    const barHeight = (row.throughput / throughputMax) * (throughputBottom - throughputTop);
    return { x: (xs[i] as number) - barWidth / 2, y: throughputBottom - barHeight, width: barWidth, height: barHeight, throughput: row.throughput, errors: row.errors };
  });
  return {
    width,
    height,
    left,
    right: width - right,
    latency: { top, bottom: latencyBottom, ticks: ticksUpTo(latencyMax, latencyY) },
    throughput: { top: throughputTop, bottom: throughputBottom, max: throughputMax },
    xs,
    lines,
    targetY: series.target ? latencyY(series.target.p95) : undefined,
    bars,
  };
}
