// The learner's program as the checks see it: started with the lab's command in the
// learner's folder, told where to listen through PORT and HOST, and ready once that address
// accepts a TCP connection. Exiting early or never listening become clear check failures.
import { fail } from '../check.ts';
import type { LabManifest } from '../manifest-schema.ts';
import { errnoHints } from '../http/errno-hints.ts';
import { describeExit, ManagedProcess, type ExitInfo } from './managed-process.ts';
import type { Stream } from './output-capture.ts';
import { tryConnect } from './port-probe.ts';

export const programLabel = 'your program';

export interface LearnerProgramOptions {
  manifest: LabManifest;
  dir: string;
  host: string;
  port: number;
  readyTimeoutMs: number;
  graceMs?: number;
  /** More environment for the program, on top of PORT and HOST. */
  env?: Record<string, string>;
  onLine?: (label: string, line: string, stream: Stream) => void;
  /** Called with the pid (also the process group id) once the program is spawned. */
  onSpawn?: (pid: number) => void;
}

// Unref'd, so a pending pause never keeps the grader process alive after its result is out.
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class LearnerProgram {
  private readonly options: LearnerProgramOptions;
  private process: ManagedProcess | undefined;

  constructor(options: LearnerProgramOptions) {
    this.options = options;
  }

  get started(): boolean {
    return this.process !== undefined;
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  get exitInfo(): ExitInfo | undefined {
    return this.process?.exitInfo;
  }

  get output(): string {
    return this.process?.output.text() ?? '';
  }

  get commandLine(): string {
    return [this.options.manifest.start.command, ...this.options.manifest.start.args].join(' ');
  }

  /** Resolves true if the program exits within `ms`. */
  async exitsWithin(ms: number): Promise<boolean> {
    if (!this.process) return false;
    if (!this.process.running) return true;
    return Promise.race([this.process.exited.then(() => true), sleep(ms).then(() => false)]);
  }

  /** Starts the program and waits until its address accepts connections. */
  async start(signal?: AbortSignal): Promise<number> {
    const { manifest, dir, host, port, readyTimeoutMs } = this.options;
    const startedAt = Date.now();
    const child = ManagedProcess.start({
      label: programLabel,
      command: manifest.start.command,
      args: manifest.start.args,
      cwd: dir,
      env: { ...this.options.env, PORT: String(port), HOST: host },
      graceMs: this.options.graceMs,
      onLine: this.options.onLine,
    });
    this.process = child;
    if (child.pid !== undefined) this.options.onSpawn?.(child.pid);
    const exited = child.exited.then(() => 'exited' as const);
    while (Date.now() - startedAt < readyTimeoutMs && !signal?.aborted) {
      if (!child.running) break;
      if ((await tryConnect(host, port, 250)).ok) return Date.now() - startedAt;
      await Promise.race([sleep(25), exited]);
    }
    if (child.exitInfo) this.failExited(child.exitInfo);
    return this.failNoListen(Date.now() - startedAt);
  }

  stop(): Promise<void> {
    return this.process?.stop() ?? Promise.resolve();
  }

  /** The lines that explain an exit: the error line of a stack trace if there is one, else the last lines. */
  private lastLines(count: number): string {
    const lines = (this.process?.output.lines() ?? []).filter((line) => line.trim() !== '');
    const errorAt = lines.findIndex((line) => /^\w*(Error|Exception)\b.*:/.test(line));
    if (errorAt !== -1) return lines.slice(errorAt, errorAt + 2).join('\n');
    return lines.slice(-count).join('\n');
  }

  private failExited(exit: ExitInfo): never {
    const { host, port, dir } = this.options;
    if (exit.spawnError) {
      fail({
        reason: 'exited',
        message: `Your program could not be started: ${exit.spawnError}. The lab runs \`${this.commandLine}\` in ${dir}.`,
        expected: `\`${this.commandLine}\` starts and listens on ${host}:${port}`,
        actual: exit.spawnError,
      });
    }
    const inUse = this.process?.output.includes('EADDRINUSE') ? ` ${errnoHints.EADDRINUSE.summary}: ${errnoHints.EADDRINUSE.advice}` : '';
    const lines = this.lastLines(6);
    fail({
      reason: 'exited',
      message: `Your program ${describeExit(exit)} before listening on ${host}:${port}.${inUse}${lines ? ' Read what it printed (under "actual") to see why.' : ' It printed nothing.'}`,
      expected: `a program that keeps running and listens on ${host}:${port}`,
      actual: lines ? `${describeExit(exit)} after printing:\n${lines}` : describeExit(exit),
    });
  }

  private async failNoListen(waitedMs: number): Promise<never> {
    const { host, port } = this.options;
    // Look for the classic near-misses, so the message can say what happened instead.
    let nearMiss = '';
    if (host === '127.0.0.1' && (await tryConnect('::1', port, 250)).ok) {
      nearMiss = ` It does answer on [::1]:${port}, the IPv6 loopback address: listening on "localhost" can pick ::1. Listen on the HOST you were given (127.0.0.1) instead.`;
    } else if (host !== '127.0.0.1' && (await tryConnect('127.0.0.1', port, 250)).ok) {
      nearMiss = ` It does answer on 127.0.0.1:${port}, so it ignores HOST.`;
    }
    fail({
      reason: 'no_listen',
      message: `Your program is running, but nothing accepted connections on ${host}:${port} within ${(waitedMs / 1000).toFixed(1)} s.${nearMiss || ' Does it read the port from process.env.PORT and call listen()?'}`,
      expected: `a server listening on ${host}:${port} (PORT=${port}, HOST=${host})`,
      actual: nearMiss ? nearMiss.trim() : `connection refused on ${host}:${port} for ${(waitedMs / 1000).toFixed(1)} s`,
    });
  }
}
