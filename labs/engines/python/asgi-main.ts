// course-asgi from start to stop, with Uvicorn 0.17.6's log lines and exit codes
// (uvicorn/main.py: 1 when the app cannot load, STARTUP_FAILURE = 3 when lifespan startup fails).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAsgiServer, type AsgiCycleFactory } from './asgi-server.ts';
import { asgiUsage, parseAsgiArgs, type AsgiOptions } from './asgi-args.ts';
import { UsageError } from './cli-options.ts';
import { listen, ListenError } from './listen.ts';
import { findPyodideDir, PyodideFilesMissing } from './pyodide-files.ts';
import { asgiHostModules } from './python-hosts.ts';
import { startPython } from './python-runtime.ts';
import { UvicornLog, type UvicornLevel } from './uvicorn-log.ts';

export const asgiVersion = 'Running course-asgi 0.17.6 (Uvicorn 0.17.6 compatible)';

type LifespanReport = [boolean, [UvicornLevel, string][]] | undefined;
interface LifespanProxy {
  startup(): Promise<LifespanReport>;
  shutdown(): Promise<LifespanReport>;
}

function usageError(message: string): number {
  process.stderr.write(`${asgiUsage.split('\n')[0]}\nTry 'course-asgi --help' for help.\n\nError: ${message}\n`);
  return 2;
}

/** Logs what the lifespan step reported; true when it failed. */
function reportLifespan(log: UvicornLog, report: LifespanReport): boolean {
  if (!report) return false;
  for (const [level, text] of report[1]) log.log(level, text);
  return report[0];
}

/** Runs until SIGINT or SIGTERM; resolves to the process exit code. */
export async function runAsgiCli(argv: string[], engineUrl?: string): Promise<number> {
  let options: AsgiOptions;
  try {
    options = parseAsgiArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (options.help) return (console.log(asgiUsage), 0);
  if (options.version) return (console.log(asgiVersion), 0);
  const log = new UvicornLog(options.logLevel, options.accessLog);
  const appDir = resolve(options.appDir);
  let pyodideDir: string;
  try {
    if (!existsSync(appDir)) throw new PyodideFilesMissing(`--app-dir ${options.appDir}: no such folder`);
    pyodideDir = findPyodideDir(options.pyodideDir, engineUrl);
  } catch (error) {
    if (!(error instanceof PyodideFilesMissing)) throw error;
    log.error(error.message);
    return 1;
  }
  const runtime = await startPython({ pyodideDir, appDir, hostModules: asgiHostModules });
  const [outcome, value] = runtime.pyodide.pyimport('course_app_loader').load_asgi(options.app, options.factory).toJs({ depth: 1 }) as [string, unknown];
  if (outcome !== 'ok') {
    if (outcome === 'crash') process.stderr.write(value as string);
    else log.error(value as string);
    return 1;
  }
  const host = runtime.pyodide.pyimport('course_asgi_host');
  log.info(`Started server process [${process.pid}]`);
  const lifespan = options.lifespan === 'off' ? undefined : (host.lifespan(value, options.lifespan) as LifespanProxy);
  if (lifespan) {
    log.info('Waiting for application startup.');
    if (reportLifespan(log, await lifespan.startup())) {
      log.error('Application startup failed. Exiting.');
      return 3;
    }
    log.info('Application startup complete.');
  }
  const server = createAsgiServer({ cycle: host.cycle as AsgiCycleFactory, app: value, rootPath: options.rootPath, log });
  try {
    await listen(server, options.host, options.port);
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    log.error(`error while attempting to bind on address ('${options.host}', ${options.port}): ${error.message}`);
    return 1;
  }
  const port = (server.address() as { port: number }).port;
  log.info(`course-asgi running on http://${options.host}:${port} (Press CTRL+C to quit)`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  log.info('Shutting down');
  server.closeIdleConnections();
  await new Promise((r) => server.close(r));
  if (lifespan) {
    log.info('Waiting for application shutdown.');
    const report = await lifespan.shutdown();
    if (reportLifespan(log, report)) log.error('Application shutdown failed. Exiting.');
    else if (report) log.info('Application shutdown complete.');
  }
  log.info(`Finished server process [${process.pid}]`);
  return 0;
}
