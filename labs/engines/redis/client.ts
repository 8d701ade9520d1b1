// The cache client labs give to learners' code: no dependencies, and an API shaped like
// node-redis v4 (https://github.com/redis/node-redis, README "Usage") so that what a learner
// writes reads like production code and works against a real Redis:
//
//   const client = createClient({ url: 'redis://127.0.0.1:6380', commandTimeout: 200 });
//   client.on('error', (error) => console.error(error.message));
//   await client.connect();
//   await client.set('product:7', JSON.stringify(product), { EX: 60 });
//   const cached = await client.get('product:7');
//
// All commands share one connection and are pipelined. Failures reject the command's promise
// with a CacheError whose message says what happened ("cache unreachable at 127.0.0.1:6380:
// connection refused"); replies that are Redis errors reject with an ErrorReply. If the
// connection drops, the client emits 'error' (as node-redis does, an 'error' event without a
// listener crashes the process) and reconnects on the next command. Differences from
// node-redis: commands never wait in an offline queue, and `commandTimeout` bounds each command.
import { EventEmitter } from 'node:events';
import { CacheError, clientClosed, commandTimedOut } from './client-errors.ts';
import { RespConnection, type Argument } from './client-connection.ts';
import { serverAddress, type ClientOptions } from './client-options.ts';
import type { Reply } from './reply-parser.ts';

export { CacheError } from './client-errors.ts';
export { ErrorReply } from './reply-parser.ts';
export type { ClientOptions } from './client-options.ts';

export interface SetOptions {
  EX?: number;
  PX?: number;
  EXAT?: number;
  PXAT?: number;
  NX?: boolean;
  XX?: boolean;
  KEEPTTL?: boolean;
  GET?: boolean;
}

export type ExpireMode = 'NX' | 'XX' | 'GT' | 'LT';
type Value = string | number | Buffer;

function text(reply: Reply): string | null {
  return Buffer.isBuffer(reply) ? reply.toString('utf8') : (reply as string | null);
}

function status(reply: Reply): string {
  return text(reply) ?? '';
}

function texts(reply: Reply): unknown {
  return Array.isArray(reply) ? reply.map(texts) : text(reply);
}

function checkArgument(command: string, arg: unknown): void {
  if (typeof arg === 'string' || typeof arg === 'number' || Buffer.isBuffer(arg)) return;
  const kind = arg === null ? 'null' : typeof arg;
  const hint = kind === 'object' ? '; store objects as JSON.stringify(value) and parse them with JSON.parse' : '';
  throw new TypeError(`cache ${command.toUpperCase()}: every argument must be a string, number or Buffer, but one is ${kind}${hint}`);
}

export class CacheClient extends EventEmitter {
  private readonly host: string;
  private readonly port: number;
  private readonly connectTimeout: number;
  private readonly commandTimeout: number;
  private connection: RespConnection | null = null;
  private connecting: Promise<RespConnection> | null = null;
  private closed = true;

  constructor(options: ClientOptions = {}) {
    super();
    const { host, port } = serverAddress(options);
    this.host = host;
    this.port = port;
    this.connectTimeout = options.socket?.connectTimeout ?? 5000;
    this.commandTimeout = options.commandTimeout ?? 0;
  }

  /** True from connect() until quit()/disconnect(), even while reconnecting. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** True while a connection is up. */
  get isReady(): boolean {
    return !this.closed && this.connection?.isOpen === true;
  }

  /** Connects; rejects if the cache is unreachable now, and later commands try again. */
  async connect(): Promise<this> {
    if (!this.closed) throw new CacheError('CACHE_ALREADY_OPEN', 'the cache client is already connected: call connect() once, at start-up');
    this.closed = false;
    await this.ready();
    return this;
  }

  get(key: string): Promise<string | null> {
    return this.run(['GET', key]).then(text);
  }

  mGet(keys: string[]): Promise<Array<string | null>> {
    return this.run(['MGET', ...keys]).then((reply) => texts(reply) as Array<string | null>);
  }

  del(keys: string | string[]): Promise<number> {
    return this.run(['DEL', ...[keys].flat()]) as Promise<number>;
  }

  exists(keys: string | string[]): Promise<number> {
    return this.run(['EXISTS', ...[keys].flat()]) as Promise<number>;
  }

  incr(key: string): Promise<number> {
    return this.run(['INCR', key]) as Promise<number>;
  }

  ttl(key: string): Promise<number> {
    return this.run(['TTL', key]) as Promise<number>;
  }

  pTTL(key: string): Promise<number> {
    return this.run(['PTTL', key]) as Promise<number>;
  }

  dbSize(): Promise<number> {
    return this.run(['DBSIZE']) as Promise<number>;
  }

  ping(message?: string): Promise<string> {
    return this.run(message === undefined ? ['PING'] : ['PING', message]).then(status);
  }

  flushAll(): Promise<string> {
    return this.run(['FLUSHALL']).then(status);
  }

  info(section?: string): Promise<string> {
    return this.run(section === undefined ? ['INFO'] : ['INFO', section]).then(status);
  }

  /** EXPIRE in seconds; true when the TTL was set, as node-redis v4 returns it. */
  expire(key: string, seconds: number, mode?: ExpireMode): Promise<boolean> {
    return this.run(['EXPIRE', key, seconds, ...(mode ? [mode] : [])]).then((r) => r === 1);
  }

  pExpire(key: string, milliseconds: number, mode?: ExpireMode): Promise<boolean> {
    return this.run(['PEXPIRE', key, milliseconds, ...(mode ? [mode] : [])]).then((r) => r === 1);
  }

  /** SET with node-redis's option object: { EX: 60 }, { PX: 500, NX: true }, ... */
  set(key: string, value: Value, options: SetOptions = {}): Promise<string | null> {
    const args: Argument[] = ['SET', key, value];
    for (const option of ['EX', 'PX', 'EXAT', 'PXAT'] as const) {
      if (options[option] !== undefined) args.push(option, options[option]);
    }
    for (const flag of ['NX', 'XX', 'KEEPTTL', 'GET'] as const) if (options[flag]) args.push(flag);
    return this.run(args).then(text);
  }

  /** Any command as an array of arguments; bulk replies come back as strings. */
  sendCommand(args: Value[]): Promise<unknown> {
    return this.run(args).then(texts);
  }

  /** Sends QUIT, waits for the server to close the connection, resolves 'OK'. */
  async quit(): Promise<string> {
    if (this.closed) throw clientClosed();
    this.closed = true;
    const connection = this.connection ?? (await this.connecting?.catch(() => null));
    this.connection = null;
    if (connection?.isOpen) await connection.quit(this.commandTimeout);
    this.emit('end');
    return 'OK';
  }

  /** Closes the connection at once; commands still waiting reject. */
  async disconnect(): Promise<void> {
    if (this.closed) throw clientClosed();
    this.closed = true;
    const connection = this.connection ?? (await this.connecting?.catch(() => null));
    this.connection = null;
    connection?.destroy(new CacheError('CACHE_CLIENT_CLOSED', 'the cache connection was closed by disconnect()'));
    this.emit('end');
  }

  private ready(): Promise<RespConnection> {
    if (this.connection?.isOpen) return Promise.resolve(this.connection);
    this.connecting ??= RespConnection.open(this.host, this.port, this.connectTimeout)
      .then((connection) => {
        this.connection = connection;
        connection.onClose = (error) => {
          if (this.connection === connection) this.connection = null;
          if (error !== null && !this.closed) this.emit('error', error);
        };
        this.emit('connect');
        this.emit('ready');
        return connection;
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  private run(args: unknown[]): Promise<Reply> {
    if (this.closed) return Promise.reject(clientClosed());
    try {
      args.forEach((arg) => checkArgument(String(args[0]), arg));
    } catch (error) {
      return Promise.reject(error);
    }
    const name = String(args[0]).toUpperCase();
    const sent = this.ready().then((connection) => connection.send(args as Argument[]));
    if (this.commandTimeout <= 0) return sent;
    // One deadline covers reconnecting and the reply, so a cache that hangs at any point cannot
    // stall the caller beyond commandTimeout. A reply that comes later still arrives in order
    // and is dropped by the connection, which keeps the replies after it matched.
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(commandTimedOut(name, this.commandTimeout, `${this.host}:${this.port}`)), this.commandTimeout);
      sent.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }
}

/** Creates a client; call `await client.connect()` before sending commands. */
export function createClient(options: ClientOptions = {}): CacheClient {
  return new CacheClient(options);
}
