// The master side of course-gunicorn: reads the command line, the machine and the config,
// then checks, prints or serves. cli.ts loads this module only in the master process.
import { AppLoadError, loadApp, missingHandlers } from './app-module.ts';
import { maxSeed, SeededRandom } from '../../../graders/kit/seeded-random.ts';
import { Arbiter } from './arbiter.ts';
import { BindError, parseBind } from './bind-address.ts';
import { CliUsageError, parseCliArgs, usage, usageLine, type CliOptions } from './cli-args.ts';
import { log } from './log.ts';
import { formatSettings, resolveConfig, StartupError, type ResolvedConfig } from './resolve-config.ts';

export const versionLine = 'gunicorn (version 20.1.0) — course-gunicorn, the course arbiter: Gunicorn 20.1 settings and log lines on a modelled machine';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

async function checkApp(app: string, cwd: string, resolved: ResolvedConfig): Promise<void> {
  const routes = await loadApp(app, cwd);
  const missing = missingHandlers(routes, resolved.machine.endpoints);
  if (missing.length > 0) throw new AppLoadError(`machine.json prices ${missing.join(', ')} but '${app}' has no such handler.`, 4);
}

/**
 * Gunicorn draws each worker's jitter with Python's random.randint; COURSE_GUNICORN_SEED (a whole
 * number) makes the draws repeatable, so a grader gets the same restart schedule on every run.
 */
function jitterSource(env: NodeJS.ProcessEnv): (max: number) => number {
  const seed = env.COURSE_GUNICORN_SEED;
  if (seed === undefined || !/^\d+$/.test(seed) || Number(seed) > maxSeed) return (max) => Math.floor(Math.random() * (max + 1));
  const random = new SeededRandom(Number(seed));
  return (max) => random.int(0, max);
}

async function serve(opts: CliOptions & { app: string }, resolved: ResolvedConfig, run: RunContext): Promise<number> {
  const listeners = resolved.settings.bind.map(parseBind);
  const arbiter = new Arbiter({
    settings: resolved.settings,
    listeners,
    machine: resolved.machine,
    app: opts.app,
    cwd: run.cwd,
    entryFile: run.entryFile,
    randomInt: jitterSource(run.env),
  });
  const onTerm = () => {
    log('INFO', 'Handling signal: term');
    arbiter.stop(true);
  };
  const onInt = () => {
    log('INFO', 'Handling signal: int');
    arbiter.stop(false);
  };
  run.signals.on('SIGTERM', onTerm);
  run.signals.on('SIGINT', onInt);
  await arbiter.start();
  const code = await arbiter.done;
  run.signals.off('SIGTERM', onTerm);
  run.signals.off('SIGINT', onInt);
  return code;
}

export interface RunContext {
  io: CliIo;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signals: NodeJS.EventEmitter;
  /** The file a worker process runs (cli.ts, or the bundle): it must dispatch on COURSE_GUNICORN_ROLE. */
  entryFile: string;
}

export const processContext = (entryFile: string): RunContext => ({ io: processIo, cwd: process.cwd(), env: process.env, signals: process, entryFile });

/** Runs the command; resolves with the exit status (after shutdown when serving). */
export async function runMaster(argv: string[], run: RunContext): Promise<number> {
  const { io, cwd, env } = run;
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(usageLine);
    io.err(`course-gunicorn: error: ${error.message}`);
    return 2;
  }
  if (opts.help) {
    io.out(usage);
    return 0;
  }
  if (opts.version) {
    io.out(versionLine);
    return 0;
  }
  try {
    const resolved = resolveConfig(opts, cwd, env);
    if (opts.printConfig) {
      for (const line of formatSettings(resolved.settings)) io.out(line);
      return 0;
    }
    if (opts.app === undefined) throw new StartupError('No application module specified.');
    resolved.settings.bind.forEach(parseBind);
    if (opts.checkConfig) {
      await checkApp(opts.app, cwd, resolved);
      return 0;
    }
    return await serve({ ...opts, app: opts.app }, resolved, run);
  } catch (error) {
    if (error instanceof StartupError || error instanceof BindError) io.err(`Error: ${error.message}`);
    else if (error instanceof AppLoadError) io.err(`Error while loading the application:\n\n${error.message}`);
    else throw error;
    return 1;
  }
}
