// course-asgi's command line: the Uvicorn 0.17.6 options that make sense for one process
// (https://www.uvicorn.org/settings/), with Uvicorn's defaults.
import { lastValue, parseOptions, portNumber, UsageError, type OptionSpec } from './cli-options.ts';
import { uvicornLevels, type UvicornLevel } from './uvicorn-log.ts';

export const asgiUsage = `Usage: course-asgi [OPTIONS] APP

Serves an ASGI 3.0 application with Python on Pyodide, like \`uvicorn APP\`.

Options:
  --host TEXT                   Bind socket to this host.  [default: 127.0.0.1]
  --port INTEGER                Bind socket to this port.  [default: 8000]
  --app-dir TEXT                Look for APP in the specified directory.  [default: .]
  --factory                     Treat APP as an application factory: a callable returning the app.
  --lifespan [auto|on|off]      Lifespan implementation.  [default: auto]
  --root-path TEXT              Set the ASGI 'root_path' for applications behind a proxy.
  --no-access-log               Disable access log.
  --log-level [critical|error|warning|info|debug|trace]
                                Log level.  [default: info]
  --pyodide DIR                 Folder with the Pyodide runtime files (default: found next to this program).
  --version                     Display the version and exit.
  --help                        Show this message and exit.`;

export interface AsgiOptions {
  app: string;
  host: string;
  port: number;
  appDir: string;
  factory: boolean;
  lifespan: 'auto' | 'on' | 'off';
  rootPath: string;
  accessLog: boolean;
  logLevel: UvicornLevel;
  pyodideDir?: string;
  help: boolean;
  version: boolean;
}

const specs: OptionSpec[] = [
  { names: ['--host'], value: true },
  { names: ['--port'], value: true },
  { names: ['--app-dir'], value: true },
  { names: ['--factory'], value: false },
  { names: ['--lifespan'], value: true },
  { names: ['--root-path'], value: true },
  { names: ['--no-access-log'], value: false },
  { names: ['--log-level'], value: true },
  { names: ['--pyodide'], value: true },
  { names: ['--version'], value: false },
  { names: ['--help'], value: false },
];

export function parseAsgiArgs(argv: string[]): AsgiOptions {
  const parsed = parseOptions(argv, specs);
  const help = parsed.values.has('--help');
  const version = parsed.values.has('--version');
  if (parsed.positionals.length > 1) throw new UsageError(`Got unexpected extra argument (${parsed.positionals.slice(1).join(' ')})`);
  const app = parsed.positionals[0];
  if (!app && !help && !version) throw new UsageError("Missing argument 'APP'. Pass the application as module:attribute, e.g. app:app");
  const lifespan = lastValue(parsed, '--lifespan') ?? 'auto';
  if (lifespan !== 'auto' && lifespan !== 'on' && lifespan !== 'off') throw new UsageError(`Invalid value for '--lifespan': '${lifespan}' is not one of 'auto', 'on', 'off'.`);
  const logLevel = lastValue(parsed, '--log-level') ?? 'info';
  if (!(uvicornLevels as readonly string[]).includes(logLevel)) throw new UsageError(`Invalid value for '--log-level': '${logLevel}' is not one of ${uvicornLevels.map((l) => `'${l}'`).join(', ')}.`);
  return {
    app: app ?? '',
    host: lastValue(parsed, '--host') ?? '127.0.0.1',
    port: portNumber(lastValue(parsed, '--port') ?? '8000', "Invalid value for '--port':"),
    appDir: lastValue(parsed, '--app-dir') ?? '.',
    factory: parsed.values.has('--factory'),
    lifespan,
    rootPath: lastValue(parsed, '--root-path') ?? '',
    accessLog: !parsed.values.has('--no-access-log'),
    logLevel: logLevel as UvicornLevel,
    pyodideDir: lastValue(parsed, '--pyodide'),
    help,
    version,
  };
}
