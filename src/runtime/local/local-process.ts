// A process on the local runner, seen through the RuntimeProcess interface. The runner sends
// its output and exit as messages; LocalRuntime routes them here by process id.
import type { ProcessRole, RuntimeProcess } from '../lab-runtime.ts';

export interface ProcessControls {
  sendInput(process: string, data: string): void;
  kill(process: string): Promise<void>;
}

export class LocalProcess implements RuntimeProcess {
  readonly role: ProcessRole;
  readonly command: string;
  readonly id: string;
  readonly exit: Promise<number | null>;
  readonly onOutput: (chunk: string) => void;
  readonly #controls: ProcessControls;
  #resolveExit!: (code: number | null) => void;
  #exited = false;

  constructor(id: string, role: ProcessRole, command: string, onOutput: (chunk: string) => void, controls: ProcessControls) {
    this.id = id;
    this.role = role;
    this.command = command;
    this.onOutput = onOutput;
    this.#controls = controls;
    this.exit = new Promise((resolve) => (this.#resolveExit = resolve));
  }

  exited(code: number | null): void {
    this.#exited = true;
    this.#resolveExit(code);
  }

  write(input: string): void {
    if (!this.#exited) this.#controls.sendInput(this.id, input);
  }

  async kill(): Promise<void> {
    if (this.#exited) return;
    await this.#controls.kill(this.id);
    await this.exit;
  }
}
