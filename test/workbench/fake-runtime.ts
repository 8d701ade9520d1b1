// An in-memory LabRuntime for the session tests: it records mounts, writes and spawns, and
// lets a test decide what each process prints and when it exits.
import type { HttpExchange, LabMount, LabRuntime, PortInfo, ProcessRole, RuntimeProcess, SpawnOptions } from '../../src/runtime/lab-runtime.ts';
import { Listeners } from '../../src/runtime/listeners.ts';

export class FakeProcess implements RuntimeProcess {
  readonly role: ProcessRole;
  readonly command: string;
  readonly exit: Promise<number | null>;
  readonly input: string[] = [];
  readonly print: (chunk: string) => void;
  #finish!: (code: number | null) => void;

  constructor(role: ProcessRole, command: string, onOutput: (chunk: string) => void) {
    this.role = role;
    this.command = command;
    this.print = onOutput;
    this.exit = new Promise((resolve) => (this.#finish = resolve));
  }

  finish(code: number | null): void {
    this.#finish(code);
  }

  write(input: string): void {
    this.input.push(input);
  }

  async kill(): Promise<void> {
    this.finish(null);
  }
}

export class FakeRuntime implements LabRuntime {
  readonly kind = 'local';
  readonly echoesInput = false;
  readonly mounts: LabMount[] = [];
  readonly writes: Array<[string, string]> = [];
  readonly processes: FakeProcess[] = [];
  readonly ports = new Listeners<PortInfo>();
  /** Runs as each process starts; by default the grader prints `graderOutput` and exits 0. */
  onSpawn: (process: FakeProcess) => void = (process) => {
    if (process.role !== 'grader') return;
    process.print(this.graderOutput);
    process.finish(0);
  };
  graderOutput = '';

  async mount(lab: LabMount): Promise<void> {
    this.mounts.push(lab);
  }

  async writeFile(path: string, contents: string): Promise<void> {
    this.writes.push([path, contents]);
  }

  async spawn(role: ProcessRole, options: SpawnOptions): Promise<RuntimeProcess> {
    const process = new FakeProcess(role, role === 'program' ? 'node server.js' : 'node grader.mjs --json', options.onOutput);
    this.processes.push(process);
    queueMicrotask(() => this.onSpawn(process));
    return process;
  }

  async request(): Promise<HttpExchange> {
    return { port: 8080, request: 'GET / HTTP/1.1\r\n\r\n', response: 'HTTP/1.1 200 OK\r\n\r\n', durationMs: 1 };
  }

  onPort(listener: (info: PortInfo) => void): () => void {
    return this.ports.add(listener);
  }

  async teardown(): Promise<void> {}
}
