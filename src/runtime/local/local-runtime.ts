// LabRuntime on the local runner: the page talks over a WebSocket to the server that sent it
// (scripts/runner/), which runs the lab's program and grader with this computer's Node.
// Requests carry an id and wait for the reply with the same id; output, exits and port
// events arrive on their own and are routed to their process or listeners.
import {
  serverMessageSchema,
  type ClientMessage,
  type RunnerSession,
  type ServerMessage,
} from '../../../runtime-protocol/messages.ts';
import {
  RuntimeError,
  type HttpExchange,
  type HttpRequestSpec,
  type LabMount,
  type LabRuntime,
  type PortInfo,
  type ProcessRole,
  type RuntimeProcess,
  type SpawnOptions,
  type Unsubscribe,
} from '../lab-runtime.ts';
import { Listeners } from '../listeners.ts';
import { LocalProcess } from './local-process.ts';
import { socketUrl } from './runner-session.ts';

/** The part of the browser's WebSocket the runtime uses (the `ws` package matches it in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type OpenSocket = (url: string) => SocketLike;

type Outgoing = ClientMessage extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;
type Reply = Exclude<ServerMessage, { type: 'hello' | 'output' | 'exit' | 'port' | 'protocol-error' }>;

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  /** For spawns: where the new process's output goes, wired before any output can arrive. */
  onOutput?: (chunk: string) => void;
  role?: ProcessRole;
}

const runnerGone = new RuntimeError(
  'The connection to the local runner closed: the server started with `npm start` (or `npm run dev`) stopped.',
  'Start it again and reload this page.',
);

export class LocalRuntime implements LabRuntime {
  readonly kind = 'local';
  readonly echoesInput = false;
  readonly #socket: SocketLike;
  readonly #pending = new Map<number, Pending>();
  readonly #processes = new Map<string, LocalProcess>();
  readonly #ports = new Listeners<PortInfo>();
  #nextId = 1;
  #closed = false;

  private constructor(socket: SocketLike) {
    this.#socket = socket;
    socket.addEventListener('message', (event) => this.#receive(String(event.data)));
    socket.addEventListener('close', () => this.#lost());
  }

  /** Opens the runner's socket; rejects with a RuntimeError if the runner refuses the page. */
  static connect(session: RunnerSession, pageUrl: string, openSocket: OpenSocket = (url) => new WebSocket(url)): Promise<LocalRuntime> {
    const socket = openSocket(socketUrl(session, pageUrl));
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(new LocalRuntime(socket)));
      socket.addEventListener('error', () =>
        reject(new RuntimeError('The local runner refused this page.', 'Its token changes each time the server starts: reload the page. Open the course through http://localhost, not another name.')),
      );
    });
  }

  async mount(lab: LabMount): Promise<void> {
    await this.#call({ type: 'mount', lab: lab.id, files: lab.files });
  }

  async writeFile(path: string, contents: string): Promise<void> {
    await this.#call({ type: 'write', path, contents });
  }

  async spawn(role: ProcessRole, options: SpawnOptions): Promise<RuntimeProcess> {
    const reply = await this.#call({ type: 'spawn', role, cols: options.cols, rows: options.rows }, { onOutput: options.onOutput, role });
    if (reply.type !== 'spawned') throw new RuntimeError(`The runner answered a spawn with "${reply.type}".`, 'Reload the page.');
    return this.#processes.get(reply.process) as LocalProcess;
  }

  async request(spec: HttpRequestSpec): Promise<HttpExchange> {
    const reply = await this.#call({ type: 'request', request: spec });
    if (reply.type !== 'response') throw new RuntimeError(`The runner answered a request with "${reply.type}".`, 'Reload the page.');
    return reply.exchange;
  }

  onPort(listener: (info: PortInfo) => void): Unsubscribe {
    return this.#ports.add(listener);
  }

  /** Closing the socket is enough: the runner ends every process of a page that goes away. */
  async teardown(): Promise<void> {
    this.#closed = true;
    this.#socket.close();
    this.#lost();
  }

  #call(message: Outgoing, extra: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<Reply> {
    if (this.#closed) return Promise.reject(runnerGone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, ...extra });
      this.#socket.send(JSON.stringify({ ...message, id }));
    });
  }

  #receive(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(value);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'hello':
      case 'protocol-error':
        return;
      case 'output':
        this.#processes.get(message.process)?.onOutput(message.data);
        return;
      case 'exit':
        this.#processes.get(message.process)?.exited(message.code);
        this.#processes.delete(message.process);
        return;
      case 'port':
        this.#ports.emit({ port: message.port, state: message.state });
        return;
      default:
        this.#settle(message);
    }
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.type === 'failed') {
      pending.reject(new RuntimeError(reply.message, ''));
      return;
    }
    if (reply.type === 'spawned' && pending.onOutput && pending.role) {
      const controls = {
        sendInput: (process: string, data: string) => this.#send({ type: 'input', process, data }),
        kill: async (process: string) => void (await this.#call({ type: 'kill', process })),
      };
      this.#processes.set(reply.process, new LocalProcess(reply.process, pending.role, reply.command, pending.onOutput, controls));
    }
    pending.resolve(reply);
  }

  #send(message: ClientMessage): void {
    if (!this.#closed) this.#socket.send(JSON.stringify(message));
  }

  #lost(): void {
    this.#closed = true;
    for (const pending of this.#pending.values()) pending.reject(runnerGone);
    this.#pending.clear();
    for (const process of this.#processes.values()) process.exited(null);
    this.#processes.clear();
    this.#ports.clear();
  }
}
