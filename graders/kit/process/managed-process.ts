// One program the grader starts and owns: its own process group, captured output, an exit
// promise that settles the moment it dies, and a stop() that always leaves nothing running.
import { spawn, type ChildProcess } from 'node:child_process';
import { OutputCapture, type Stream } from './output-capture.ts';
import { stopGroup, trackGroup } from './process-group.ts';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (e.g. the command does not exist). */
  spawnError?: string;
}

export interface ManagedProcessOptions {
  /** Prefix of its log lines, e.g. "your program" or "upstream-2". */
  label: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** Time between TERM and KILL on stop. */
  graceMs?: number;
  onLine?: (label: string, line: string, stream: Stream) => void;
}

export function describeExit(exit: ExitInfo): string {
  if (exit.spawnError) return `could not be started (${exit.spawnError})`;
  if (exit.signal) return `was ended by signal ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

export class ManagedProcess {
  readonly label: string;
  readonly output: OutputCapture;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  private readonly child: ChildProcess;
  private readonly graceMs: number;
  private stopping: Promise<void> | undefined;

  private constructor(options: ManagedProcessOptions) {
    this.label = options.label;
    this.graceMs = options.graceMs ?? 1000;
    const onLine = options.onLine;
    this.output = new OutputCapture({ onLine: onLine ? (line, stream) => onLine(this.label, line, stream) : undefined });
    // "node" means the Node running the grader, so the learner's program never silently runs
    // on an older Node that happens to be first on PATH.
    const command = options.command === 'node' ? process.execPath : options.command;
    this.child = spawn(command, [...options.args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    if (this.child.pid !== undefined) trackGroup(this.child.pid);
    for (const stream of ['stdout', 'stderr'] as const) {
      this.child[stream]?.setEncoding('utf8');
      this.child[stream]?.on('data', (chunk: string) => this.output.write(chunk, stream));
    }
    this.exited = new Promise((resolve) => {
      const settle = (info: ExitInfo) => {
        if (this.exitInfo) return;
        this.exitInfo = info;
        this.output.flush();
        resolve(info);
      };
      this.child.once('exit', (code, signal) => settle({ code, signal }));
      this.child.once('error', (error: NodeJS.ErrnoException) => {
        const why = error.code === 'ENOENT' ? `the command "${options.command}" was not found` : error.message;
        settle({ code: null, signal: null, spawnError: why });
      });
    });
  }

  static start(options: ManagedProcessOptions): ManagedProcess {
    return new ManagedProcess(options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** TERM the whole group, KILL after the grace period; safe to call many times. */
  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    const pid = this.child.pid;
    // Even when the leader already exited, its children may still be in the group.
    if (pid !== undefined) await stopGroup(pid, this.graceMs);
    if (this.running && pid !== undefined) await Promise.race([this.exited, new Promise((r) => setTimeout(r, 1000).unref())]);
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    this.output.flush();
  }
}
