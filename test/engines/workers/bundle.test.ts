// Labs run the engine as one file on the WebContainer's Node: it must need nothing but Node's
// built-ins, and it must start as a command in the bundled form.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineBundle } from './support/engine-bundle.ts';

describe('the course-gunicorn bundle', () => {
  it('imports only node: built-ins', { timeout: 30_000 }, async () => {
    const source = readFileSync(await engineBundle(), 'utf8');
    const specifiers = [...source.matchAll(/^import\s[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s!.startsWith('node:'))).toEqual([]);
  });

  it('prints its version as a command', { timeout: 30_000 }, async () => {
    const run = spawnSync(process.execPath, [await engineBundle(), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gunicorn \(version 20\.1\.0\)/);
  });
});
