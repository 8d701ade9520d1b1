import { describe, expect, test } from 'vitest';
import { graderResultSchema, type GraderResult } from '../../../graders/kit/result-schema.ts';

const passing = { slug: 'listens-on-port', title: 'Listens', status: 'pass', message: 'ok', hint: 'h', duration_ms: 3 } as const;
const failing = { ...passing, slug: 'serves-html-at-root', status: 'fail', reason: 'assertion', message: 'wrong type', expected: 'text/html', actual: 'text/plain' } as const;

function result(overrides: Partial<GraderResult>): unknown {
  return { version: 1, lab: 'first-web-server', status: 'fail', checks: [passing, failing], seed: 7, port: 8080, duration_ms: 20, ...overrides };
}

describe('graderResultSchema', () => {
  test('accepts a result whose status agrees with its checks', () => {
    expect(graderResultSchema.safeParse(result({})).success).toBe(true);
    expect(graderResultSchema.safeParse(result({ status: 'pass', checks: [passing] })).success).toBe(true);
  });

  test('rejects a passing status when a check failed', () => {
    expect(graderResultSchema.safeParse(result({ status: 'pass' })).success).toBe(false);
  });

  test('rejects a failed check without a reason and a passed check with one', () => {
    const { reason: _reason, ...withoutReason } = failing;
    expect(graderResultSchema.safeParse(result({ checks: [passing, withoutReason as never] })).success).toBe(false);
    expect(graderResultSchema.safeParse(result({ status: 'pass', checks: [{ ...passing, reason: 'timeout' }] })).success).toBe(false);
  });

  test('never lets a grader error count as the learner failing', () => {
    expect(graderResultSchema.safeParse(result({ checks: [{ ...failing, reason: 'grader_error' }] })).success).toBe(false);
    expect(graderResultSchema.safeParse(result({ status: 'error', checks: [{ ...failing, status: 'error', reason: 'grader_error' }] })).success).toBe(true);
  });

  test('accepts an error status with a message whatever the checks say', () => {
    expect(graderResultSchema.safeParse(result({ status: 'error', message: 'could not clean up', checks: [passing] })).success).toBe(true);
  });

  test('rejects unknown fields', () => {
    expect(graderResultSchema.safeParse(result({ extra: true } as never)).success).toBe(false);
  });
});
