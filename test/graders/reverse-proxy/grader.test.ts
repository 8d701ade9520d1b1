import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { grader } from '../../../graders/reverse-proxy/grader.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { explain, freePortTriple, gradeReverseProxy, labId, movePorts, notPassing } from './grade-reverse-proxy.ts';

// A full run takes about 3 s alone (the 2 s gateway timeout is most of it).
const runTimeoutMs = 60_000;

describe.concurrent('the reverse-proxy grader', () => {
  test('declares exactly the checks of its manifest, in the same order, each hint linking nginx.org', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
    expect(grader.checks.length).toBeGreaterThanOrEqual(8);
    for (const check of grader.checks) expect(check.hint).toMatch(/https:\/\/nginx\.org\/en\/docs\//);
  });

  test('passes the solution config on every check and leaves no process behind', { timeout: runTimeoutMs }, async () => {
    const run = await gradeReverseProxy({ kind: 'solution' });
    const { result, leftovers } = run;
    expect(graderResultSchema.safeParse(result).success).toBe(true);
    expect(notPassing(result), explain(run)).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.checks).toHaveLength(grader.checks.length);
    expect(leftovers).toEqual([]);
  });

  test('fails the starter at answers-health-itself, after the proxy starts on its config', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeReverseProxy({ kind: 'starter' });
    const [starts, health, ...rest] = result.checks;
    expect(starts?.status).toBe('pass');
    expect(health).toMatchObject({ slug: 'answers-health-itself', status: 'fail', reason: 'assertion', actual: 'status 404 Not Found' });
    expect(health?.repro).toMatch(/^curl -i http:\/\/127\.0\.0\.1:\d+\/health$/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(leftovers).toEqual([]);
  });

  test('reports a config the proxy refuses with nginx\'s own error and the line it is on', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeReverseProxy({ kind: 'fixture', name: 'typo-in-directive' });
    expect(notPassing(result)[0]).toEqual(['starts-and-listens', 'fail']);
    expect(result.output).toMatch(/unknown directive "proxy_pas" in .*nginx\.conf:\d+/);
    expect(leftovers).toEqual([]);
  });

  test('leaves the learner folder as it found it', { timeout: runTimeoutMs }, async () => {
    const dir = copyProgram(labId, { kind: 'starter' });
    const port = await freePortTriple();
    movePorts(dir, port);
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    try {
      const before = listing();
      const result = await grader.run({ dir, port });
      expect(result.status).toBe('fail');
      expect(listing()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
