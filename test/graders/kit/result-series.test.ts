import { describe, expect, test } from 'vitest';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';

const row = { label: '40 clients', p50: 210, p95: 260, p99: 300, throughput: 180.5, errors: 0 };
const series = { title: 'Latency and throughput as clients grow', unit: 'ms', target: { label: 'SLO: p95 ≤ 500 ms', p95: 500 }, rows: [row] };
const check = { slug: 'meets-latency-slo', title: 'Meets the SLO', status: 'pass', message: 'ok', hint: 'h', duration_ms: 3 };

function result(checkFields: Record<string, unknown>): unknown {
  return { version: 1, lab: 'tune-the-workers', status: 'pass', checks: [{ ...check, ...checkFields }], seed: 7, port: 8000, duration_ms: 20 };
}

describe('the optional series of a check result', () => {
  test('is not required, so results of graders without load checks stay valid', () => {
    expect(graderResultSchema.safeParse(result({})).success).toBe(true);
  });

  test('carries latency percentiles, throughput and errors per row, with an optional target', () => {
    expect(graderResultSchema.safeParse(result({ series })).success).toBe(true);
    const { target: _target, ...untargeted } = series;
    expect(graderResultSchema.safeParse(result({ series: untargeted })).success).toBe(true);
  });

  test('rejects a series without rows, a negative latency, fractional errors and unknown fields', () => {
    expect(graderResultSchema.safeParse(result({ series: { ...series, rows: [] } })).success).toBe(false);
    expect(graderResultSchema.safeParse(result({ series: { ...series, rows: [{ ...row, p95: -1 }] } })).success).toBe(false);
    expect(graderResultSchema.safeParse(result({ series: { ...series, rows: [{ ...row, errors: 0.5 }] } })).success).toBe(false);
    expect(graderResultSchema.safeParse(result({ series: { ...series, colour: 'red' } })).success).toBe(false);
  });
});
