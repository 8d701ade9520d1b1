// The files the lab provides read-only next to the learner's server.js (manifest
// files.provided) are built from their sources; these tests show that they reach the program
// folder, and that the start command, with no CACHE_URL, brings up the whole practice setup:
// a cache, three instances and the course proxy in front of them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { freeServicePort } from '../../../graders/kit/process/service-port.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { canListen } from '../../../graders/kit/process/port-probe.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';
import { labId } from './grade-make-it-stateless.ts';

interface Started {
  output: () => string;
  /** SIGTERM, as Ctrl-C or the runner would send. */
  stop: () => Promise<void>;
  /** SIGKILL: the launcher gets no chance to stop its instances. */
  kill: () => Promise<void>;
}

/** A port for the proxy whose next three ports are free for the instances too. */
async function clusterPort(): Promise<number> {
  for (;;) {
    const port = await freeServicePort();
    const free = await Promise.all([1, 2, 3].map((offset) => canListen('127.0.0.1', port + offset)));
    if (free.every(Boolean)) return port;
  }
}

/** Runs the lab's start command in a folder, without CACHE_URL, until the proxy is up. */
async function startLauncher(dir: string, port: number): Promise<Started> {
  const manifest = readManifest(labDir(labId));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['CACHE_URL', 'SESSION_TTL_SECONDS', 'INSTANCE_NAME'].includes(name)));
  const child = spawn(process.execPath, manifest.start.args, { cwd: dir, env: { ...clean, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('[launch] try:')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the launcher exited with code ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`the launcher did not start within 15 s:\n${output}`)), 15_000).unref();
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { output: () => output, stop, kill };
}

/** Logs in through the proxy, then asks /me `times` times; the statuses and the instances that answered. */
async function loginAndAsk(port: number, times: number): Promise<{ statuses: number[]; upstreams: string[] }> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'ada' }) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const statuses: number[] = [];
  const upstreams: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const me = await fetch(`${base}/me`, { headers: { Cookie: cookie } });
    statuses.push(me.status);
    upstreams.push(me.headers.get('x-upstream') ?? '');
    await me.body?.cancel();
  }
  return { statuses, upstreams };
}

describe('the read-only files of the make-it-stateless lab', () => {
  test('are provided from their builds, not committed next to the learner files, with server.js the only file to edit', () => {
    const manifest = readManifest(labDir(labId));
    expect(manifest.files.editable).toEqual(['server.js']);
    expect(Object.keys(manifest.files.provided).sort()).toEqual(['cache-client.mjs', 'launch.mjs']);
    for (const folder of ['starter', 'solution']) {
      for (const name of Object.keys(manifest.files.provided)) expect(existsSync(join(labDir(labId), folder, name)), `${folder}/${name}`).toBe(false);
    }
    const dir = copyProgram(labId, { kind: 'starter' });
    try {
      expect(readFileSync(join(dir, 'launch.mjs'), 'utf8')).toContain('built from labs/make-it-stateless/provided/launch.ts');
      expect(readFileSync(join(dir, 'cache-client.mjs'), 'utf8')).toContain('built from labs/engines/redis/client.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('start a cache, three instances of the solution and the proxy, where a login holds on every instance and nothing outlives the launcher', { timeout: 40_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const port = await clusterPort();
    const launcher = await startLauncher(dir, port);
    try {
      const { statuses, upstreams } = await loginAndAsk(port, 6);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(upstreams)).toEqual(new Set([1, 2, 3].map((offset) => `127.0.0.1:${port + offset}`)));
      expect(launcher.output()).toMatch(/\[launch\] practice cache at redis:\/\/127\.0\.0\.1:\d+/);
      expect(launcher.output()).toContain(`[app-2] app-2 on http://127.0.0.1:${port + 2}`);
      expect(launcher.output()).toContain('upstream app {');
    } finally {
      await launcher.stop();
    }
    try {
      expect(leftoverProcesses(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('take the instances down with the launcher even when it is killed outright', { timeout: 40_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'solution' });
    const port = await clusterPort();
    const launcher = await startLauncher(dir, port);
    await launcher.kill();
    try {
      for (let waited = 0; leftoverProcesses(dir).length > 0 && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(leftoverProcesses(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('show the starter logging its user out on the next request, which another instance serves', { timeout: 40_000 }, async () => {
    const dir = copyProgram(labId, { kind: 'starter' });
    const port = await clusterPort();
    const launcher = await startLauncher(dir, port);
    try {
      const { statuses } = await loginAndAsk(port, 3);
      // Round robin: the login went to one instance, so exactly one of the next three knows it.
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 401)).toHaveLength(2);
    } finally {
      await launcher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
