// course-wsgi's command line: the Gunicorn 20.1 flags that make sense for one sync worker
// (https://docs.gunicorn.org/en/20.1.0/settings.html), with Gunicorn's defaults.
import { gunicornLevels, type GunicornLevel } from './gunicorn-log.ts';
import { lastValue, parseOptions, portNumber, UsageError, type OptionSpec } from './cli-options.ts';

export const wsgiUsage = `usage: course-wsgi [OPTIONS] APP_MODULE

Serves a WSGI application (PEP 3333) with Python on Pyodide, like \`gunicorn APP_MODULE\`
with one sync worker.

  APP_MODULE                 module, module:name or module:factory() (default name: application)
  -b, --bind ADDRESS         HOST:PORT to listen on (default 127.0.0.1:8000, or 0.0.0.0:$PORT)
  --chdir DIR                change to DIR before loading the app
  --access-logfile -         write an access log line per request to stdout
  --log-level LEVEL          debug, info, warning, error or critical (default info)
  -w, --workers 1            only 1: one Python runs one request at a time
  -k, --worker-class sync    only sync
  -t, --timeout INT          abort a request silent for more than INT seconds and restart the
                             worker (default 30; 0 waits forever)
  --pyodide DIR              folder with the Pyodide runtime files (default: found next to this program)
  -v, --version              print the version
  -h, --help                 print this help`;

export interface WsgiOptions {
  app: string;
  binds: { host: string; port: number }[];
  chdir?: string;
  accessLog: boolean;
  logLevel: GunicornLevel;
  pyodideDir?: string;
  /** Gunicorn's --timeout in seconds; 0 disables it. */
  timeout: number;
  help: boolean;
  version: boolean;
}

const specs: OptionSpec[] = [
  { names: ['-b', '--bind'], value: true },
  { names: ['--chdir'], value: true },
  { names: ['--access-logfile'], value: true },
  { names: ['--log-level'], value: true },
  { names: ['-w', '--workers'], value: true },
  { names: ['-k', '--worker-class'], value: true },
  { names: ['-t', '--timeout'], value: true },
  { names: ['--pyodide'], value: true },
  { names: ['-v', '--version'], value: false },
  { names: ['-h', '--help'], value: false },
];

/** Gunicorn's parse_address() for TCP: "host", "host:port", ":port", "[::1]:port". */
export function parseBind(text: string): { host: string; port: number } {
  if (text.startsWith('unix:') || text.startsWith('fd://')) throw new UsageError(`cannot bind ${text}: the course server listens on TCP only (HOST:PORT)`);
  const netloc = text.startsWith('tcp://') ? text.slice(6) : text;
  let host = netloc;
  let port = '8000';
  if (netloc.includes('[') && netloc.includes(']')) [host, port] = [netloc.split(']')[0].slice(1), netloc.split(']:')[1] ?? '8000'];
  else if (netloc.includes(':')) [host, port] = [netloc.split(':')[0], netloc.split(':')[1] || '8000'];
  return { host: host === '' ? '0.0.0.0' : host.toLowerCase(), port: portNumber(port, `in --bind ${text}, the port`) };
}

/** Gunicorn's --timeout: argparse's int(), then validate_pos_int (gunicorn/config.py). */
function timeoutSeconds(text: string | undefined): number {
  if (text === undefined) return 30;
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`argument -t/--timeout: invalid int value: '${text}'`);
  const seconds = Number(text.trim());
  if (seconds < 0) throw new UsageError(`argument -t/--timeout: Value must be positive: ${seconds}`);
  return seconds;
}

export function parseWsgiArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WsgiOptions {
  const parsed = parseOptions(argv, specs);
  const help = parsed.values.has('--help');
  const version = parsed.values.has('--version');
  if (parsed.positionals.length > 1) throw new UsageError(`unrecognized arguments: ${parsed.positionals.slice(1).join(' ')}`);
  const app = parsed.positionals[0];
  if (!app && !help && !version) throw new UsageError('No application module specified. Pass one such as app:application (module app.py, callable application)');
  const workers = lastValue(parsed, '--workers');
  if (workers !== undefined && workers !== '1') throw new UsageError(`--workers ${workers}: the course server runs exactly one worker (one Python, one request at a time); use real gunicorn for more`);
  const workerClass = lastValue(parsed, '--worker-class');
  if (workerClass !== undefined && workerClass !== 'sync') throw new UsageError(`--worker-class ${workerClass}: only the sync worker exists here`);
  const logLevel = (lastValue(parsed, '--log-level') ?? 'info').toLowerCase();
  if (!(gunicornLevels as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level ${logLevel}: expected one of ${gunicornLevels.join(', ')}`);
  const accessFile = lastValue(parsed, '--access-logfile');
  if (accessFile !== undefined && accessFile !== '-') throw new UsageError(`--access-logfile ${accessFile}: only "-" (standard output) is supported`);
  const bindTexts = parsed.values.get('--bind') ?? [env.PORT ? `0.0.0.0:${env.PORT}` : '127.0.0.1:8000'];
  return {
    app: app ?? '',
    binds: bindTexts.map(parseBind),
    chdir: lastValue(parsed, '--chdir'),
    accessLog: accessFile === '-',
    logLevel: logLevel as GunicornLevel,
    pyodideDir: lastValue(parsed, '--pyodide'),
    timeout: timeoutSeconds(lastValue(parsed, '--timeout')),
    help,
    version,
  };
}
