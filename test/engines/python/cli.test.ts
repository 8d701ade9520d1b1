// The command lines of course-wsgi and course-asgi as a lab or a learner meets them: usage
// errors, a broken app, a failed startup, and the bundled files serving from a work folder
// with the Pyodide runtime beside them, stopped by SIGTERM.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pyodideRuntimeFiles } from '../../../labs/engines/python/pyodide-files.ts';
import { bundleDir, refreshBundles } from '../../../scripts/bundle.ts';
import { exchange } from './harness/raw-http.ts';
import { fixtureApps } from './harness/servers.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const broken = join(repo, 'test/fixtures/python/broken');
const wsgiCli = join(repo, 'labs/engines/wsgi/cli.ts');
const asgiCli = join(repo, 'labs/engines/asgi/cli.ts');
const bootTimeout = 180_000;

interface Run {
  code: number | null;
  output: string;
}

/** Runs a command to its end, or until `whenOutput` appears, then SIGTERM and waits for the exit. */
function run(args: string[], cwd: string, whenOutput?: { text: string; then: () => Promise<void> }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let triggered = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      if (whenOutput && !triggered && output.includes(whenOutput.text)) {
        triggered = true;
        whenOutput.then().finally(() => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('course-wsgi and course-asgi command lines', () => {
  it('refuses an unknown flag with exit 2, naming it', async () => {
    const result = await run([wsgiCli, 'app:application', '--threads', '4'], fixtureApps);
    expect(result.code).toBe(2);
    expect(result.output).toContain('unrecognized argument: --threads');
  });

  it('refuses more than one worker and says why', async () => {
    const result = await run([wsgiCli, 'app:application', '-w', '4'], fixtureApps);
    expect(result.code).toBe(2);
    expect(result.output).toContain('exactly one worker');
  });

  it('asks for the APP argument the way uvicorn does', async () => {
    const result = await run([asgiCli, '--port', '23301'], fixtureApps);
    expect(result.code).toBe(2);
    expect(result.output).toContain("Missing argument 'APP'");
  });

  it('stops with exit 1 and names the folder when the Pyodide files are missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-pyodide-'));
    const result = await run([wsgiCli, 'wsgi_app:application', '--pyodide', empty, '-b', '127.0.0.1:23302'], fixtureApps);
    rmSync(empty, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`the Pyodide folder ${empty} lacks pyodide.mjs`);
  });
});

describe('a broken application', () => {
  it('stops the server with exit 3 and the traceback when the module raises while importing, as Gunicorn does', async () => {
    const result = await run([wsgiCli, 'raises_on_import:application', '-b', '127.0.0.1:23304'], broken);
    expect(result.code).toBe(3);
    expect(result.output).toContain(`File "${broken}/raises_on_import.py", line 3`);
    expect(result.output).toContain("KeyError: 'port'");
    expect(result.output).toContain('Reason: Worker failed to boot.');
  }, bootTimeout);
});

describe.concurrent('the bundled servers in a lab work folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'python-engine-work-'));
  refreshBundles(['engines/wsgi.mjs', 'engines/asgi.mjs', ...pyodideRuntimeFiles.map((f) => `pyodide/${f}`)]);
  copyFileSync(join(bundleDir, 'engines/wsgi.mjs'), join(work, 'course-wsgi.mjs'));
  copyFileSync(join(bundleDir, 'engines/asgi.mjs'), join(work, 'course-asgi.mjs'));
  mkdirSync(join(work, 'pyodide'));
  for (const file of pyodideRuntimeFiles) copyFileSync(join(bundleDir, 'pyodide', file), join(work, 'pyodide', file));
  for (const app of ['wsgi_app.py', 'asgi_app.py']) copyFileSync(join(fixtureApps, app), join(work, app));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('course-wsgi.mjs serves the app and stops on SIGTERM with Gunicorn\'s lines and exit 0', async () => {
    let body = '';
    const result = await run(['course-wsgi.mjs', 'wsgi_app:application', '-b', '127.0.0.1:23306'], work, {
      text: 'Listening at: http://127.0.0.1:23306',
      then: async () => void (body = (await exchange(23306, { method: 'GET', target: '/' })).body.toString()),
    });
    expect(body).toBe('hello from WSGI\n');
    expect(result.output).toContain('Handling signal: term');
    expect(result.output).toContain('Shutting down: Master');
    expect(result.code).toBe(0);
  }, bootTimeout);

  it('course-asgi.mjs runs lifespan startup, serves, and runs lifespan shutdown on SIGTERM', async () => {
    let body = '';
    const result = await run(['course-asgi.mjs', 'asgi_app:app', '--port', '23307'], work, {
      text: 'running on http://127.0.0.1:23307',
      then: async () => void (body = (await exchange(23307, { method: 'GET', target: '/started' })).body.toString()),
    });
    expect(body).toBe('{"started": true}');
    expect(result.output).toContain('INFO:     Application startup complete.');
    expect(result.output).toContain('INFO:     Application shutdown complete.');
    expect(result.output).toContain(`INFO:     Finished server process`);
    expect(result.code).toBe(0);
  }, bootTimeout);
});
