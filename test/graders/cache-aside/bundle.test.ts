// The grader bundle runs inside the browser's WebContainer (Node about 20) as one file: the
// checks, the product database and the cache server all inside, nothing imported but Node's
// built-ins. The learner's program it starts uses the lab's own bundled files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { graderResultSchema } from '../../../graders/kit/result-schema.ts';
import { copyProgram, repoRoot } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';
import { labId } from './grade-cache-aside.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cache-aside-bundle-'));
const outfile = join(scratch, `${labId}.mjs`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The oldest Node on this machine that can run it: the system Node (20 on Debian) when present. */
function olderNode(): string {
  const system = '/usr/bin/node';
  if (!existsSync(system)) return process.execPath;
  const version = spawnSync(system, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return Number(version.slice(1).split('.')[0]) >= 18 ? system : process.execPath;
}

describe('the cache-aside grader bundle', () => {
  beforeAll(async () => {
    // The options of scripts/bundle.ts, which builds public/bundles/graders/<lab>.mjs.
    await build({
      entryPoints: [join(repoRoot, 'graders', labId, 'grader.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'esm',
      legalComments: 'none',
      minifyWhitespace: true,
      minifySyntax: true,
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
  });

  test('is one file with the cache server inside that imports only Node built-ins', () => {
    const code = readFileSync(outfile, 'utf8');
    // Minified code writes import{x}from"y", so whitespace is optional everywhere.
    const imports = [...code.matchAll(/(?:^|[\s;}])(?:import|export)\s*[{*\w][^;'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(imports).toContain('node:net');
    expect(imports.filter((name) => !name?.startsWith('node:'))).toEqual([]);
    expect(code).toContain('"collapses-concurrent-misses"');
    expect(code).toContain('activeExpireCycle');
  });

  test('grades the solution on its own, on an older Node, with --json', { timeout: 60_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    try {
      const run = spawnSync(olderNode(), [outfile, '--dir', dir, '--json', '--port', String(await freeServicePort())], { cwd: scratch, encoding: 'utf8', timeout: 50_000 });
      expect(run.stderr).toBe('');
      const result = graderResultSchema.parse(JSON.parse(run.stdout));
      expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
      expect(run.status).toBe(0);
      expect(leftoverProcesses(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
