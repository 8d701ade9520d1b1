import { describe, expect, test } from 'vitest';
import type { FailureReason } from '../../graders/kit/result-schema.ts';
import { fixtureProgram, gradeProgram } from './grade-program.ts';

interface Case {
  program: string;
  /** The first check that must not pass; every earlier one passes, every later one is skipped. */
  slug: string;
  reason: FailureReason;
  message: RegExp;
  actual?: RegExp;
  transcript?: RegExp;
}

const deadlineMs = 30_000;

const cases: Case[] = [
  { program: 'crash-at-start', slug: 'listens-on-port', reason: 'exited', message: /exited with code 1 before listening on 127\.0\.0\.1:\d+/, actual: /ENOENT: no such file or directory, open 'config\.json'/ },
  { program: 'exit-after-first-request', slug: 'serves-static-files', reason: 'exited', message: /exited with code 0 during this check/ },
  { program: 'never-listens', slug: 'listens-on-port', reason: 'no_listen', message: /running, but nothing accepted connections on 127\.0\.0\.1:\d+ within .*process\.env\.PORT/ },
  { program: 'wrong-port', slug: 'listens-on-port', reason: 'no_listen', message: /nothing accepted connections on 127\.0\.0\.1:\d+/ },
  { program: 'listens-on-ipv6-localhost', slug: 'listens-on-port', reason: 'no_listen', message: /It does answer on \[::1\]:\d+, the IPv6 loopback address/ },
  { program: 'hangs-after-accept', slug: 'serves-html-at-root', reason: 'timeout', message: /GET \/ failed: no response within 2000 ms/ },
  { program: 'garbage-bytes', slug: 'serves-html-at-root', reason: 'assertion', message: /the reply is not HTTP: the reply does not start with "HTTP\/"/, transcript: /< \\u0000.*GARBAGE/ },
  { program: 'closes-without-reply', slug: 'serves-html-at-root', reason: 'assertion', message: /empty reply: your program accepted the connection and closed it without sending a byte/ },
  { program: 'ignores-sigterm-with-child', slug: 'serves-html-at-root', reason: 'assertion', message: /Content-Type "text\/plain", expected text\/html/ },
];

describe('the grader facing a misbehaving program', () => {
  test.concurrent.each(cases.map((c) => [c.program, c] as const))('gives %s the right check, reason and message, and leaves no process', async (_name, expected) => {
    const { result, leftovers } = await gradeProgram(fixtureProgram(expected.program));
    const index = result.checks.findIndex((check) => check.status !== 'pass');
    const failed = result.checks[index];
    expect(failed).toMatchObject({ slug: expected.slug, status: 'fail', reason: expected.reason });
    expect(failed?.message).toMatch(expected.message);
    if (expected.actual) expect(failed?.actual).toMatch(expected.actual);
    if (expected.transcript) expect(failed?.transcript).toMatch(expected.transcript);
    expect(result.checks.slice(index + 1).every((check) => check.status === 'skipped')).toBe(true);
    expect(result.status).toBe('fail');
    expect(result.duration_ms).toBeLessThan(deadlineMs);
    expect(leftovers).toEqual([]);
  });

  test('shows what the crashed program printed in the result', async () => {
    const { result } = await gradeProgram(fixtureProgram('crash-at-start'));
    expect(result.output).toContain('Reading config.json');
  });

  test('skips the checks after a program exits even when asked to run them all', async () => {
    const { result } = await gradeProgram(fixtureProgram('exit-after-first-request'), { all: true });
    const skipped = result.checks.filter((check) => check.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((check) => check.message.includes('no longer running (it exited with code 0)'))).toBe(true);
  });
});
