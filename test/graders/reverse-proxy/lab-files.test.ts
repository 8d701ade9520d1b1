// The course proxy the lab provides read-only (course-nginx.mjs, manifest `files.provided`) is the
// engine bundle, and the start command (launch.mjs, provided too) runs it next to the practice
// apps; these tests show that the proxy tests the starter's and solution's nginx.conf as nginx -t
// does, and that the start command alone gives a working setup.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { tryConnect } from '../../../graders/kit/process/port-probe.ts';
import { HttpClient } from '../../../graders/kit/http/http-client.ts';
import { Transcript } from '../../../graders/kit/http/transcript.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { freePortTriple, labId, movePorts } from './grade-reverse-proxy.ts';

const labRoot = labDir(labId);
const programFolders = ['starter', 'solution'] as const;

describe('the reverse-proxy lab files', () => {
  test('the course proxy is provided from the engine bundle, not committed next to the learner files', () => {
    const manifest = readManifest(labDir(labId));
    expect(manifest.files.provided).toEqual({ 'course-nginx.mjs': 'engines/nginx.mjs', 'launch.mjs': 'labs/reverse-proxy/launch.mjs' });
    for (const folder of programFolders) expect(existsSync(join(labRoot, folder, 'course-nginx.mjs')), `${folder}/course-nginx.mjs`).toBe(false);
    const dir = copyProgram(labId, { kind: 'starter' });
    try {
      expect(readFileSync(join(dir, 'course-nginx.mjs'), 'utf8')).toContain('built from labs/engines/nginx/cli.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('starter and solution ship every file the manifest lists, and the same public/ and mime.types', () => {
    const manifest = readManifest(labDir(labId));
    for (const folder of programFolders) {
      for (const file of [...manifest.files.editable, ...manifest.files.readonly]) expect(() => readFileSync(join(labRoot, folder, file)), `${folder}/${file}`).not.toThrow();
    }
    for (const file of manifest.files.readonly) expect(readFileSync(join(labRoot, 'starter', file)).equals(readFileSync(join(labRoot, 'solution', file))), file).toBe(true);
  });

  test('the course proxy with -t accepts the starter and the solution as nginx -t would', () => {
    for (const folder of programFolders) {
      const dir = copyProgram(labId, { kind: folder });
      try {
        const run = spawnSync(process.execPath, ['course-nginx.mjs', '-p', './', '-c', 'nginx.conf', '-t'], { cwd: dir, encoding: 'utf8' });
        expect(run.stderr).toBe('nginx: the configuration file ./nginx.conf syntax is ok\nnginx: configuration file ./nginx.conf test is successful\n');
        expect(run.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('the start command alone starts the practice apps and serves the solution in front of them, and stops them with itself', { timeout: 20_000 }, async () => {
    const manifest = readManifest(labDir(labId));
    const dir = copyProgram(labId, { kind: 'solution' });
    const port = await freePortTriple();
    movePorts(dir, port);
    const start = (args: string[]) => {
      const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, PORT: String(port) } });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return async () => {
        child.kill('SIGTERM');
        await exited;
      };
    };
    const stop = start(manifest.start.args);
    try {
      for (const listening of [port, port + 1, port + 2]) {
        let connected = false;
        for (let i = 0; i < 100 && !connected; i += 1) {
          connected = (await tryConnect('127.0.0.1', listening, 200)).ok;
          if (!connected) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(connected, `nothing listens on ${listening}`).toBe(true);
      }
      const http = new HttpClient({ host: '127.0.0.1', port, transcript: new Transcript() });
      const answers = [await http.get('/api/products'), await http.get('/api/products')].map((response) => JSON.parse(response.body.toString('utf8')) as { instance: string; path: string; headers: Record<string, string> });
      expect(answers.map((answer) => answer.instance).sort()).toEqual(['app-1', 'app-2']);
      expect(answers[0]).toMatchObject({ path: '/api/products', headers: { 'x-real-ip': '127.0.0.1', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' } });
      await stop();
      for (const listening of [port, port + 1, port + 2]) expect((await tryConnect('127.0.0.1', listening, 200)).ok, `still listening on ${listening}`).toBe(false);
    } finally {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
