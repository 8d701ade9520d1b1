import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { InvalidFileError } from '../../../graders/kit/friendly-errors.ts';
import { parseManifest, readManifest } from '../../../graders/kit/manifest-file.ts';
import { labDir, labIds, mutants } from '../../../scripts/lab/lab-folders.ts';

const valid = {
  id: 'demo-lab',
  title: 'Demo',
  chapter: 'web-servers-and-reverse-proxies',
  summary: 'A demo.',
  files: { editable: ['server.js'] },
  start: { command: 'node', args: ['server.js'] },
  ports: [8080],
  checks: [{ slug: 'listens-on-port', title: 'Listens', hint: 'Call listen().' }],
};

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function problems(data: unknown): string[] {
  try {
    parseManifest(data, 'labs/demo-lab/manifest.json');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFileError);
    expect((error as Error).message).toContain('labs/demo-lab/manifest.json is not valid');
    return (error as InvalidFileError).problems;
  }
}

describe('lab manifests', () => {
  test('name the field, what was received and what is expected when invalid', () => {
    expect(problems({ ...valid, checks: [{ ...valid.checks[0], slug: 'Listens On Port' }] })).toEqual([
      'checks[0].slug: a check slug is kebab-case and says what it checks; received "Listens On Port"',
    ]);
    expect(problems({ ...valid, ports: [] })[0]).toMatch(/^ports: .*received \[\]$/);
    expect(problems({ ...valid, title: undefined })[0]).toMatch(/^title: .*received nothing \(the field is missing\)$/);
  });

  test('accept provided files as bundle paths and refuse paths that leave the lab or the bundles', () => {
    expect(problems({ ...valid, files: { editable: ['server.js'], provided: { 'course-nginx.mjs': 'engines/nginx.mjs' } } })).toEqual([]);
    expect(problems({ ...valid, files: { editable: ['server.js'], provided: { '../escape.mjs': 'engines/nginx.mjs' } } })[0]).toMatch(/^files\.provided.*a path inside the lab folder/);
    expect(problems({ ...valid, files: { editable: ['server.js'], provided: { 'course-nginx.mjs': '../secrets/key.mjs' } } })[0]).toMatch(/^files\.provided\.course-nginx\.mjs: a path under public\/bundles\//);
  });

  test('reject unknown fields by name', () => {
    expect(problems({ ...valid, chekcs: [] })).toEqual(['(the whole file): unknown field "chekcs"; remove it or check the spelling']);
  });

  test('must sit in a folder named after their id', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-'));
    made.push(root);
    const dir = join(root, 'other-name');
    mkdirSync(dir);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(valid));
    expect(() => readManifest(dir)).toThrow(/id: "demo-lab" must equal the folder name "other-name"/);
  });

  test('report broken JSON with the file name', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-'));
    made.push(root);
    const dir = join(root, 'demo-lab');
    mkdirSync(dir);
    writeFileSync(join(dir, 'manifest.json'), '{ "id": ');
    expect(() => readManifest(dir)).toThrow(/manifest\.json is not valid:\n {2}- the file is not valid JSON/);
  });

  test.each(labIds())('of lab %s parse, and each of its mutants names one of its checks', (id) => {
    const manifest = readManifest(labDir(id));
    const slugs = manifest.checks.map((check) => check.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const mutant of mutants(id)) expect(slugs).toContain(mutant.fails);
  });
});
