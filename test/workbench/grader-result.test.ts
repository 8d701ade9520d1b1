import { describe, expect, it } from 'vitest';
import { readGraderResult } from '../../src/workbench/grader-result.ts';

const passing = { slug: 'listens-on-port', title: 'Listens', status: 'pass', message: 'It answered.', hint: 'Call listen().', duration_ms: 3 };
const result = { version: 1, lab: 'first-web-server', status: 'pass', checks: [passing], seed: 7, port: 8080, duration_ms: 12 };

describe('reading a grader result on the page', () => {
  it('returns the result printed among the process output', async () => {
    await expect(readGraderResult(`(node:12) Warning: something\r\n${JSON.stringify(result)}\r\n`)).resolves.toEqual(result);
  });

  it('names the field and says in English what is wrong when the result does not match the format', async () => {
    const broken = { ...result, checks: [{ ...passing, title: '' }] };
    await expect(readGraderResult(JSON.stringify(broken))).rejects.toThrow(
      'its result does not match the result format (checks.0.title: Too small: expected string to have >=1 characters)',
    );
  });
});
