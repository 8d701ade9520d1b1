// Runs a command for a test, collects its output, and makes sure it does not outlive the test.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningChild {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the output once it matches, rejects at the deadline or when the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves with the exit code (null after a signal), killing the process at the deadline. */
  exit(timeoutMs: number): Promise<number | null>;
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

export function runChild(command: string, args: string[], cwd?: string): RunningChild {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    for (const listener of listeners) listener();
    resolve(code);
  }));
  return {
    child,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) done(() => resolve(output));
          else if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`exited before printing ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async exit(timeoutMs) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Kills whatever a test left running; call it from afterEach. */
export async function killAllChildren(): Promise<void> {
  for (const child of [...running]) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    }
  }
}
