// Mutants written as edits to the solution: applied exactly, refused loudly when the solution
// has moved on, and produced from a full-file mutant by scripts/lab/compact-mutants.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { editsFor } from '../../scripts/lab/compact-mutants.ts';
import { applyMutantEdits } from '../../scripts/lab/mutant-edits.ts';

const solution = [
  "import http from 'node:http';",
  'const ttl = Number(process.env.TTL);',
  'function cacheSet(key, value) {',
  "  return cache.set(key, value, { EX: ttl });",
  '}',
  'function cacheGet(key) {',
  '  return cache.get(key);',
  '}',
  "http.createServer(handle).listen(process.env.PORT);",
  '',
].join('\n');

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function solutionFolder(text = solution): string {
  const folder = mkdtempSync(join(tmpdir(), 'mutant-edits-'));
  folders.push(folder);
  writeFileSync(join(folder, 'server.js'), text);
  return folder;
}

describe('mutant edits', () => {
  test('turn the solution into the mutant', () => {
    const folder = solutionFolder();
    applyMutantEdits(folder, [{ file: 'server.js', find: ', { EX: ttl }', replace: '' }], 'demo/no-ttl');
    expect(readFileSync(join(folder, 'server.js'), 'utf8')).toContain('  return cache.set(key, value);\n');
  });

  test('refuse an edit whose text the solution no longer has, naming the mutant and the file', () => {
    const folder = solutionFolder();
    expect(() => applyMutantEdits(folder, [{ file: 'server.js', find: 'cache.setex(', replace: 'x' }], 'demo/no-ttl')).toThrow(
      /mutant demo\/no-ttl: edit 1 looks for "cache\.setex\(" in server\.js, which occurs 0 times there; the solution changed/,
    );
  });

  test('refuse an edit whose text occurs more than once, since it would be ambiguous', () => {
    const folder = solutionFolder();
    expect(() => applyMutantEdits(folder, [{ file: 'server.js', find: 'return cache.', replace: 'return null && cache.' }], 'demo/x')).toThrow(/occurs 2 times there; quote more/);
  });

  test('refuse an edit of a file the solution does not have', () => {
    const folder = solutionFolder();
    expect(() => applyMutantEdits(folder, [{ file: 'app.py', find: 'x', replace: 'y' }], 'demo/x')).toThrow(/changes app\.py, which the solution does not have/);
  });
});

describe('compacting a full-file mutant', () => {
  test('gives edits that rebuild the mutant exactly, each finding its text once', () => {
    const mutant = solution
      .replace("  return cache.set(key, value, { EX: ttl });\n", '  return cache.set(key, value);\n')
      .replace("http.createServer(handle)", "http.createServer(handle).on('error', () => {})")
      .replace('}\nfunction cacheGet', '}\n\nfunction cacheGet');
    const edits = editsFor('server.js', solution, mutant);
    expect(edits.length).toBeGreaterThan(0);
    const folder = solutionFolder();
    applyMutantEdits(folder, edits, 'demo/compacted');
    expect(readFileSync(join(folder, 'server.js'), 'utf8')).toBe(mutant);
  });

  test('widens an edit with surrounding lines until it is unique', () => {
    const repeated = 'a();\n}\nb();\n}\nc();\n';
    const edits = editsFor('server.js', repeated, 'a();\n}\nb();\n};\nc();\n');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.find.split('\n').length).toBeGreaterThan(2);
    const folder = solutionFolder(repeated);
    applyMutantEdits(folder, edits, 'demo/widened');
    expect(readFileSync(join(folder, 'server.js'), 'utf8')).toBe('a();\n}\nb();\n};\nc();\n');
  });
});
