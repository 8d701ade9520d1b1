#!/usr/bin/env node
// course-gunicorn: the course's worker pool, started like Gunicorn.
//   course-gunicorn [-c gunicorn.conf.py] [-w N] [--threads N] [-t S] [-b HOST:PORT] APP_MODULE
// This file is also every worker: the master forks it again with COURSE_GUNICORN_ROLE=worker.
// Each role imports only its own modules, so a worker boots without the config reader.
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configVariable, roleVariable, type WorkerConfig } from './ipc-messages.ts';
import type { CliIo } from './run-cli.ts';

/** This module's own file — the bundle once bundled — which is what workers run. */
const entryFile = fileURLToPath(import.meta.url);

export interface CliOverrides {
  io?: CliIo;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signals?: NodeJS.EventEmitter;
}

/** Runs the command; resolves with the exit status (after shutdown when serving). */
export async function runCli(argv: string[], overrides: CliOverrides = {}): Promise<number> {
  const { runMaster, processContext } = await import('./run-cli.ts');
  return runMaster(argv, { ...processContext(entryFile), ...overrides });
}

function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (process.env[roleVariable] === 'worker') {
  const { runWorker } = await import('./worker-main.ts');
  await runWorker(JSON.parse(process.env[configVariable] ?? '{}') as WorkerConfig);
} else if (invokedDirectly()) {
  process.exit(await runCli(process.argv.slice(2)));
}
