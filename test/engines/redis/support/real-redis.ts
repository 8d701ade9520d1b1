// Starts Debian's redis-server on loopback for differential tests and benchmarks, and stops it.
// Without redis-server the tests skip with a message locally and fail in CI (CI=true).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { waitForPort } from './wait-for-port.ts';

export const REDIS_MISSING =
  'redis-server is not installed, so the tests against real Redis cannot run. ' +
  'Install it (Debian: apt-get install redis-server) and run the tests again.';

/** The installed redis-server's version ("7.0.15"), or null when there is none. */
export function redisServerVersion(): string | null {
  const result = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return null;
  return /v=(\S+)/.exec(result.stdout)?.[1] ?? null;
}

/** In CI (CI=true, or any value but "" / "false" / "0"), a missing redis-server is a failure. */
export function mustHaveRedis(): boolean {
  const ci = process.env.CI ?? '';
  return ci !== '' && ci !== 'false' && ci !== '0';
}

export interface RealRedis {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server --port <port> --bind 127.0.0.1 --save '' --appendonly no` and waits for it. */
export async function startRealRedis(port: number): Promise<RealRedis> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', '/tmp'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    if (output.length < 4000) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, 5000, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on 127.0.0.1:${port}: ${(error as Error).message}\n${output}`);
  }
  return {
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
