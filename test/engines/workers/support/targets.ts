// The two servers under comparison: Debian's Gunicorn 20.1 running the WSGI twin, and
// course-gunicorn running the course app, both on loopback in the fixture folder.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineBundle } from './engine-bundle.ts';
import { startServer, type ServerRun } from './server-process.ts';

export const gunicornBinary = process.env.GUNICORN_BINARY ?? '/usr/bin/gunicorn';
export const gunicornAvailable = (): boolean => existsSync(gunicornBinary);
export const appFolder = fileURLToPath(new URL('../../../fixtures/workers/app/', import.meta.url));
export const brokenAppFolder = fileURLToPath(new URL('../../../fixtures/workers/broken-app/', import.meta.url));

export type Target = 'gunicorn' | 'course';

/** Starts one target with Gunicorn flags (the same for both) on 127.0.0.1:port. */
export async function startTarget(target: Target, port: number, flags: string[], folder = appFolder, env: NodeJS.ProcessEnv = {}): Promise<ServerRun> {
  const args = [...flags, '-b', `127.0.0.1:${port}`];
  if (target === 'gunicorn') return startServer(gunicornBinary, [...args, 'wsgi_app:application'], folder, port, env);
  return startServer(process.execPath, [await engineBundle(), ...args, 'app:app'], folder, port, env);
}

/** A log line with its timestamp and pids replaced, so two runs can be compared by shape. */
export function lineShape(line: string): string {
  return line
    .replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\]/, '[TIME] [PID]')
    .replace(/pid:? ?\d+/g, (m) => m.replace(/\d+/, 'N'))
    .replace(/\(\d+\)$/, '(N)')
    .replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT');
}

/** The Gunicorn-format lines of a run (course-only lines and tracebacks dropped), as shapes. */
export function logShapes(lines: string[]): string[] {
  return lines.filter((l) => /^\[\d{4}-/.test(l)).map(lineShape);
}
