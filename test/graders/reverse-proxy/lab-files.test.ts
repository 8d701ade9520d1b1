// The course proxy the lab ships read-only (course-nginx.mjs) is a build of the engine; these
// tests keep the committed copies equal to a fresh build and show that the lab's start command
// tests and serves the starter's nginx.conf with that file alone.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { engineFile, freshEngine, labRoot, programFolders } from '../../../labs/reverse-proxy/services/build-lab-files.ts';
import { readManifest } from '../../../graders/kit/manifest-file.ts';
import { tryConnect } from '../../../graders/kit/process/port-probe.ts';
import { copyProgram, labDir } from '../../../scripts/lab/lab-folders.ts';
import { freePortTriple, labId, movePorts } from './grade-reverse-proxy.ts';

describe('the reverse-proxy lab files', () => {
  test.each(programFolders)('%s/course-nginx.mjs is a fresh build of the course proxy', { timeout: 30_000 }, async (folder) => {
    const fresh = await freshEngine();
    expect(readFileSync(join(labRoot, folder, engineFile), 'utf8') === fresh, `labs/reverse-proxy/${folder}/${engineFile} is stale; run: node labs/reverse-proxy/services/build-lab-files.ts`).toBe(true);
  });

  test('starter and solution ship every file the manifest lists, and the same public/ and mime.types', () => {
    const manifest = readManifest(labDir(labId));
    for (const folder of programFolders) {
      for (const file of [...manifest.files.editable, ...manifest.files.readonly]) expect(() => readFileSync(join(labRoot, folder, file)), `${folder}/${file}`).not.toThrow();
    }
    for (const file of manifest.files.readonly) expect(readFileSync(join(labRoot, 'starter', file)).equals(readFileSync(join(labRoot, 'solution', file))), file).toBe(true);
  });

  test('the start command with -t accepts the starter and the solution as nginx -t would', () => {
    const manifest = readManifest(labDir(labId));
    for (const folder of programFolders) {
      const run = spawnSync(process.execPath, [...manifest.start.args, '-t'], { cwd: join(labRoot, folder), encoding: 'utf8' });
      expect(run.stderr).toBe('nginx: the configuration file ./nginx.conf syntax is ok\nnginx: configuration file ./nginx.conf test is successful\n');
      expect(run.status).toBe(0);
    }
  });

  test('the start command serves the starter config on its port until it is stopped', { timeout: 20_000 }, async () => {
    const manifest = readManifest(labDir(labId));
    const dir = copyProgram(labId, { kind: 'starter' });
    const port = await freePortTriple();
    movePorts(dir, port);
    const child = spawn(process.execPath, manifest.start.args, { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let connected = false;
      for (let i = 0; i < 100 && !connected; i += 1) {
        connected = (await tryConnect('127.0.0.1', port, 200)).ok;
        if (!connected) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(connected).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
