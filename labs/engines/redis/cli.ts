#!/usr/bin/env node
// course-redis: starts the cache server and prints one ready line once it accepts connections.
// Bundled by scripts/bundle.ts into public/bundles/engines/redis.mjs for lab sandboxes.
import { CliError, USAGE, parseCliArgs } from './cli-args.ts';
import { startCacheServer } from './server.ts';

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: 'the port is already in use (is another cache or redis-server running there? pick another --port)',
  EACCES: 'permission denied (ports below 1024 need privileges; pick a port such as 6380)',
  EADDRNOTAVAIL: 'that address does not belong to this machine (use --bind 127.0.0.1)',
};

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`course-redis: ${error.message}`);
    process.exit(1);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  let server;
  try {
    server = await startCacheServer({ port: options.port, host: options.bind });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = LISTEN_PROBLEMS[code] ?? (error as Error).message;
    console.error(`course-redis: cannot listen on ${options.bind}:${options.port}: ${problem}`);
    process.exit(1);
  }
  console.log(`course-redis: ready to accept connections on ${server.host}:${server.port}`);
  const stop = () => {
    console.log('course-redis: shutting down');
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
