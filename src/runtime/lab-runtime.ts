// The one interface the workbench talks to, whichever place runs the learner's code: the
// WebContainer in this tab, or the local runner next to `npm start`. Nothing here knows about
// the page; the workbench only calls these methods and listens to their events.
import type { HttpExchange, HttpRequestSpec, ProcessRole } from '../../runtime-protocol/messages.ts';

export type { HttpExchange, HttpRequestSpec, ProcessRole };

export type RuntimeKind = 'webcontainer' | 'local';
export type Unsubscribe = () => void;

/** A lab as the runtime needs it: its files and how its program starts. */
export interface LabMount {
  id: string;
  /** Every file of the lab's work folder, by path relative to it ("public/index.html"). */
  files: Record<string, string>;
  /** Built files the course provides read-only (manifest `files.provided`): path → URL to fetch. */
  provided: Record<string, string>;
  start: { command: string; args: string[] };
  ports: number[];
  /** Where the lab's grader bundle is served, e.g. "/bundles/graders/first-web-server.mjs". */
  graderUrl: string;
}

/** A port of the learner's program opening or closing. */
export interface PortInfo {
  port: number;
  state: 'open' | 'closed';
}

export interface SpawnOptions {
  /** Every piece of output, stdout and stderr merged, in order. */
  onOutput: (chunk: string) => void;
  cols?: number;
  rows?: number;
}

export interface RuntimeProcess {
  readonly role: ProcessRole;
  /** The command line as a learner would type it, for the terminal's first line. */
  readonly command: string;
  /** Settles with the exit code (null when ended by a signal) once the process is gone. */
  readonly exit: Promise<number | null>;
  write(input: string): void;
  kill(): Promise<void>;
}

export interface LabRuntime {
  readonly kind: RuntimeKind;
  /** Whether keystrokes reach a terminal that echoes them (a pty); if not, the page echoes. */
  readonly echoesInput: boolean;
  mount(lab: LabMount): Promise<void>;
  writeFile(path: string, contents: string): Promise<void>;
  /** Starts the lab's program (its manifest's start command) or its grader (`--json`). */
  spawn(role: ProcessRole, options: SpawnOptions): Promise<RuntimeProcess>;
  /** Sends one HTTP request to the program's open port and returns the raw exchange. */
  request(spec: HttpRequestSpec): Promise<HttpExchange>;
  onPort(listener: (info: PortInfo) => void): Unsubscribe;
  /** Ends every process and releases the runtime; the object is unusable afterwards. */
  teardown(): Promise<void>;
}

/** An error a learner reads: what went wrong and what to do about it. */
export class RuntimeError extends Error {
  readonly advice: string;

  constructor(message: string, advice: string) {
    super(advice ? `${message} ${advice}` : message);
    this.name = 'RuntimeError';
    this.advice = advice;
  }
}
