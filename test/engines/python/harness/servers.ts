// Starts the servers under comparison as child processes, each in its own process group so
// teardown reaches everything it started: course-wsgi/course-asgi from the repository's
// sources, and Debian's gunicorn (one sync worker) and uvicorn on the same fixture folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixtureApps = `${repo}test/fixtures/python/apps`;
export const gunicornBinary = process.env.GUNICORN_BINARY ?? '/usr/bin/gunicorn';
export const uvicornBinary = process.env.UVICORN_BINARY ?? '/usr/bin/uvicorn';
export const realServerAvailable = (binary: string) => existsSync(binary);

export interface RunningServer {
  port: number;
  output(): string;
  stop(): Promise<number | null>;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Spawns `command` and waits until `port` accepts connections (or the process exits). */
export async function startServer(command: string, args: string[], port: number, timeoutMs = 120_000): Promise<RunningServer> {
  if (await portOpen(port)) throw new Error(`port ${port} is already taken: another run of this suite is still going, or another program uses it`);
  const child: ChildProcess = spawn(command, args, { cwd: fixtureApps, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: RunningServer = {
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-(child.pid as number), 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode} before listening on ${port}:\n${output}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${command} ${args.join(' ')} did not listen on ${port} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return server;
}

const node = process.execPath;
export const startCourseWsgi = (port: number, extra: string[] = []) => startServer(node, [`${repo}labs/engines/wsgi/cli.ts`, 'wsgi_app:application', '-b', `127.0.0.1:${port}`, ...extra], port);
export const startCourseAsgi = (port: number) => startServer(node, [`${repo}labs/engines/asgi/cli.ts`, 'asgi_app:app', '--port', String(port)], port);
export const startGunicorn = (port: number, extra: string[] = []) => startServer(gunicornBinary, ['-w', '1', '-k', 'sync', '-b', `127.0.0.1:${port}`, ...extra, 'wsgi_app:application'], port);
export const startUvicorn = (port: number) => startServer(uvicornBinary, ['--port', String(port), 'asgi_app:app'], port);
