// One TCP connection to a RESP server carrying pipelined commands. Commands issued in the same
// tick go out in one write; replies come back in order, so the oldest waiting command owns the
// next reply. A command that timed out keeps its place in that order and its late reply is
// dropped, which keeps every later reply matched to the right command.
import net from 'node:net';
import { CacheError, commandTimedOut, connectionLost, describeSocketError, unreachable } from './client-errors.ts';
import { NotRespError, ReplyParser, type Reply } from './reply-parser.ts';

export type Argument = string | number | Buffer;

export function encodeCommand(args: Argument[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

interface Waiting {
  name: string;
  settled: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

export class RespConnection {
  readonly address: string;
  /** Called once when the connection ends; with the reason unless it was closed on purpose. */
  onClose: (error: CacheError | null) => void = () => {};
  private readonly socket: net.Socket;
  private readonly parser = new ReplyParser();
  private readonly waiting: Waiting[] = [];
  private outgoing: Buffer[] = [];
  private ended: CacheError | null = null;
  private closingOnPurpose = false;

  private constructor(socket: net.Socket, address: string) {
    this.socket = socket;
    this.address = address;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(connectionLost(address, describeSocketError(error))));
    socket.on('close', () => this.finish());
  }

  /** Connects, or rejects with "cache unreachable at host:port: <why>". */
  static open(host: string, port: number, connectTimeout: number): Promise<RespConnection> {
    const address = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(unreachable(address, `no connection within ${connectTimeout} ms (the connectTimeout option)`));
      }, connectTimeout);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(unreachable(address, describeSocketError(error)));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new RespConnection(socket, address));
      });
    });
  }

  get isOpen(): boolean {
    return this.ended === null && !this.closingOnPurpose;
  }

  /** Sends one command; `timeout` (ms, 0 for none) bounds the wait for its reply. */
  send(args: Argument[], timeout = 0): Promise<Reply> {
    const name = String(args[0]).toUpperCase();
    if (this.ended !== null) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      const entry: Waiting = { name, settled: false, timer: undefined, resolve, reject };
      if (timeout > 0) {
        entry.timer = setTimeout(() => this.settle(entry, commandTimedOut(name, timeout, this.address)), timeout);
      }
      this.waiting.push(entry);
      if (this.outgoing.push(encodeCommand(args)) === 1) queueMicrotask(() => this.flush());
    });
  }

  /** Sends QUIT, waits for the server to answer and close. */
  async quit(timeout = 0): Promise<void> {
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    const reply = this.send(['QUIT'], timeout);
    this.closingOnPurpose = true;
    try {
      await reply;
    } finally {
      // Redis closes the connection after its +OK; nothing more is sent on this side either.
      this.socket.destroy();
    }
    await closed;
  }

  /** Closes at once; commands still waiting reject with `reason`. */
  destroy(reason: CacheError): void {
    this.closingOnPurpose = true;
    this.fail(reason);
    this.socket.destroy();
  }

  private flush(): void {
    const batch = this.outgoing.length === 1 ? this.outgoing[0] : Buffer.concat(this.outgoing);
    this.outgoing = [];
    if (this.ended === null) this.socket.write(batch);
  }

  private receive(chunk: Buffer): void {
    this.parser.push(chunk);
    let replies: Reply[];
    try {
      replies = this.parser.drain();
    } catch (error) {
      if (!(error instanceof NotRespError)) throw error;
      this.destroy(new CacheError('CACHE_PROTOCOL', `the server at ${this.address} does not speak RESP: ${error.message}`));
      return;
    }
    for (const reply of replies) {
      const entry = this.waiting.shift();
      if (entry !== undefined) this.settle(entry, reply);
    }
  }

  private settle(entry: Waiting, outcome: Reply | Error): void {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.timer);
    // Error replies from the server (ErrorReply) reject too, as node-redis does.
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  private fail(error: CacheError): void {
    this.ended ??= error;
  }

  private finish(): void {
    const error = this.ended ?? connectionLost(this.address, 'the server closed the connection');
    this.ended = error;
    for (const entry of this.waiting.splice(0)) this.settle(entry, error);
    this.onClose(this.closingOnPurpose ? null : error);
  }
}
