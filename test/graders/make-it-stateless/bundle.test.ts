// The grader bundle is what runs inside the browser's WebContainer (Node about 20): one
// self-contained file, with the course proxy and the cache server inside, nothing imported but
// Node's built-ins. It runs the learner's three instances on the same Node.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { bundleSync } from '../../../scripts/bundle.ts';
import { copyProgram } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';
import { labId } from './grade-make-it-stateless.ts';

/** The oldest Node on this machine that can run it: the system Node (20 on Debian) when present. */
function olderNode(): string {
  const system = '/usr/bin/node';
  if (!existsSync(system)) return process.execPath;
  const version = spawnSync(system, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return Number(version.slice(1).split('.')[0]) >= 18 ? system : process.execPath;
}

describe('the make-it-stateless grader bundle', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'stateless-bundle-'));
  let outfile = '';
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  beforeAll(() => {
    // Built as scripts/bundle.ts builds public/bundles/graders/make-it-stateless.mjs, then copied aside.
    const built = bundleSync({ entry: `graders/${labId}/grader.ts`, out: `graders/${labId}.mjs` });
    outfile = join(scratch, `${labId}.mjs`);
    copyFileSync(built, outfile);
  });

  test('is one file that imports only Node built-ins and carries its manifest', () => {
    const code = readFileSync(outfile, 'utf8');
    const imports = [...code.matchAll(/(?:^|\s)(?:import|export)\s[^;'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(imports.filter((name) => !name?.startsWith('node:'))).toEqual([]);
    expect(code).toContain('"survives-a-killed-instance"');
  });

  test('grades the solution on its own, on an older Node, with --json, and leaves no process', { timeout: 60_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    try {
      const run = spawnSync(olderNode(), [outfile, '--dir', dir, '--json', '--port', String(await freeServicePort())], { cwd: scratch, encoding: 'utf8', timeout: 50_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(graderResultSchema.parse(JSON.parse(run.stdout)).status).toBe('pass');
      expect(leftoverProcesses(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
