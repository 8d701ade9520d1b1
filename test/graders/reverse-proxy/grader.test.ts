import { existsSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
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

  test('names the program holding the port nginx.conf listens on, instead of starting the proxy elsewhere', { timeout: runTimeoutMs }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const confPort = await freePortTriple();
    movePorts(dir, confPort);
    // The run is given other ports (as when the lab's own port was taken when it began).
    const runPort = await freePortTriple();
    const holder = createServer().listen(confPort, '127.0.0.1');
    await once(holder, 'listening');
    try {
      const result = await grader.run({ dir, port: runPort });
      const [starts, ...rest] = result.checks;
      expect(starts).toMatchObject({ slug: 'starts-and-listens', status: 'fail', reason: 'assertion', actual: `port ${confPort} already in use` });
      expect(starts?.message).toContain(`Your nginx.conf listens on port ${confPort}, but port ${confPort} is taken by`);
      if (existsSync('/proc/net/tcp')) expect(starts?.message).toContain(`pid ${process.pid} (`);
      expect(starts?.message).toContain('nginx.conf cannot take its port from the environment');
      expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails the first check, not the grader, when an app instance port is taken, saying by what', { timeout: runTimeoutMs }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const port = await freePortTriple();
    movePorts(dir, port);
    const holder = createServer().listen(port + 2, '127.0.0.1');
    await once(holder, 'listening');
    try {
      const result = await grader.run({ dir, port });
      expect(result.status).toBe('fail');
      const [starts, ...rest] = result.checks;
      expect(starts).toMatchObject({ slug: 'starts-and-listens', status: 'fail', reason: 'assertion' });
      expect(starts?.message).toContain(`The lab's app instance app-2 must listen on port ${port + 2}, where your nginx.conf sends /api/, but port ${port + 2} is taken by`);
      expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
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
