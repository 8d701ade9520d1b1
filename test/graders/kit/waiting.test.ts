import { describe, expect, test } from 'vitest';
import { pause, pollFor, seconds } from '../../../graders/kit/waiting.ts';

describe('waiting inside a check', () => {
  test('a pause ends early when the check is cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const paused = pause(5_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await paused;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('a pause on a signal already aborted returns at once', async () => {
    const started = Date.now();
    await pause(5_000, AbortSignal.abort());
    expect(Date.now() - started).toBeLessThan(100);
  });

  test('polling returns the first value the probe finds', async () => {
    let calls = 0;
    const value = await pollFor(() => (++calls >= 3 ? 'found' : undefined), 1_000, new AbortController().signal);
    expect(value).toBe('found');
    expect(calls).toBe(3);
  });

  test('polling gives up with undefined once its time is up', async () => {
    const started = Date.now();
    const value = await pollFor(() => undefined, 50, new AbortController().signal);
    expect(value).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  test('durations read in seconds, with two decimals under ten seconds', () => {
    expect(seconds(1_234)).toBe('1.23 s');
    expect(seconds(12_345)).toBe('12.3 s');
  });
});
