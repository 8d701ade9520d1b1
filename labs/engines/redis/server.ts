// The cache server: a TCP listener speaking RESP2 over one in-memory keyspace, with Redis's
// periodic active expiry (serverCron runs it hz=10 times a second, each run using at most
// 25% of that tick: ACTIVE_EXPIRE_CYCLE_SLOW_TIME_PERC in redis/src/expire.c).
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { ServerState } from './commands/types.ts';
import { serveConnection } from './session.ts';
import { KeyStore } from './store.ts';

const EXPIRE_CYCLE_INTERVAL_MS = 100;
const EXPIRE_CYCLE_BUDGET_MS = 25;

export interface CacheServerOptions {
  port: number;
  /** The address to listen on; 127.0.0.1 unless told otherwise, like Redis's default bind. */
  host?: string;
  /** Where notices go (one line each); stderr by default. */
  log?: (line: string) => void;
  /** Unix milliseconds; replaceable so tests can move time. */
  clock?: () => number;
}

export interface RunningCacheServer {
  readonly host: string;
  readonly port: number;
  readonly store: KeyStore;
  /** Stops listening, closes every client connection and stops the expiry cycle. */
  close(): Promise<void>;
}

export function startCacheServer(options: CacheServerOptions): Promise<RunningCacheServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  const store = new KeyStore();
  const sockets = new Set<net.Socket>();
  const listener = net.createServer();
  let port = options.port;
  const state: ServerState = {
    get port() {
      return port;
    },
    startedAt: clock(),
    runId: randomBytes(20).toString('hex'),
    stats: { connectedClients: 0, totalConnections: 0, commandsProcessed: 0, errorReplies: 0, netInputBytes: 0, netOutputBytes: 0 },
  };
  listener.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, { store, server: state, clock, log });
  });
  return new Promise((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port, host, () => {
      listener.off('error', reject);
      const address = listener.address();
      if (address !== null && typeof address === 'object') port = address.port;
      const cycle = setInterval(() => store.activeExpireCycle(clock, EXPIRE_CYCLE_BUDGET_MS), EXPIRE_CYCLE_INTERVAL_MS);
      cycle.unref();
      resolve({
        host,
        port,
        store,
        close() {
          clearInterval(cycle);
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => listener.close(() => done()));
        },
      });
    });
  });
}
