// The cache of idle upstream connections that `keepalive N` in an upstream block enables
// (src/http/modules/ngx_http_upstream_keepalive_module.c): at most N idle connections per
// group, the least recently used one dropped first, closed after 60 s idle
// (keepalive_timeout) or when the upstream closes it. A connection goes back to the cache
// only after a complete HTTP/1.1 response without "Connection: close"; nginx 1.22 sends
// HTTP/1.0 and "Connection: close" by default, so the cache needs proxy_http_version 1.1 and
// proxy_set_header Connection "" to be used at all.
import type { Socket } from 'node:net';
import { unwatch, watch, type Deadline } from './deadlines.ts';
import type { Peer } from './upstream-peers.ts';
import { setOwner, type SocketOwner } from './upstream-socket.ts';

const idleTimeoutMs = 60_000;

/** An idle connection in the cache: anything it hears (bytes, a close, an error) ends it. */
class IdleConnection implements SocketOwner {
  readonly peer: Peer;
  readonly socket: Socket;
  readonly deadline: Deadline;
  private readonly pool: KeepalivePool;

  constructor(peer: Peer, socket: Socket, pool: KeepalivePool) {
    this.peer = peer;
    this.socket = socket;
    this.pool = pool;
    this.deadline = { at: Date.now() + idleTimeoutMs, expire: () => this.drop() };
  }

  drop(): void {
    this.pool.forget(this);
    this.socket.destroy();
  }

  connected(): void {}
  data(): void {
    this.drop();
  }
  end(): void {
    this.drop();
  }
  error(): void {
    this.drop();
  }
}

export class KeepalivePool {
  private readonly max: number;
  private readonly idle: IdleConnection[] = [];

  constructor(max: number) {
    this.max = max;
  }

  take(peer: Peer): Socket | undefined {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const entry = this.idle[i]!;
      if (entry.peer !== peer) continue;
      this.idle.splice(i, 1);
      unwatch(entry.deadline);
      setOwner(entry.socket, undefined);
      if (!entry.socket.destroyed) return entry.socket;
    }
    return undefined;
  }

  give(peer: Peer, socket: Socket): void {
    const entry = new IdleConnection(peer, socket, this);
    setOwner(socket, entry);
    watch(entry.deadline);
    this.idle.push(entry);
    if (this.idle.length > this.max) this.idle[0]!.drop();
  }

  /** Removes a connection that closed or timed out while idle. */
  forget(entry: IdleConnection): void {
    unwatch(entry.deadline);
    const at = this.idle.indexOf(entry);
    if (at !== -1) this.idle.splice(at, 1);
  }

  closeAll(): void {
    for (const entry of this.idle.splice(0)) {
      unwatch(entry.deadline);
      entry.socket.destroy();
    }
  }
}

/** Whether a response leaves the connection reusable (u->keepalive in the proxy module). */
export function reusable(status: number, headers: Array<[string, string]>, httpMinor: number): boolean {
  if (httpMinor < 1) return false;
  const connection = headers.find(([n]) => n.toLowerCase() === 'connection')?.[1]?.toLowerCase() ?? '';
  if (connection.includes('close')) return false;
  if (status === 204 || status === 304) return true;
  return headers.some(([n, v]) => n.toLowerCase() === 'content-length' || (n.toLowerCase() === 'transfer-encoding' && v.toLowerCase().includes('chunked')));
}
