import { describe, expect, test } from 'vitest';
import { LatencyRecorder } from '../../../graders/kit/load/latency-recorder.ts';

describe('LatencyRecorder', () => {
  test('gives nearest-rank percentiles of the recorded values', () => {
    const recorder = new LatencyRecorder();
    // 1..100 out of order: the recorder must sort before it ranks.
    for (let i = 0; i < 100; i += 1) recorder.record(((i * 37) % 100) + 1);
    expect(recorder.summary()).toEqual({ count: 100, min: 1, mean: 50.5, p50: 50, p90: 90, p95: 95, p99: 99, max: 100 });
  });

  test('answers the single value for every percentile of one sample', () => {
    const recorder = new LatencyRecorder();
    recorder.record(12.5);
    expect([recorder.percentile(0), recorder.percentile(50), recorder.percentile(100)]).toEqual([12.5, 12.5, 12.5]);
  });

  test('summarises an empty run as zeros', () => {
    expect(new LatencyRecorder().summary()).toMatchObject({ count: 0, p50: 0, max: 0 });
  });

  test('keeps growing past its first buffer and stops at its bound', () => {
    const recorder = new LatencyRecorder(3000);
    for (let i = 0; i < 3000; i += 1) recorder.record(i);
    expect(recorder.percentile(100)).toBe(2999);
    expect(() => recorder.record(1)).toThrow(/at most 3000 samples/);
  });

  test('rejects negative and non-finite latencies', () => {
    const recorder = new LatencyRecorder();
    expect(() => recorder.record(-1)).toThrow(RangeError);
    expect(() => recorder.record(Number.NaN)).toThrow(RangeError);
  });
});
