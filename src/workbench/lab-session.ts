// The workbench's controller: it owns the runtime and the stores, and does what the buttons
// ask (Run, Stop, Check, Reset, Solution, save, send a request). Views subscribe to the stores
// and call these methods; none of them touches the runtime directly.
import type { HttpExchange, HttpRequestSpec, LabRuntime, RuntimeKind, RuntimeProcess } from '../runtime/lab-runtime.ts';
import type { StartedRuntime } from '../runtime/start-runtime.ts';
import { FilesStore } from './files-store.ts';
import type { GraderResult, ReadGraderResult } from './grader-result.ts';
import type { LabPageData } from './lab-data.ts';
import { Store } from './store.ts';
import { TerminalFeed } from './terminal-feed.ts';

export interface RuntimeState {
  status: 'starting' | 'ready' | 'unavailable' | 'failed';
  reason: string;
  kind: RuntimeKind | null;
  /** Whether the runtime's terminal echoes keystrokes itself (a pseudo-terminal). */
  echoesInput: boolean;
}

export interface ProgramState {
  status: 'idle' | 'starting' | 'running' | 'stopping';
  /** The port the program is listening on, once it is. */
  listening: number | null;
}

export interface CheckState {
  status: 'idle' | 'running' | 'done' | 'error';
  result: GraderResult | null;
  error: string | null;
}

/** Where the session keeps what must survive a reload (the progress store, on a real page). */
export interface LabMemory {
  savedFiles(): Record<string, string>;
  saveFiles(edits: Record<string, string>): void;
  recordCheck(result: GraderResult): void;
  markSolvedWithHelp(): void;
}

const saveDelayMs = 400;

export class LabSession {
  readonly data: LabPageData;
  readonly files: FilesStore;
  readonly runtime = new Store<RuntimeState>({ status: 'starting', reason: 'Choosing where to run your code…', kind: null, echoesInput: false });
  readonly program = new Store<ProgramState>({ status: 'idle', listening: null });
  readonly check = new Store<CheckState>({ status: 'idle', result: null, error: null });
  readonly terminal = new TerminalFeed();
  readonly #memory: LabMemory;
  readonly #readResult: ReadGraderResult;
  #runtime: LabRuntime | null = null;
  #process: RuntimeProcess | null = null;
  /** The Run in progress, until its program is spawned (or fails to be). */
  #launching: Promise<void> | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(data: LabPageData, memory: LabMemory, readResult: ReadGraderResult) {
    this.data = data;
    this.#memory = memory;
    this.#readResult = readResult;
    this.files = new FilesStore(data.starter, data.editable, memory.savedFiles());
    this.files.onChange(() => {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = setTimeout(() => this.flushSave(), saveDelayMs);
    });
  }

  /** Starts the runtime and mounts the lab; the page works (read, edit) even if this fails. */
  async start(startRuntime: () => Promise<StartedRuntime>): Promise<void> {
    try {
      const started = await startRuntime();
      if (!started.runtime) {
        this.runtime.set({ status: 'unavailable', reason: started.reason, kind: null, echoesInput: false });
        return;
      }
      const { graderUrl, provided, ports, start, id } = this.data;
      await started.runtime.mount({ id, files: this.files.snapshot(), provided, start, ports, graderUrl });
      this.files.takeUnwritten();
      started.runtime.onPort(({ port, state }) => {
        if (this.#process) this.program.update((current) => ({ ...current, listening: state === 'open' ? port : null }));
      });
      this.#runtime = started.runtime;
      this.runtime.set({ status: 'ready', reason: started.reason, kind: started.runtime.kind, echoesInput: started.runtime.echoesInput });
    } catch (error) {
      this.runtime.set({ status: 'failed', reason: (error as Error).message, kind: null, echoesInput: false });
    }
  }

  /** Writes pending edits to browser storage now instead of after the typing pause. */
  flushSave(): void {
    clearTimeout(this.#saveTimer);
    this.#memory.saveFiles(this.files.edits());
  }

  async run(): Promise<void> {
    const runtime = this.#ready();
    if (!runtime) return;
    if (this.check.get().status === 'running') {
      // The grader's own copy of the program holds the lab's ports until the checks end.
      this.terminal.note('The checks are running their own copy of your program; press Run again once they finish.');
      return;
    }
    const launch = this.#launch(runtime);
    this.#launching = launch;
    try {
      await launch;
    } finally {
      if (this.#launching === launch) this.#launching = null;
    }
  }

  async #launch(runtime: LabRuntime): Promise<void> {
    await this.stop();
    this.program.set({ status: 'starting', listening: null });
    this.terminal.note(`$ ${[this.data.start.command, ...this.data.start.args].join(' ')}`);
    try {
      await this.#writeEdits(runtime);
      const process = await runtime.spawn('program', { onOutput: (chunk) => this.terminal.write(chunk), cols: 100, rows: 24 });
      this.#process = process;
      this.program.set({ status: 'running', listening: null });
      void process.exit.then((code) => {
        if (this.#process !== process) return;
        this.#process = null;
        this.terminal.note(code === null ? '[your program was stopped]' : `[your program exited with code ${code}]`);
        this.program.set({ status: 'idle', listening: null });
      });
    } catch (error) {
      this.terminal.note(`Your program could not be started: ${(error as Error).message}`);
      this.program.set({ status: 'idle', listening: null });
    }
  }

  async stop(): Promise<void> {
    const process = this.#process;
    if (!process) return;
    this.program.update((current) => ({ ...current, status: 'stopping' }));
    await process.kill();
  }

  /** Ctrl/Cmd+S: keep the edits, and restart the program if it is running. */
  async save(): Promise<void> {
    this.flushSave();
    const runtime = this.#runtime;
    if (!runtime) return;
    if (this.#process) await this.run();
    else await this.#writeEdits(runtime);
  }

  input(data: string): void {
    this.#process?.write(data);
  }

  async runChecks(): Promise<void> {
    const runtime = this.#ready();
    if (!runtime || this.check.get().status === 'running') return;
    this.check.set({ status: 'running', result: null, error: null });
    let output = '';
    try {
      await this.#stopForChecks();
      await this.#writeEdits(runtime);
      const grader = await runtime.spawn('grader', { onOutput: (chunk) => (output += chunk) });
      await grader.exit;
      const result = await this.#readResult(output);
      this.#memory.recordCheck(result);
      this.check.set({ status: 'done', result, error: null });
    } catch (error) {
      this.check.set({ status: 'error', result: null, error: `The checks could not run: ${(error as Error).message}` });
    }
  }

  sendRequest(spec: HttpRequestSpec): Promise<HttpExchange> {
    const runtime = this.#ready();
    if (!runtime) return Promise.reject(new Error(this.runtime.get().reason));
    return runtime.request(spec);
  }

  reset(): void {
    this.files.replaceEditable(this.data.starter);
    this.flushSave();
  }

  showSolution(): void {
    this.files.replaceEditable(this.data.solution);
    this.#memory.markSolvedWithHelp();
    this.flushSave();
  }

  async teardown(): Promise<void> {
    this.flushSave();
    await this.#runtime?.teardown();
  }

  /**
   * A grader starts its own copy of the program on the lab's ports (and its helpers on theirs,
   * such as the reverse proxy's upstreams), so a program the learner ran must let go of them
   * first, or the first check fails on a busy port. A Run still starting is waited for and
   * stopped too, rather than left to start in the middle of the checks.
   */
  async #stopForChecks(): Promise<void> {
    await this.#launching;
    if (!this.#process) return;
    this.terminal.note('[stopping your program: the checks start their own copy of it on the same ports; press Run again afterwards]');
    await this.stop();
  }

  #ready(): LabRuntime | null {
    if (!this.#runtime) this.terminal.note(`Nothing can run yet: ${this.runtime.get().reason}`);
    return this.#runtime;
  }

  async #writeEdits(runtime: LabRuntime): Promise<void> {
    for (const file of this.files.takeUnwritten()) await runtime.writeFile(file.path, file.text);
  }
}
