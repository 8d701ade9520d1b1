// Tiny TCP servers that misbehave on purpose, for client tests.
import net from 'node:net';

export interface FakeServer {
  close(): Promise<void>;
}

function listen(port: number, onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      close: () => {
        for (const socket of sockets) socket.destroy();
        return new Promise((done) => server.close(() => done()));
      },
    }));
  });
}

/** Accepts connections and reads everything, but never answers: a hung cache. */
export function silentServer(port: number): Promise<FakeServer> {
  return listen(port, (socket) => socket.resume());
}

/** Answers every command in order with the bulk string "reply-<n>", holding back the first for `delayMs`. */
export function slowFirstReplyServer(port: number, delayMs: number): Promise<FakeServer> {
  return listen(port, (socket) => {
    let count = 0;
    let released = false;
    let timing = false;
    const held: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      const commands = chunk.toString('latin1').match(/\*\d+\r\n/g)?.length ?? 0;
      for (let i = 0; i < commands; i++) {
        count++;
        const reply = Buffer.from(`$${`reply-${count}`.length}\r\nreply-${count}\r\n`);
        if (released) socket.write(reply);
        else held.push(reply);
      }
      if (!timing) {
        timing = true;
        setTimeout(() => {
          released = true;
          socket.write(Buffer.concat(held));
        }, delayMs);
      }
    });
  });
}

/** Answers anything with an HTTP error, like a web server on the cache's port. */
export function httpServer(port: number): Promise<FakeServer> {
  return listen(port, (socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
  });
}
