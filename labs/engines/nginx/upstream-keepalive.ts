// The cache of idle upstream connections that `keepalive N` in an upstream block enables
// (src/http/modules/ngx_http_upstream_keepalive_module.c): at most N idle connections per
// group, the least recently used one dropped first, closed after 60 s idle
// (keepalive_timeout) or when the upstream closes it. A connection goes back to the cache
// only after a complete HTTP/1.1 response without "Connection: close"; nginx 1.22 sends
// HTTP/1.0 and "Connection: close" by default, so the cache needs proxy_http_version 1.1 and
// proxy_set_header Connection "" to be used at all.
import type { Socket } from 'node:net';
import type { Peer } from './upstream-peers.ts';

const idleTimeoutMs = 60_000;

export class KeepalivePool {
  private readonly max: number;
  private readonly idle: Array<{ peer: Peer; socket: Socket }> = [];

  constructor(max: number) {
    this.max = max;
  }

  take(peer: Peer): Socket | undefined {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const entry = this.idle[i]!;
      if (entry.peer !== peer) continue;
      this.idle.splice(i, 1);
      entry.socket.removeAllListeners('close');
      entry.socket.removeAllListeners('error');
      entry.socket.removeAllListeners('data');
      entry.socket.removeAllListeners('timeout');
      entry.socket.setTimeout(0);
      if (!entry.socket.destroyed) return entry.socket;
    }
    return undefined;
  }

  give(peer: Peer, socket: Socket): void {
    socket.removeAllListeners('data');
    socket.removeAllListeners('end');
    socket.removeAllListeners('error');
    socket.removeAllListeners('timeout');
    const entry = { peer, socket };
    const drop = () => {
      const at = this.idle.indexOf(entry);
      if (at !== -1) this.idle.splice(at, 1);
      socket.destroy();
    };
    socket.on('close', drop);
    socket.on('error', drop);
    socket.on('data', drop);
    socket.setTimeout(idleTimeoutMs, drop);
    this.idle.push(entry);
    if (this.idle.length > this.max) this.idle.shift()!.socket.destroy();
  }

  closeAll(): void {
    for (const { socket } of this.idle.splice(0)) socket.destroy();
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
