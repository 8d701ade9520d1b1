// A process the runner starts for a page: the lab's program or its grader. It leads its own
// process group, so stop() also ends whatever it spawned (see graders/kit/process/process-group.ts),
// its output is forwarded up to a cap (a program printing in an endless loop must not flood
// the browser), and its stdin is open for the terminal's keystrokes.
import { spawn, type ChildProcess } from 'node:child_process';
import { stopGroup, trackGroup } from '../../graders/kit/process/process-group.ts';

/** Most output forwarded per process; past it the program keeps running, unseen. */
export const outputCapBytes = 1024 * 1024;
const graceMs = 1000;

export interface RunnerProcessOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  onOutput: (text: string) => void;
  onExit: (code: number | null, signal: string | null) => void;
}

export class RunnerProcess {
  readonly commandLine: string;
  readonly #child: ChildProcess;
  readonly exited: Promise<void>;
  #forwarded = 0;
  #running = true;

  constructor(options: RunnerProcessOptions) {
    this.commandLine = [options.command, ...options.args].join(' ');
    // "node" means this Node, so a lab never runs on an older one that is first on PATH.
    const command = options.command === 'node' ? process.execPath : options.command;
    this.#child = spawn(command, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    if (this.#child.pid !== undefined) trackGroup(this.#child.pid);
    for (const stream of [this.#child.stdout, this.#child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => this.#forward(text, options.onOutput));
    }
    this.#child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      let done = false;
      const settle = (code: number | null, signal: string | null) => {
        if (done) return;
        done = true;
        this.#running = false;
        options.onExit(code, signal);
        resolve();
      };
      // 'close' waits for stdout and stderr to end, so no output arrives after the exit.
      this.#child.once('close', (code, signal) => settle(code, signal));
      this.#child.once('error', (error: NodeJS.ErrnoException) => {
        options.onOutput(`The runner could not start \`${this.commandLine}\`: ${error.code === 'ENOENT' ? `"${options.command}" was not found` : error.message}.\n`);
        settle(null, null);
      });
    });
  }

  get running(): boolean {
    return this.#running;
  }

  write(data: string): void {
    if (this.#running) this.#child.stdin?.write(data);
  }

  /** TERM the process group, KILL what is left after a grace period; resolves once it has exited. */
  async stop(): Promise<void> {
    const pid = this.#child.pid;
    if (pid !== undefined) await stopGroup(pid, graceMs);
    await this.exited;
  }

  #forward(text: string, onOutput: (text: string) => void): void {
    if (this.#forwarded >= outputCapBytes) return;
    const bytes = Buffer.byteLength(text);
    this.#forwarded += bytes;
    if (this.#forwarded < outputCapBytes) {
      onOutput(text);
      return;
    }
    onOutput(
      text.slice(0, Math.max(0, text.length - (this.#forwarded - outputCapBytes))) +
        `\n[runner] Output stopped after ${outputCapBytes / 1024 / 1024} MB; the program is still running. Press Stop to end it.\n`,
    );
  }
}
