// Resolves everything the arbiter runs with, in Gunicorn's order of precedence: defaults, then
// the config file, then command-line flags (https://docs.gunicorn.org/en/20.1.0/configure.html).
// The machine file comes first because `multiprocessing.cpu_count()` answers with its cores.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliOptions } from './cli-args.ts';
import { readConfSource } from './conf-file.ts';
import { ConfError } from './conf-error.ts';
import { loadMachine, MachineFileError } from './machine-file.ts';
import type { Machine } from './machine-schema.ts';
import { defaultSettings, type Settings } from './settings.ts';

export interface ResolvedConfig {
  settings: Settings;
  machine: Machine;
  /** The config file read, if any. */
  configFile: string | undefined;
}

/** A startup failure, printed as `Error: <message>` with exit status 1. */
export class StartupError extends Error {}

export function resolveConfig(opts: CliOptions, cwd: string, env: NodeJS.ProcessEnv): ResolvedConfig {
  let machine: Machine;
  try {
    machine = loadMachine(resolve(cwd, opts.machineFile ?? 'machine.json'));
  } catch (error) {
    if (error instanceof MachineFileError) throw new StartupError(error.message);
    throw error;
  }
  const settings = defaultSettings(env);
  const named = opts.configFile;
  const configFile = named !== undefined ? resolve(cwd, named) : existsSync(resolve(cwd, 'gunicorn.conf.py')) ? resolve(cwd, 'gunicorn.conf.py') : undefined;
  if (configFile !== undefined) {
    if (!existsSync(configFile)) throw new StartupError(`'${named}' doesn't exist`);
    try {
      Object.assign(settings, readConfSource(readFileSync(configFile, 'utf8'), machine.cores).values);
    } catch (error) {
      if (error instanceof ConfError) throw new StartupError(error.format(named ?? 'gunicorn.conf.py'));
      throw error;
    }
  }
  Object.assign(settings, opts.overrides);
  return { settings, machine, configFile };
}

/** --print-config: every course setting, sorted, padded as Gunicorn pads them. */
export function formatSettings(settings: Settings): string[] {
  const show = (v: unknown) => (Array.isArray(v) ? `[${v.map((s) => `'${s}'`).join(', ')}]` : String(v));
  return Object.keys(settings)
    .sort()
    .map((name) => `${name.padEnd(33)} = ${show(settings[name as keyof Settings])}`);
}
