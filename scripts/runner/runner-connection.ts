// One page's conversation with the runner: it mounts a lab into its work folder, writes the
// learner's edits, starts the lab's program or grader (nothing else: the message schema has
// no field for a command), relays input and output, and sends HTTP requests to the program.
// When the page goes away, close() ends every process it started.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  clientMessageSchema,
  firstIssue,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessage,
} from '../../runtime-protocol/messages.ts';
import { sendRequest } from '../../runtime-protocol/send-request.mjs';
import { copyProvidedFiles } from '../lab/provided-files.ts';
import { LabNotFoundError, loadLab, type LabCatalogOptions, type RunnerLab } from './lab-catalog.ts';

/** Files the lab ships (read-only starter files and provided builds) keep their course copy. */
function isReadOnly(lab: RunnerLab, path: string): boolean {
  return lab.manifest.files.readonly.includes(path) || path in lab.manifest.files.provided;
}
import { choosePort, PortWatch } from './port-watch.ts';
import { RunnerProcess } from './runner-process.ts';
import { WorkFolder, WorkFolderError } from './work-folder.ts';

export interface RunnerConnectionOptions extends LabCatalogOptions {
  /** Work folders are created here, one per lab: <workRoot>/<lab id>. */
  workRoot: string;
}

interface Mounted {
  lab: RunnerLab;
  folder: WorkFolder;
}

interface Program {
  id: string;
  process: RunnerProcess;
  port: number;
  watch: PortWatch;
}

/** Thrown for a request the runner refuses; the message goes back to the page as is. */
class Refused extends Error {}

export class RunnerConnection {
  readonly #send: (message: ServerMessage) => void;
  readonly #options: RunnerConnectionOptions;
  readonly #processes = new Map<string, RunnerProcess>();
  #mounted: Mounted | undefined;
  #program: Program | undefined;
  #grading: string | undefined;
  #counter = 0;

  constructor(send: (message: ServerMessage) => void, options: RunnerConnectionOptions) {
    this.#send = send;
    this.#options = options;
    send({ type: 'hello', version: PROTOCOL_VERSION, runner: 'port-to-production' });
  }

  async receive(text: string): Promise<void> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.#send({ type: 'protocol-error', message: 'The runner received a message that is not JSON.' });
      return;
    }
    const parsed = clientMessageSchema.safeParse(value);
    if (!parsed.success) {
      const id = typeof (value as { id?: unknown })?.id === 'number' ? (value as { id: number }).id : undefined;
      const message = `The runner refused a message it does not accept (${firstIssue(parsed.error)}). It only mounts files, writes them, and runs the lab's own program and grader.`;
      this.#send(id === undefined ? { type: 'protocol-error', message } : { type: 'failed', id, message });
      return;
    }
    try {
      await this.#handle(parsed.data);
    } catch (error) {
      if (!('id' in parsed.data)) return;
      const known = error instanceof Refused || error instanceof WorkFolderError || error instanceof LabNotFoundError;
      this.#send({ type: 'failed', id: parsed.data.id, message: known ? (error as Error).message : `The runner failed: ${(error as Error).message}` });
    }
  }

  /** Ends every process this page started. */
  async close(): Promise<void> {
    await Promise.all([...this.#processes.values()].map((process) => process.stop()));
  }

  async #handle(message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'mount': {
        await this.close();
        const lab = loadLab(message.lab, this.#options);
        const folder = new WorkFolder(join(this.#options.workRoot, lab.manifest.id));
        folder.reset(lab.starter);
        copyProvidedFiles(lab.manifest, this.#options.bundlesDir, folder.root);
        const writable = Object.entries(message.files).filter(([path]) => !isReadOnly(lab, path));
        for (const [path, contents] of writable) folder.write(path, contents);
        this.#mounted = { lab, folder };
        this.#send({ type: 'mounted', id: message.id, files: writable.length });
        return;
      }
      case 'write': {
        const { lab, folder } = this.#requireMounted();
        if (isReadOnly(lab, message.path)) {
          throw new Refused(`${message.path} is read-only in this lab; the lab provides it and the grader relies on it as it is.`);
        }
        folder.write(message.path, message.contents);
        this.#send({ type: 'written', id: message.id });
        return;
      }
      case 'spawn':
        if (message.role === 'program') await this.#startProgram(message.id);
        else this.#startGrader(message.id);
        return;
      case 'input':
        this.#processes.get(message.process)?.write(message.data);
        return;
      case 'kill':
        await this.#processes.get(message.process)?.stop();
        this.#send({ type: 'killed', id: message.id });
        return;
      case 'request': {
        this.#requireMounted();
        const program = this.#program;
        if (!program) {
          // Never knock on the lab's port when our program is not running: on this computer,
          // something else entirely may be listening there.
          const error = 'Your program is not running. Press Run first, then send the request.';
          this.#send({ type: 'response', id: message.id, exchange: { port: 0, request: '', response: '', error, durationMs: 0 } });
          return;
        }
        // Not awaited: a program that never answers must not hold up a Stop sent meanwhile.
        void sendRequest(message.request, { port: program.port }).then((exchange) => this.#send({ type: 'response', id: message.id, exchange }));
        return;
      }
    }
  }

  #requireMounted(): Mounted {
    if (!this.#mounted) throw new Refused('No lab is mounted on this connection yet; the page mounts one when it loads. Reload the lab page.');
    return this.#mounted;
  }

  #start(id: number, command: string, args: string[], env: Record<string, string>, onExit: () => void): string {
    const { folder } = this.#requireMounted();
    const processId = `p${++this.#counter}`;
    const process = new RunnerProcess({
      command,
      args,
      cwd: folder.root,
      env,
      onOutput: (data) => this.#send({ type: 'output', process: processId, data }),
      onExit: (code, signal) => {
        this.#processes.delete(processId);
        onExit();
        this.#send({ type: 'exit', process: processId, code, signal });
      },
    });
    this.#processes.set(processId, process);
    this.#send({ type: 'spawned', id, process: processId, command: process.commandLine });
    return processId;
  }

  async #startProgram(id: number): Promise<void> {
    const { lab } = this.#requireMounted();
    await this.#program?.process.stop();
    const preferred = lab.manifest.ports[0] ?? 8080;
    const port = await choosePort(preferred);
    const watch = new PortWatch(port, (open) => this.#send({ type: 'port', port, state: open ? 'open' : 'closed' }));
    const processId = this.#start(id, lab.manifest.start.command, lab.manifest.start.args, { PORT: String(port), HOST: '127.0.0.1' }, () => {
      watch.stop();
      if (this.#program?.id === processId) this.#program = undefined;
    });
    const process = this.#processes.get(processId) as RunnerProcess;
    this.#program = { id: processId, process, port, watch };
    if (port !== preferred) {
      this.#send({ type: 'output', process: processId, data: `[runner] Port ${preferred} is in use on this computer, so your program was given PORT=${port}.\r\n` });
    }
  }

  #startGrader(id: number): void {
    const { lab, folder } = this.#requireMounted();
    if (this.#grading) throw new Refused('A check is already running; wait for its results.');
    if (!existsSync(lab.grader)) {
      throw new Refused(`The grader bundle ${lab.grader} does not exist yet. Run \`node scripts/bundle.ts\` (npm run build and npm start do it for you), then press Check again.`);
    }
    this.#grading = this.#start(id, 'node', [lab.grader, '--dir', folder.root, '--json'], {}, () => {
      this.#grading = undefined;
    });
  }
}
