#!/usr/bin/env node
// course-nginx: the course's teaching proxy, started like nginx.
//   course-nginx -c nginx.conf [-p prefix] [-t]
// With -t it prints what `nginx -t` prints; without, it serves in the foreground (as nginx
// does with `daemon off; master_process off;`) until it receives SIGINT or SIGTERM.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatLogLine } from './conf-error.ts';
import { CliUsageError, parseCliArgs, usage, type CliOptions } from './cli-args.ts';
import { allDirectives } from './directives.ts';
import { explainRequest, formatExplanation } from './explain.ts';
import { loadConfig, type LoadOutcome } from './load-config.ts';
import { describePortHolder } from './port-holder.ts';
import { startProxy } from './proxy-server.ts';

export const versionLine = 'nginx version: course-nginx/1.22.1 (the course proxy: a teaching subset of nginx 1.22.1)';

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function printOutcome(o: LoadOutcome, opts: CliOptions, io: CliIo): boolean {
  for (const w of o.warnings) io.err(formatLogLine('warn', w));
  if (o.parseError) {
    io.err(formatLogLine('emerg', o.parseError.message));
    if (opts.test) io.err(`nginx: configuration file ${o.confFile} test failed`);
    return false;
  }
  if (opts.test && !opts.quiet) io.err(`nginx: the configuration file ${o.confFile} syntax is ok`);
  if (o.initError) {
    io.err(formatLogLine('emerg', o.initError.message));
    if (opts.test) io.err(`nginx: configuration file ${o.confFile} test failed`);
    return false;
  }
  if (opts.test && !opts.quiet) io.err(`nginx: configuration file ${o.confFile} test is successful`);
  return true;
}

/** Runs the command; resolves with the exit status (after shutdown when serving). */
export async function runCli(argv: string[], io: CliIo = processIo, signalSource: NodeJS.EventEmitter = process): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(`nginx: ${error.message}`);
    return 1;
  }
  if (opts.version || opts.help) {
    io.err(versionLine);
    if (opts.help) io.err(usage);
    if (opts.versionConfigure) {
      const names = [...new Set(allDirectives().filter((d) => !d.noEffect).map((d) => d.name))].sort();
      io.err(`course proxy subset: ${names.join(' ')}`);
      io.err(`accepted without effect: ${allDirectives().filter((d) => d.noEffect).map((d) => d.name).sort().join(' ')}`);
    }
    return 0;
  }
  if (opts.signal !== undefined) {
    io.err(`nginx: [emerg] valid in nginx, not supported by the course proxy: "-s ${opts.signal}" (it has no master process; stop it with Ctrl-C or SIGTERM)`);
    return 1;
  }
  const outcome = await loadConfig({
    prefix: opts.prefix ?? process.cwd(),
    confFile: opts.confFile ?? 'nginx.conf',
    ...(opts.globalDirectives !== undefined ? { globalDirectives: opts.globalDirectives } : {}),
  });
  if (opts.explain !== undefined) {
    if (!/^http:\/\/[^/]+/i.test(opts.explain) || !isUrl(opts.explain)) {
      io.err(`nginx: --explain needs an http:// URL, for example http://localhost:8080/api/users (got "${opts.explain}")`);
      return 1;
    }
    if (!printOutcome(outcome, { ...opts, test: false }, io)) return 1;
    io.out(formatExplanation(explainRequest(outcome, opts.explain, opts.explainHeaders)));
    return 0;
  }
  const ok = printOutcome(outcome, opts, io);
  if (opts.test) {
    if (ok && opts.dump) for (const [file, text] of outcome.files) io.out(`# configuration file ${file}:\n${text}\n`);
    return ok ? 0 : 1;
  }
  if (!ok) return 1;
  let proxy;
  try {
    proxy = await startProxy(outcome);
  } catch (error) {
    io.err(formatLogLine('emerg', (error as Error).message));
    // The course's own addition after nginx's line: who holds the port and what to do.
    const busy = /^bind\(\) to .*:(\d+) failed \(98: /.exec((error as Error).message);
    if (busy) io.err(`course-nginx: ${describePortHolder(Number(busy[1]))}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    signalSource.once('SIGINT', stop);
    signalSource.once('SIGTERM', stop);
  });
  await proxy.close();
  return 0;
}

function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (invokedDirectly()) process.exitCode = await runCli(process.argv.slice(2));
