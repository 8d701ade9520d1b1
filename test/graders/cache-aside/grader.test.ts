import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { grader } from '../../../graders/cache-aside/grader.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { labDir } from '../../../scripts/lab/lab-folders.ts';
import { explain, gradeCacheAside, labId, notPassing, programFolder } from './grade-cache-aside.ts';

// A full run takes about 6 s alone; several run side by side here, on two cores.
const runTimeoutMs = 60_000;

describe.concurrent('the cache-aside grader', () => {
  test('declares exactly the checks of its manifest, in the same order', () => {
    const manifest = readManifest(labDir(labId));
    expect(grader.checks).toEqual(manifest.checks.map(({ slug, title, hint }) => ({ slug, title, hint })));
    expect(grader.checks.length).toBeGreaterThanOrEqual(8);
  });

  test('passes the solution on every check and leaves no process behind', { timeout: runTimeoutMs }, async () => {
    const run = await gradeCacheAside({ kind: 'solution' });
    const { result, leftovers } = run;
    expect(graderResultSchema.safeParse(result).success).toBe(true);
    expect(notPassing(result), explain(run)).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.checks).toHaveLength(grader.checks.length);
    expect(leftovers).toEqual([]);
  });

  test('fails the starter at serves-repeat-reads-from-cache, after it serves products straight from the database', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeCacheAside({ kind: 'starter' });
    const [starts, serves, repeat, ...rest] = result.checks;
    expect([starts?.status, serves?.status]).toEqual(['pass', 'pass']);
    expect(repeat).toMatchObject({ slug: 'serves-repeat-reads-from-cache', status: 'fail', reason: 'assertion', actual: '3 database queries for 3 GETs' });
    expect(repeat?.transcript).toContain('* database: 3 queries for product');
    expect(repeat?.repro).toMatch(/^curl -i http:\/\/127\.0\.0\.1:\d+\/products\/\d+$/);
    expect(rest.every((check) => check.status === 'skipped')).toBe(true);
    expect(leftovers).toEqual([]);
  });

  test('passes a correct program that is slow to start and slow to answer', { timeout: runTimeoutMs }, async () => {
    const run = await gradeCacheAside({ kind: 'fixture', name: 'slow-but-correct' });
    const { result, leftovers } = run;
    expect(notPassing(result), explain(run)).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  test('reports a program that crashes when the cache goes down as exited, naming the missing error listener in the hint', { timeout: runTimeoutMs }, async () => {
    const { result, leftovers } = await gradeCacheAside({ kind: 'fixture', name: 'crashes-when-cache-dies' });
    expect(notPassing(result)).toEqual([['serves-from-database-when-cache-fails', 'fail']]);
    const failed = result.checks.at(-1);
    expect(failed).toMatchObject({ reason: 'exited' });
    expect(failed?.message).toMatch(/Your program exited with code 1 during this check/);
    expect(failed?.hint).toContain('cache.on("error"');
    expect(result.output).toMatch(/cache connection to 127\.0\.0\.1:\d+ lost/);
    expect(leftovers).toEqual([]);
  });

  test('asks for the same random products again when given the same seed', { timeout: runTimeoutMs }, async () => {
    const products = (run: Awaited<ReturnType<typeof gradeCacheAside>>) => run.result.checks.find((c) => c.slug === 'serves-products-from-database')?.message;
    const [first, again, other] = await Promise.all([gradeCacheAside({ kind: 'starter' }, { seed: 42 }), gradeCacheAside({ kind: 'starter' }, { seed: 42 }), gradeCacheAside({ kind: 'starter' }, { seed: 43 })]);
    expect(first.result.seed).toBe(42);
    expect(products(first)).toMatch(/^GET \/products\/\d+ and GET \/products\/\d+ answered/);
    expect(products(first)).toBe(products(again));
    expect(products(first)).not.toBe(products(other));
  });

  test('leaves the learner folder as it found it', { timeout: runTimeoutMs }, async () => {
    const dir = programFolder({ kind: 'starter' });
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    try {
      const before = listing();
      const result = await grader.run({ dir, port: await freeServicePort() });
      expect(result.status).toBe('fail');
      expect(listing()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
