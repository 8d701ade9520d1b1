import { readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { grader } from '../../../graders/make-it-stateless/grader.ts';
import { labDir } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeFolder, labId, notPassing, programFolder, type StatelessProgram } from './grade-make-it-stateless.ts';

// A full run takes about 8 s alone (the session TTL and an instance restart set most of it);
// several run side by side here, on two cores.
const runTimeoutMs = 60_000;

/** Every program these tests grade, each in a folder of its own, made before any run starts. */
const programs = {
  solution: { kind: 'solution' },
  starter: { kind: 'starter' },
  slow: { kind: 'fixture', name: 'slow-but-correct' },
  crashes: { kind: 'fixture', name: 'crashes-on-logout' },
  hangs: { kind: 'fixture', name: 'hangs-on-me' },
  wrongPort: { kind: 'fixture', name: 'listens-on-the-wrong-port' },
  garbage: { kind: 'fixture', name: 'speaks-garbage' },
  absolute: { kind: 'fixture', name: 'absolute-timeout' },
  seven: { kind: 'starter' },
  sevenAgain: { kind: 'starter' },
  eight: { kind: 'starter' },
  untouched: { kind: 'solution' },
} satisfies Record<string, StatelessProgram>;

const folders = new Map<keyof typeof programs, string>();
const folder = (name: keyof typeof programs) => folders.get(name) as string;

describe.concurrent('the make-it-stateless grader', () => {
  beforeAll(() => {
    for (const [name, program] of Object.entries(programs)) folders.set(name as keyof typeof programs, programFolder(program as StatelessProgram));
  }, 60_000);
  // gradeFolder deletes each folder it grades; this catches the ones a filtered run left unused.
  afterAll(() => {
    for (const dir of folders.values()) rmSync(dir, { recursive: true, force: true });
  });

  test('declares exactly the checks of its manifest, in the same order', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
    expect(grader.checks.map((check) => check.slug)).toEqual([
      'starts-and-listens',
      'sets-a-session-cookie',
      'stays-logged-in-across-instances',
      'survives-a-killed-instance',
      'logs-out-on-every-instance',
      'expires-idle-sessions',
    ]);
  });

  test('passes the solution on every check, through three instances, and leaves no process behind', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('solution'));
    const { result, events, leftovers } = run;
    expect(graderResultSchema.safeParse(result).success).toBe(true);
    expect(notPassing(result), explain(run)).toEqual([]);
    expect(result.status).toBe('pass');
    const started = events.flatMap((event) => (event.type === 'process-start' ? [event.label] : []));
    // Three instances, and once more the one the kill check restarts.
    expect([...new Set(started)].sort()).toEqual(['app-1', 'app-2', 'app-3']);
    expect(started).toHaveLength(4);
    expect(result.checks.find((check) => check.slug === 'stays-logged-in-across-instances')?.message).toMatch(/app-1: 4, app-2: 4, app-3: 4/);
    expect(leftovers).toEqual([]);
  });

  test('fails the starter at stays-logged-in-across-instances, because another instance does not know the session', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeFolder(folder('starter'));
    const [starts, cookie, stays, ...rest] = result.checks;
    expect([starts?.status, cookie?.status]).toEqual(['pass', 'pass']);
    expect(stays).toMatchObject({ slug: 'stays-logged-in-across-instances', status: 'fail', reason: 'assertion' });
    expect(stays?.message).toMatch(/^GET \/me number 1, served by app-\d, answered 401 Unauthorized although [a-z]+-\d+ had logged in on app-\d\. app-\d does not know the session that app-\d created: the cache has no key session:/);
    expect(stays?.repro).toMatch(/^curl -i .*http:\/\/127\.0\.0\.1:\d+\/me/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(leftovers).toEqual([]);
  });

  test('passes a correct program that is slow to start and slow to answer', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('slow'));
    expect(notPassing(run.result), explain(run)).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('reports an instance that dies during a check as exited, by name, with its last words', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('crashes'));
    expect(notPassing(run.result), explain(run)).toEqual([
      ['logs-out-on-every-instance', 'fail'],
      ['expires-idle-sessions', 'skipped'],
    ]);
    const failed = run.result.checks.find((check) => check.slug === 'logs-out-on-every-instance');
    expect(failed?.reason).toBe('exited');
    expect(failed?.message).toMatch(/^app-\d, the instance of your server on port \d+, exited with code 1 during this check/);
    expect(failed?.actual).toContain('TypeError: cannot read the logout audit log');
    expect(run.leftovers).toEqual([]);
  });

  test('reports an instance that never answers as a timeout, through the proxy\'s 504', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('hangs'));
    const failed = run.result.checks.find((check) => check.slug === 'sets-a-session-cookie');
    expect(failed, explain(run)).toMatchObject({ status: 'fail', reason: 'timeout' });
    expect(failed?.message).toMatch(/^GET \/me got no answer from app-\d within the proxy's proxy_read_timeout of 5 s/);
    expect(run.leftovers).toEqual([]);
  });

  test('fails sessions whose TTL is never renewed at stays-logged-in-across-instances, saying they expired in use', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('absolute'));
    const failed = run.result.checks.find((check) => check.slug === 'stays-logged-in-across-instances');
    expect(failed, explain(run)).toMatchObject({ status: 'fail', reason: 'assertion' });
    expect(failed?.message).toMatch(/The session expired while it was in use: its TTL ran out 3 s after login instead of 3 s after its last use\./);
    expect(failed?.hint).toContain('await cache.expire(`session:${sid}`, ttl)');
    expect(run.leftovers).toEqual([]);
  });

  test('reports an instance whose answer is not HTTP, through the proxy\'s 502', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('garbage'));
    const failed = run.result.checks.find((check) => check.slug === 'sets-a-session-cookie');
    expect(failed, explain(run)).toMatchObject({ status: 'fail', reason: 'assertion', actual: '502 Bad Gateway from the proxy' });
    expect(failed?.message).toMatch(/^GET \/me reached app-\d, but what came back was not an HTTP response the proxy could read/);
    expect(run.events.some((event) => event.type === 'output' && event.label === 'proxy' && event.line.includes('upstream sent no valid HTTP/1.0 header'))).toBe(true);
    expect(run.leftovers).toEqual([]);
  });

  test('reports instances that listen on another port than PORT, naming one', { timeout: runTimeoutMs }, async () => {
    const run = await gradeFolder(folder('wrongPort'));
    const [starts, ...rest] = run.result.checks;
    expect(starts?.status, explain(run)).toBe('fail');
    expect(['no_listen', 'exited']).toContain(starts?.reason);
    expect(starts?.message).toMatch(/^app-\d \(PORT=\d+\): Your program/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(run.leftovers).toEqual([]);
  });

  test('logs in different random users when given a different seed, and the same ones for the same seed', { timeout: runTimeoutMs }, async () => {
    const runs = await Promise.all([gradeFolder(folder('seven'), { seed: 7 }), gradeFolder(folder('sevenAgain'), { seed: 7 }), gradeFolder(folder('eight'), { seed: 8 })]);
    const names = runs.map((run) => /although ([a-z]+-\d+) had logged in/.exec(run.result.checks[2]?.message ?? '')?.[1]);
    expect(names[0]).toMatch(/^[a-z]+-\d{3}$/);
    expect(names[1]).toBe(names[0]);
    expect(names[2]).not.toBe(names[0]);
  });

  test('leaves the learner folder as it found it', { timeout: runTimeoutMs }, async () => {
    const dir = folder('untouched');
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    try {
      const before = listing();
      const result = await grader.run({ dir, port: await freeServicePort() });
      expect(result.status).toBe('pass');
      expect(listing()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
