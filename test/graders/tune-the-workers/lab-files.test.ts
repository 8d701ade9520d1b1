import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { machine } from '../../../graders/tune-the-workers/lab-settings.ts';
import { copyProgram, labDir, mutants } from '../../../scripts/lab/lab-folders.ts';
import { labId } from './grade-tune-the-workers.ts';

const lab = labDir(labId);
const read = (folder: string, file: string) => readFileSync(join(lab, folder, file), 'utf8');

describe('the tune-the-workers lab files', () => {
  test('give the learner one file to edit, and the same read-only app and machine in starter and solution', () => {
    const manifest = readManifest(lab);
    expect(manifest.files.editable).toEqual(['gunicorn.conf.py']);
    for (const file of manifest.files.readonly) expect(read('starter', file)).toBe(read('solution', file));
    expect(JSON.parse(read('solution', 'machine.json'))).toEqual(machine);
  });

  test('never commit the engine: the course provides course-gunicorn.mjs from its bundle', () => {
    const manifest = readManifest(lab);
    expect(manifest.files.provided).toEqual({ 'course-gunicorn.mjs': 'engines/workers.mjs' });
    expect(manifest.start.args.slice(0, 1)).toEqual(['course-gunicorn.mjs']);
    for (const folder of ['starter', 'solution']) expect(existsSync(join(lab, folder, 'course-gunicorn.mjs'))).toBe(false);
    const dir = copyProgram(labId, { kind: 'starter' });
    expect(readdirSync(dir).sort()).toEqual(['app.mjs', 'course-gunicorn.mjs', 'gunicorn.conf.py', 'machine.json']);
  });

  test('start from Gunicorn\'s defaults in the starter, so the learner tunes every setting', () => {
    const starter = read('starter', 'gunicorn.conf.py');
    for (const line of ['workers = 1', 'threads = 1', 'timeout = 30', 'max_requests = 0', 'max_requests_jitter = 0']) expect(starter).toContain(`\n${line}\n`);
    expect(starter).not.toMatch(/^bind\s*=/m);
  });

  test('have mutants that each change only gunicorn.conf.py', () => {
    for (const mutant of mutants(labId)) {
      expect(mutant.edits.length, mutant.name).toBeGreaterThan(0);
      expect(mutant.edits.every((edit) => edit.file === 'gunicorn.conf.py'), mutant.name).toBe(true);
      expect(readdirSync(mutant.dir), mutant.name).toEqual(['mutant.json']);
    }
  });
});
