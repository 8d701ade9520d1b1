// One client connection: bytes in, commands parsed and run in order, replies out. All replies
// produced by one read are sent in one write, so a pipelined batch costs one syscall.
import type { Socket } from 'node:net';
import { execute } from './commands/table.ts';
import type { CommandContext, ServerState } from './commands/types.ts';
import { ProtocolError, RequestParser } from './request-parser.ts';
import { errorReply } from './resp.ts';
import type { KeyStore } from './store.ts';

export interface SessionDeps {
  store: KeyStore;
  server: ServerState;
  clock: () => number;
  log: (line: string) => void;
}

export function serveConnection(socket: Socket, { store, server, clock, log }: SessionDeps): void {
  const stats = server.stats;
  const parser = new RequestParser();
  let closing = false;
  let aborted = false;
  const context: CommandContext = {
    store,
    server,
    now: 0,
    closeAfterReply() {
      closing = true;
    },
    abort(reason) {
      aborted = true;
      log(`course-redis: ${reason}`);
    },
  };
  stats.connectedClients++;
  stats.totalConnections++;
  socket.setNoDelay(true);

  socket.on('data', (chunk: Buffer) => {
    // After QUIT or a protocol error Redis reads nothing more from the client.
    if (closing) return;
    stats.netInputBytes += chunk.length;
    parser.push(chunk);
    const replies: Buffer[] = [];
    while (!closing) {
      const request = parser.next();
      if (request === null) break;
      let reply: Buffer | null;
      if (request instanceof ProtocolError) {
        // setProtocolError() in networking.c: reply with the error, then close.
        reply = errorReply(`ERR ${request.message}`);
        closing = true;
      } else {
        context.now = clock();
        reply = execute(request, context);
      }
      // Redis frees an aborted client before writing anything still queued for it.
      if (aborted || reply === null) {
        socket.destroy();
        return;
      }
      if (reply[0] === 0x2d) stats.errorReplies++;
      replies.push(reply);
    }
    if (replies.length > 0) {
      const out = replies.length === 1 ? replies[0] : Buffer.concat(replies);
      stats.netOutputBytes += out.length;
      if (!socket.write(out) && !closing) {
        // A client that pipelines faster than it reads: stop reading until it catches up.
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    }
    if (closing) socket.end(() => socket.destroy());
  });
  // A client that resets its connection is routine for a server, not a failure.
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    stats.connectedClients--;
  });
}
