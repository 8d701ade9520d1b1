// course-wsgi from start to stop, with Gunicorn 20.1's log lines and exit codes
// (gunicorn/arbiter.py: WORKER_BOOT_ERROR = 3, APP_LOAD_ERROR = 4).
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { UsageError } from './cli-options.ts';
import { GunicornLog } from './gunicorn-log.ts';
import { listen, ListenError } from './listen.ts';
import { findPyodideDir, PyodideFilesMissing } from './pyodide-files.ts';
import { wsgiHostModules } from './python-hosts.ts';
import { startPython } from './python-runtime.ts';
import { parseWsgiArgs, wsgiUsage, type WsgiOptions } from './wsgi-args.ts';
import { createWsgiServer, type WsgiHost } from './wsgi-server.ts';

export const wsgiVersion = 'course-wsgi 20.1.0 (Gunicorn 20.1.0 compatible)';

function usageError(message: string): number {
  process.stderr.write(`${wsgiUsage.split('\n')[0]}\ncourse-wsgi: error: ${message}\n`);
  return 2;
}

function stopMaster(log: GunicornLog, reason: string, code: number): number {
  log.info(`Worker exiting (pid: ${process.pid})`);
  log.info('Shutting down: Master');
  log.info(`Reason: ${reason}`);
  return code;
}

/** Runs until SIGINT or SIGTERM; resolves to the process exit code. */
export async function runWsgiCli(argv: string[], engineUrl?: string): Promise<number> {
  let options: WsgiOptions;
  try {
    options = parseWsgiArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (options.help) return (console.log(wsgiUsage), 0);
  if (options.version) return (console.log(wsgiVersion), 0);
  const log = new GunicornLog(options.logLevel, options.accessLog);
  const appDir = resolve(options.chdir ?? '.');
  if (!existsSync(appDir)) {
    process.stderr.write(`Error: can't chdir to ${JSON.stringify(options.chdir)}: no such folder\n`);
    return 1;
  }
  let pyodideDir: string;
  try {
    pyodideDir = findPyodideDir(options.pyodideDir, engineUrl);
  } catch (error) {
    if (!(error instanceof PyodideFilesMissing)) throw error;
    process.stderr.write(`course-wsgi: ${error.message}\n`);
    return 1;
  }

  log.info(`Starting ${wsgiVersion}`);
  log.info('Using worker: sync');
  log.info(`Booting worker with pid: ${process.pid}`);
  const runtime = await startPython({ pyodideDir, appDir, hostModules: wsgiHostModules });
  log.log('debug', `Python ${runtime.pythonVersion} on Pyodide ${runtime.pyodideVersion}, app folder ${runtime.appDir}`);
  const loader = runtime.pyodide.pyimport('course_app_loader');
  const [outcome, value] = loader.load_wsgi(options.app).toJs({ depth: 1 }) as [string, unknown];
  if (outcome === 'boot') {
    log.error(`Exception in worker process\n${value as string}`);
    return stopMaster(log, 'Worker failed to boot.', 3);
  }
  if (outcome === 'load') {
    process.stderr.write(`${value as string}\n`);
    return stopMaster(log, 'App failed to load.', 4);
  }
  const module = runtime.pyodide.pyimport('course_wsgi_host');
  const host: WsgiHost = { start: module.start, next_event: module.next_event, stop: module.stop };
  if (options.timeout > 0) {
    // The clock's deadline reaches running Python as SIGABRT, as Gunicorn's arbiter sends it.
    runtime.pyodide.setInterruptBuffer(runtime.clock.signalBuffer as unknown as Uint8Array);
    runtime.pyodide.pyimport('course_time').handle_abort();
  }
  const worker = { app: value };
  let halt: (outcome: { code: number; reason: string }) => void = () => undefined;
  const halted = new Promise<{ code: number; reason: string }>((resolve) => (halt = resolve));
  // Gunicorn's arbiter replaces an aborted worker with a new process, which imports the app again.
  const restartWorker = () => {
    log.info(`Worker exiting (pid: ${process.pid})`);
    log.info(`Booting worker with pid: ${process.pid}`);
    const [outcome, fresh] = loader.reload_wsgi(options.app, runtime.appDir).toJs({ depth: 1 }) as [string, unknown];
    if (outcome === 'ok') {
      worker.app = fresh;
      return;
    }
    if (outcome === 'boot') log.error(`Exception in worker process\n${fresh as string}`);
    else process.stderr.write(`${fresh as string}\n`);
    halt(outcome === 'boot' ? { code: 3, reason: 'Worker failed to boot.' } : { code: 4, reason: 'App failed to load.' });
  };
  const servers: Server[] = [];
  for (const bind of options.binds) {
    const server = createWsgiServer({ host, worker, log, timeoutMs: options.timeout * 1000, clock: runtime.clock, restartWorker });
    try {
      await listen(server, bind.host, bind.port);
    } catch (error) {
      if (!(error instanceof ListenError)) throw error;
      log.error(error.code === 'EADDRINUSE' ? `Connection in use: ('${bind.host}', ${bind.port})` : `Can't connect to ('${bind.host}', ${bind.port}): ${error.message}`);
      if (error.code === 'EADDRINUSE') log.error(error.message);
      for (const s of servers) s.close();
      return 1;
    }
    servers.push(server);
    log.info(`Listening at: http://${bind.host}:${(server.address() as { port: number }).port} (${process.pid})`);
  }
  const signal = await Promise.race([
    halted,
    new Promise<string>((done) => {
      process.once('SIGINT', () => done('int'));
      process.once('SIGTERM', () => done('term'));
    }),
  ]);
  const closeAll = () => Promise.all(servers.map((s) => new Promise((r) => (s.close(r), s.closeAllConnections()))));
  if (typeof signal !== 'string') {
    await closeAll();
    return stopMaster(log, signal.reason, signal.code);
  }
  log.info(`Handling signal: ${signal}`);
  log.info(`Worker exiting (pid: ${process.pid})`);
  await closeAll();
  log.info('Shutting down: Master');
  return 0;
}
