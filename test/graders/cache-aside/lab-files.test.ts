// The files the lab provides read-only next to the learner's server.js (manifest
// files.provided) are built from their sources; these tests show that they reach the program
// folder, and that the start command brings its own practice database and cache when none is
// configured.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ProductDatabase } from '../../../labs/cache-aside/services/product-database.ts';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { labId } from './grade-cache-aside.ts';

interface Started {
  output: () => string;
  stop: () => Promise<void>;
}

/** Runs the lab's start command in a folder until the API says it listens. */
async function startApi(dir: string, port: number, env: Record<string, string> = {}): Promise<Started> {
  const manifest = readManifest(labDir(labId));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'CACHE_URL', 'CACHE_TTL_SECONDS', 'NEGATIVE_TTL_SECONDS'].includes(name)));
  const child = spawn(process.execPath, manifest.start.args, { cwd: dir, env: { ...clean, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Product API on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the API exited with code ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`the API did not start within 10 s:\n${output}`)), 10_000).unref();
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { output: () => output, stop };
}

describe('the read-only files of the cache-aside lab', () => {
  test('are provided from their builds, not committed next to the learner files, with server.js the only file to edit', () => {
    const manifest = readManifest(labDir(labId));
    expect(manifest.files.editable).toEqual(['server.js']);
    expect(Object.keys(manifest.files.provided).sort()).toEqual(['cache-client.mjs', 'launch.mjs']);
    for (const folder of ['starter', 'solution']) {
      for (const name of Object.keys(manifest.files.provided)) expect(existsSync(join(labDir(labId), folder, name)), `${folder}/${name}`).toBe(false);
    }
    const dir = copyProgram(labId, { kind: 'starter' });
    try {
      expect(readFileSync(join(dir, 'launch.mjs'), 'utf8')).toContain('built from labs/cache-aside/provided/launch.ts');
      expect(readFileSync(join(dir, 'cache-client.mjs'), 'utf8')).toContain('built from labs/engines/redis/client.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('start the starter with a practice database and cache when none is configured', { timeout: 30_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'starter' });
    const port = await freeServicePort();
    const api = await startApi(dir, port);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/products/1`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: 1, name: 'Walnut desk lamp', price: 48.5 });
      expect(api.output()).toMatch(/\[launch\] practice database at http:\/\/127\.0\.0\.1:\d+/);
      expect(api.output()).toMatch(/\[launch\] practice cache at redis:\/\/127\.0\.0\.1:\d+/);
    } finally {
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('start no practice database when DATABASE_URL points at one', { timeout: 30_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const database = await ProductDatabase.start({ products: [{ id: 5, name: 'Felt coaster', price: 3 }] });
    const port = await freeServicePort();
    const api = await startApi(dir, port, { DATABASE_URL: database.url });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/products/5`);
      expect(await response.json()).toEqual({ id: 5, name: 'Felt coaster', price: 3 });
      expect(database.reads(5)).toBe(1);
      expect(api.output()).not.toContain('practice database');
      expect(api.output()).toContain('practice cache');
    } finally {
      await api.stop();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
