// One process inside the WebContainer, seen through the RuntimeProcess interface: its output
// stream is pumped to the listener as it arrives, input goes through one writer, and kill()
// resolves once the process has exited (or after a grace period if it never reports back).
import type { ProcessRole, RuntimeProcess } from '../lab-runtime.ts';
import type { ContainerProcess } from './webcontainer-api.ts';

const killGraceMs = 2000;
/** How long to wait for the output stream to close after the exit code arrived. */
const drainMs = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ContainerProcessHandle implements RuntimeProcess {
  readonly role: ProcessRole;
  readonly command: string;
  readonly exit: Promise<number | null>;
  readonly #process: ContainerProcess;
  readonly #input: WritableStreamDefaultWriter<string>;
  #exited = false;

  constructor(role: ProcessRole, command: string, process: ContainerProcess, onOutput: (chunk: string) => void) {
    this.role = role;
    this.command = command;
    this.#process = process;
    this.#input = process.input.getWriter();
    const pumped = process.output
      .pipeTo(new WritableStream({ write: (chunk) => onOutput(chunk) }))
      .catch(() => undefined);
    // Report the exit after the last output, so a terminal never prints output after "exited".
    this.exit = process.exit.then(
      async (code) => {
        await Promise.race([pumped, sleep(drainMs)]);
        this.#exited = true;
        return code;
      },
      () => {
        this.#exited = true;
        return null;
      },
    );
  }

  write(input: string): void {
    if (this.#exited) return;
    this.#input.write(input).catch(() => undefined);
  }

  async kill(): Promise<void> {
    if (this.#exited) return;
    this.#process.kill();
    await Promise.race([this.exit, sleep(killGraceMs)]);
  }
}
