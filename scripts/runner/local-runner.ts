// The local runner, hosted by whichever server serves the course on this computer
// (scripts/serve.ts for `npm start`, the Astro dev server for `npm run dev`). It adds two
// endpoints under the site's base path:
//   GET  <base>__runner/session  → { version, token, socket }   (same-origin pages only)
//   WS   <base>__runner/socket?token=…                         (the Local runtime's channel)
// The token is made fresh at every launch, so a page from an earlier run cannot reconnect.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxMessageBytes, PROTOCOL_VERSION, runnerPaths, type ServerMessage } from '../../runtime-protocol/messages.ts';
import { checkFetchSite, checkHost, checkOrigin, checkRemote, checkToken, type Refusal } from './request-guard.ts';
import { RunnerConnection, type RunnerConnectionOptions } from './runner-connection.ts';

export interface LocalRunnerOptions extends RunnerConnectionOptions {
  /** The site's base path, "/" or "/course/". */
  base: string;
  token?: string;
}

function normalizedBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

export class LocalRunner {
  readonly token: string;
  readonly sessionPath: string;
  readonly socketPath: string;
  readonly #options: LocalRunnerOptions;
  readonly #sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  readonly #connections = new Set<RunnerConnection>();

  constructor(options: LocalRunnerOptions) {
    this.#options = options;
    this.token = options.token ?? randomBytes(24).toString('base64url');
    const base = normalizedBase(options.base);
    this.sessionPath = base + runnerPaths.session;
    this.socketPath = base + runnerPaths.socket;
  }

  /** Answers the session endpoint; returns false for every other request. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== this.sessionPath) return false;
    const port = request.socket.localPort ?? 0;
    const refusal = checkRemote(request) ?? checkHost(request, port) ?? checkOrigin(request, port, false) ?? checkFetchSite(request);
    if (refusal) {
      response.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(refusal.reason);
      return true;
    }
    const session = { version: PROTOCOL_VERSION, token: this.token, socket: this.socketPath };
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(session));
    return true;
  }

  /** Takes over WebSocket upgrades to the runner's socket path; returns false for others. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== this.socketPath) return false;
    const port = request.socket.localPort ?? 0;
    const refusal =
      checkRemote(request) ?? checkHost(request, port) ?? checkOrigin(request, port, true) ?? checkToken(this.token, url.searchParams.get('token'));
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return true;
    }
    this.#sockets.handleUpgrade(request, socket, head, (webSocket) => this.#accept(webSocket));
    return true;
  }

  /** Ends every process of every page; the server is shutting down. */
  async close(): Promise<void> {
    await Promise.all([...this.#connections].map((connection) => connection.close()));
    for (const client of this.#sockets.clients) client.terminate();
    this.#sockets.close();
  }

  #accept(webSocket: WebSocket): void {
    const send = (message: ServerMessage) => {
      if (webSocket.readyState === webSocket.OPEN) webSocket.send(JSON.stringify(message));
    };
    const connection = new RunnerConnection(send, this.#options);
    this.#connections.add(connection);
    // Messages are handled one at a time, in order, so a write always lands before the run after it.
    let queue = Promise.resolve();
    webSocket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      queue = queue.then(() => connection.receive(text));
    });
    webSocket.on('close', () => {
      this.#connections.delete(connection);
      void queue.then(() => connection.close());
    });
  }
}

function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const text = refusal.status === 401 ? 'Unauthorized' : 'Forbidden';
  const body = Buffer.from(refusal.reason);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${refusal.reason}`,
  );
}
