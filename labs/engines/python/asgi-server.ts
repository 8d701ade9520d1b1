// The HTTP side of course-asgi: Node parses each request and streams its body into one ASGI
// HTTP cycle in Python (course_asgi_host); Python's send() writes straight to the socket, so a
// body sent with more_body=True leaves at once as a chunk of a chunked response. Requests run
// concurrently on Python's event loop, as under Uvicorn, with keep-alive connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UvicornLog } from './uvicorn-log.ts';

interface PyProxyLike {
  destroy(): void;
}

export interface AsgiCycle extends PyProxyLike {
  feed(data: Uint8Array, moreBody: boolean): void;
  disconnect(): void;
  run(app: unknown): Promise<['ok' | 'error' | 'close', string]>;
}

/** What Python's send() calls; see asgi-host-py.ts. */
export interface AsgiResponder {
  start(status: number, reason: string, headers: string[]): void;
  /** Writes at once; a promise to await only when the socket's buffer is full (flow control). */
  body(bytes: Uint8Array, moreBody: boolean): Promise<void> | undefined;
}

/** The Python function the server calls; see asgi-host-py.ts. */
export type AsgiCycleFactory = (request: object, rootPath: string, respond: AsgiResponder) => AsgiCycle;

export interface AsgiServerOptions {
  cycle: AsgiCycleFactory;
  app: unknown;
  rootPath: string;
  log: UvicornLog;
}

function responder(req: IncomingMessage, res: ServerResponse, client: string, log: UvicornLog): AsgiResponder {
  return {
    start(status, reason, headers) {
      log.access(client, req.method ?? 'GET', req.url ?? '/', req.httpVersion, status);
      // Uvicorn's default headers come first (uvicorn/config.py: date, then server).
      res.writeHead(status, reason, ['date', new Date().toUTCString(), 'server', 'course-asgi', ...headers]);
      // Uvicorn writes the head as soon as the app sends http.response.start; Node would hold it
      // back until the first body bytes, and a failure in between would then send nothing at all.
      res.flushHeaders();
      res.socket?.uncork();
    },
    body(bytes, moreBody) {
      // Uvicorn's send() writes to the transport and returns without yielding to the event loop
      // unless the transport is paused (uvicorn/protocols/flow_control.py): a coroutine that
      // then blocks (time.sleep) keeps every other request waiting, as it does there. Node
      // corks a response's socket until its next turn, so uncork: the bytes leave now.
      const full = bytes.length > 0 && !res.write(bytes);
      if (!moreBody) res.end();
      res.socket?.uncork();
      if (full && moreBody) return new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
      return undefined;
    },
  };
}

async function serve(options: AsgiServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const local = req.socket.address() as AddressInfo;
  const request = {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    httpVersion: req.httpVersion,
    headers: req.rawHeaders,
    remoteAddr: req.socket.remoteAddress ?? '',
    remotePort: req.socket.remotePort ?? 0,
    serverName: local.address,
    serverPort: local.port,
  };
  const client = `${request.remoteAddr}:${request.remotePort}`;
  const cycle = options.cycle(request, options.rootPath, responder(req, res, client, options.log));
  // Pyodide converts plain Uint8Arrays, not Node's Buffer subclass: hand it a view.
  let finished = false;
  const feed = (chunk: Uint8Array, more: boolean) => {
    if (finished) return;
    try {
      cycle.feed(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), more);
    } catch (error) {
      options.log.error(`Exception in ASGI server glue\n${error instanceof Error ? error.message : String(error)}`);
      req.socket.destroy();
    }
  };
  req.on('data', (chunk: Buffer) => feed(chunk, true));
  req.once('end', () => feed(new Uint8Array(0), false));
  res.once('close', () => {
    if (!finished && !res.writableFinished) cycle.disconnect();
  });
  try {
    const [outcome, message] = await cycle.run(options.app);
    if (outcome !== 'ok') options.log.error(message);
    // After the response has started, the only way left to say "broken" is to close.
    if (outcome === 'close') req.socket.end();
  } finally {
    finished = true;
    cycle.destroy();
  }
}

export function createAsgiServer(options: AsgiServerOptions): Server {
  return createServer((req, res) => {
    serve(options, req, res).catch((error: unknown) => {
      // A failure of the course's own glue, not of the application: still a 500, logged.
      options.log.error(`Exception in ASGI server glue\n${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, ['content-type', 'text/plain; charset=utf-8', 'connection', 'close']).end('Internal Server Error');
      else req.socket.end();
    });
  });
}
