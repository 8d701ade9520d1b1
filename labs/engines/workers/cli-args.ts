// Reads the command line the way Gunicorn's argparse parser does: `-w 4`, `-w4`,
// `--workers 4`, `--workers=4`, repeatable `-b`, one positional APP_MODULE.
// https://docs.gunicorn.org/en/20.1.0/run.html#commonly-used-arguments
import { positiveInt, settingSpecs, SettingValueError, workerClass, type SettingName, type Settings, type SettingSpec } from './settings.ts';

export interface CliOptions {
  configFile?: string;
  machineFile?: string;
  checkConfig: boolean;
  printConfig: boolean;
  version: boolean;
  help: boolean;
  app?: string;
  /** Settings given as flags; they override the config file. */
  overrides: Partial<Settings>;
}

export const usageLine = 'usage: course-gunicorn [OPTIONS] [APP_MODULE]';

export const usage = `${usageLine}

The course's worker pool: Gunicorn 20.1's arbiter on a modelled machine.

  -c, --config FILE            gunicorn.conf.py to read (default ./gunicorn.conf.py if present)
  --machine FILE               the modelled box and endpoint costs (default ./machine.json)
  -b, --bind ADDRESS           HOST:PORT to listen on; repeatable (default 127.0.0.1:8000)
  -w, --workers INT            worker processes (default 1, or $WEB_CONCURRENCY)
  -k, --worker-class STRING    sync or gthread (default sync)
  --threads INT                threads per worker; above 1 a sync worker becomes gthread
  --worker-connections INT     open connections per gthread worker (default 1000)
  -t, --timeout INT            seconds of silence before a worker is killed (default 30, 0 = never)
  --graceful-timeout INT       seconds workers get to finish on SIGTERM (default 30)
  --max-requests INT           requests before a worker is recycled (default 0 = never)
  --max-requests-jitter INT    random 0..N added to max-requests per worker (default 0)
  --backlog INT                connections waiting for a worker before new ones are refused (default 2048)
  --keep-alive INT             seconds a gthread worker keeps an idle connection (default 2)
  --check-config               check the config, machine and app, then exit
  --print-config               print the resolved settings, then exit
  -v, --version                print the version
  -h, --help                   print this help

APP_MODULE is MODULE:VARIABLE; MODULE.mjs (or .js) in the current folder exports VARIABLE
(default "application"), an object of "METHOD /path": handler. See labs/engines/workers/README.md.`;

/** argparse's failure: printed after the usage line, exit status 2. */
export class CliUsageError extends Error {}

function flagLabel(spec: SettingSpec): string {
  return spec.flags.join('/');
}

function settingFromFlag(spec: SettingSpec, text: string): Settings[SettingName] {
  if (spec.kind === 'list') return [text.trim()];
  try {
    if (spec.kind === 'class') return workerClass({ type: 'str', value: text });
    if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) throw new CliUsageError(`argument ${flagLabel(spec)}: invalid int value: '${text}'`);
    return positiveInt({ type: 'int', value: Number(text.replace(/_/g, '')) });
  } catch (error) {
    if (error instanceof SettingValueError) throw new CliUsageError(`argument ${flagLabel(spec)}: ${error.message}`);
    throw error;
  }
}

const booleanFlags: Record<string, 'checkConfig' | 'printConfig' | 'version' | 'help'> = {
  '--check-config': 'checkConfig',
  '--print-config': 'printConfig',
  '-v': 'version',
  '--version': 'version',
  '-h': 'help',
  '--help': 'help',
};

const valueFlags: Record<string, 'configFile' | 'machineFile'> = { '-c': 'configFile', '--config': 'configFile', '--machine': 'machineFile' };

export function parseCliArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { checkConfig: false, printConfig: false, version: false, help: false, overrides: {} };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const bool = booleanFlags[arg];
    if (bool) {
      opts[bool] = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const isShortJoined = !arg.startsWith('--') && arg.length > 2;
    const flag = eq > 0 ? arg.slice(0, eq) : isShortJoined ? arg.slice(0, 2) : arg;
    const spec = settingSpecs.find((s) => s.flags.includes(flag));
    const fileKey = valueFlags[flag];
    if (!spec && !fileKey) throw new CliUsageError(`unrecognized arguments: ${arg}`);
    const label = spec ? flagLabel(spec) : flag;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (isShortJoined) value = arg.slice(2);
    else value = argv[++i];
    if (value === undefined) throw new CliUsageError(`argument ${label}: expected one argument`);
    if (fileKey) {
      opts[fileKey] = value;
      continue;
    }
    const parsed = settingFromFlag(spec!, value);
    const overrides = opts.overrides as Record<string, unknown>;
    overrides[spec!.name] = spec!.kind === 'list' ? [...((overrides[spec!.name] as string[] | undefined) ?? []), ...(parsed as string[])] : parsed;
  }
  if (positionals.length > 1) throw new CliUsageError(`unrecognized arguments: ${positionals.slice(1).join(' ')}`);
  if (positionals[0] !== undefined) opts.app = positionals[0];
  return opts;
}
