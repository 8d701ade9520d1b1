// The files the lab provides read-only next to the learner's app.py and asgi_app.py (manifest
// files.provided) are built from their sources; these tests show that they reach the program
// folder and that the start command, as Run uses it, serves both parts side by side.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { canListen, freePort, tryConnect } from '../../../graders/kit/process/port-probe.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { labId } from './grade-wsgi-then-asgi.ts';

interface Launched {
  output: () => string;
  exit: Promise<number | null>;
  stop: () => void;
}

function launch(dir: string, env: Record<string, string>): Launched {
  const child = spawn(process.execPath, readManifest(labDir(labId)).start.args, { cwd: dir, env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => output, exit, stop: () => child.kill('SIGTERM') };
}

async function listening(port: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if ((await tryConnect('127.0.0.1', port, 250)).ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('the read-only files of the wsgi-then-asgi lab', () => {
  test('are provided from their builds, not committed next to the learner files, with the two Python files the only ones to edit', () => {
    const manifest = readManifest(labDir(labId));
    expect(manifest.files.editable).toEqual(['app.py', 'asgi_app.py']);
    expect(manifest.files.provided).toMatchObject({ 'launch.mjs': 'labs/wsgi-then-asgi/launch.mjs', 'course-wsgi.mjs': 'engines/wsgi.mjs', 'course-asgi.mjs': 'engines/asgi.mjs' });
    for (const folder of ['starter', 'solution']) {
      for (const name of Object.keys(manifest.files.provided)) expect(existsSync(join(labDir(labId), folder, name)), `${folder}/${name}`).toBe(false);
    }
    const dir = copyProgram(labId, { kind: 'starter' });
    try {
      expect(readFileSync(join(dir, 'launch.mjs'), 'utf8')).toContain('built from labs/wsgi-then-asgi/provided/launch.ts');
      for (const name of Object.keys(manifest.files.provided)) expect(existsSync(join(dir, name)), name).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses an unknown LAB_SERVE with a message that lists the choices', { timeout: 20_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'starter' });
    try {
      const started = launch(dir, { PORT: '8000', LAB_SERVE: 'gunicorn' });
      expect(await started.exit).toBe(2);
      expect(started.output()).toContain('LAB_SERVE to be wsgi, asgi or both');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('serves app.py on PORT and asgi_app.py on PORT + 1 when run without LAB_SERVE, as Run does, and stops both on SIGTERM', { timeout: 90_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    let port = await freePort();
    // Run puts part 2 on PORT + 1, so that port must be free too.
    while (!(await canListen('127.0.0.1', port + 1))) port = await freePort();
    const started = launch(dir, { PORT: String(port) });
    try {
      expect(await listening(port, 60_000), started.output()).toBe(true);
      expect(await listening(port + 1, 60_000), started.output()).toBe(true);
      const wsgi = await fetch(`http://127.0.0.1:${port}/hello?name=Ada`);
      const asgi = await fetch(`http://127.0.0.1:${port + 1}/health`);
      expect([wsgi.status, wsgi.headers.get('server'), await wsgi.json()]).toEqual([200, 'course-wsgi', { greeting: 'Hello, Ada!' }]);
      expect([asgi.status, asgi.headers.get('server')]).toEqual([200, 'course-asgi']);
      expect(started.output()).toContain('[wsgi] ');
      expect(started.output()).toContain('[asgi] ');
    } finally {
      started.stop();
      expect(await started.exit).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await tryConnect('127.0.0.1', port, 250)).ok).toBe(false);
    expect((await tryConnect('127.0.0.1', port + 1, 250)).ok).toBe(false);
  });
});
