// The master's half of "workers share the listening socket". In Gunicorn every worker blocks
// in accept() on the one socket and the kernel hands each connection to a waiting worker;
// Node child processes cannot share a socket in the WebContainer, so the master accepts, keeps
// connections in an accept queue of `backlog` places, and pipes each one, unread, to the
// private loopback port of a worker that would be waiting in accept() right now.
// https://docs.gunicorn.org/en/20.1.0/design.html#server-model
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { WorkerSlot } from './worker-slot.ts';

export interface Listener {
  host: string;
  port: number;
}

export class ConnectionDispatcher {
  private readonly queue: Socket[] = [];
  private readonly servers: Server[] = [];
  private readonly open = new Set<Socket>();
  private readonly backlog: number;
  private readonly pickWorker: () => WorkerSlot | undefined;

  constructor(backlog: number, pickWorker: () => WorkerSlot | undefined) {
    this.backlog = backlog;
    this.pickWorker = pickWorker;
  }

  /** Listens; resolves with the address bound (the real port when asked for port 0). */
  listen(listener: Listener): Promise<Listener> {
    const server = createServer({ pauseOnConnect: true, noDelay: true }, (socket) => this.accept(socket));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: listener.host, port: listener.port, backlog: this.backlog }, () => {
        server.off('error', reject);
        this.servers.push(server);
        const address = server.address();
        resolve(address && typeof address === 'object' ? { host: listener.host, port: address.port } : listener);
      });
    });
  }

  private accept(socket: Socket): void {
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.queue.length >= this.backlog) {
      // Linux drops the SYN of a full backlog and the client retries; the course refuses at once.
      socket.destroy();
      return;
    }
    this.queue.push(socket);
    socket.once('close', () => {
      const at = this.queue.indexOf(socket);
      if (at >= 0) this.queue.splice(at, 1);
    });
    this.drain();
  }

  /** Hands queued connections to accepting workers, oldest connection first. */
  drain(): void {
    while (this.queue.length > 0) {
      const worker = this.pickWorker();
      if (!worker) return;
      this.pipe(this.queue.shift()!, worker);
    }
  }

  private pipe(client: Socket, worker: WorkerSlot): void {
    worker.openConnections++;
    const upstream = connect({ host: '127.0.0.1', port: worker.port!, noDelay: true });
    let released = false;
    // The worker is free again once its side of the connection is closed; the client's side
    // then ends after the piped response has been flushed (pipe() calls end(), never destroy()).
    const release = () => {
      if (released) return;
      released = true;
      worker.openConnections--;
      this.drain();
    };
    upstream.on('error', () => {
      client.destroy();
      release();
    });
    upstream.on('close', release);
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Stops accepting; open connections stay until their worker finishes them. */
  closeListeners(): void {
    for (const server of this.servers) server.close();
  }

  /** Resets every connection at once (the OOM kill). */
  destroyAll(): void {
    this.closeListeners();
    for (const socket of this.open) socket.destroy();
  }
}
