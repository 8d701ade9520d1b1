// Runs a server in its own process group, collects its stderr lines, and always tears it down.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerRun {
  port: number;
  lines: string[];
  /** Resolves when `count` lines match, or rejects after `ms` with what was logged. */
  waitForLines(pattern: RegExp, count: number, ms: number): Promise<string[]>;
  /** SIGTERM (or SIGINT), then the exit status; SIGKILLs the group if it lingers. */
  stop(signal?: 'SIGTERM' | 'SIGINT', ms?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) if (child.pid) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
});

export function startServer(command: string, args: string[], cwd: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<ServerRun> {
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1', ...env } });
  live.add(child);
  const lines: string[] = [];
  let partial = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  };
  child.stderr!.on('data', onData);
  child.stdout!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    live.delete(child);
    for (const w of waiters) w();
    resolve(code);
  }));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* the group is gone */
    }
  };
  const run: ServerRun = {
    port,
    lines,
    exited,
    waitForLines(pattern, count, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.filter((l) => pattern.test(l));
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited ${ms} ms for ${count} line(s) matching ${pattern}; the server logged:\n${lines.join('\n')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', ms = 8000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => killGroup('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      killGroup('SIGKILL');
      return code;
    },
  };
  return Promise.resolve(run);
}
