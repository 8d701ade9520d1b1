// The cache the grader gives the learner's program: the course's RESP server (course-redis)
// running inside the grader, on one port for the whole run, so the checks can read its
// keyspace directly and make it fail the way caches fail in production: down (connections
// refused) or hanging (connections accepted, commands never answered).
import { createServer, type Server, type Socket } from 'node:net';
import { startCacheServer, type RunningCacheServer } from '../../../labs/engines/redis/server.ts';

export interface CacheEntry {
  value: string;
  /** Absolute expiry time in Unix milliseconds, or undefined when the key never expires. */
  expiresAt: number | undefined;
}

export type CacheState = 'up' | 'down' | 'hanging';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Listens again on a port just closed; retries briefly in case the OS has not let go of it yet. */
async function withPortRetry<T>(listen: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await listen();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 10) throw error;
      await sleep(50);
    }
  }
}

export class GraderCache {
  readonly host = '127.0.0.1';
  readonly port: number;
  private server: RunningCacheServer | undefined;
  private blackHole: { server: Server; sockets: Set<Socket> } | undefined;
  private readonly log: (line: string) => void;

  private constructor(server: RunningCacheServer, log: (line: string) => void) {
    this.server = server;
    this.port = server.port;
    this.log = log;
  }

  /** Starts the cache on `port` (0 lets the OS choose). */
  static async start(port: number, log: (line: string) => void): Promise<GraderCache> {
    return new GraderCache(await startCacheServer({ port, log }), log);
  }

  /** The address to give the learner's program as CACHE_URL. */
  get url(): string {
    return `redis://${this.host}:${this.port}`;
  }

  get state(): CacheState {
    return this.server ? 'up' : this.blackHole ? 'hanging' : 'down';
  }

  /** How many keys the cache holds (0 while it is not up). */
  get size(): number {
    return this.server?.store.size ?? 0;
  }

  /** A key as GET and PTTL would see it now, without counting a hit or a miss. */
  entry(key: string): CacheEntry | undefined {
    const store = this.server?.store;
    const value = store?.lookup(key, Date.now());
    if (!store || value === undefined) return undefined;
    const at = store.expiryOf(key);
    return { value: value.toString('utf8'), expiresAt: at === -1 ? undefined : Number(at) };
  }

  /** Stops the cache: open connections are cut and new ones refused, as when Redis dies. */
  async goDown(): Promise<void> {
    await this.closeBlackHole();
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  /** Replaces the cache with one that accepts connections and never answers a command. */
  async hang(): Promise<void> {
    await this.goDown();
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.once('close', () => sockets.delete(socket));
    });
    await withPortRetry(
      () =>
        new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(this.port, this.host, () => {
            server.off('error', reject);
            resolve();
          });
        }),
    );
    this.blackHole = { server, sockets };
  }

  /** Brings an empty cache back on the same port, as a restarted Redis without persistence. */
  async revive(): Promise<void> {
    if (this.server) return;
    await this.closeBlackHole();
    this.server = await withPortRetry(() => startCacheServer({ port: this.port, host: this.host, log: this.log }));
  }

  async stop(): Promise<void> {
    await this.goDown();
  }

  private async closeBlackHole(): Promise<void> {
    const hole = this.blackHole;
    this.blackHole = undefined;
    if (!hole) return;
    for (const socket of hole.sockets) socket.destroy();
    await new Promise<void>((resolve) => hole.server.close(() => resolve()));
  }
}
