// The HTTP side of course-wsgi: Node accepts connections and parses requests; each request
// becomes one PEP 3333 call in Python (course_wsgi_host). Requests are served one at a time,
// like Gunicorn's single sync worker, and every response closes its connection as that worker
// does (gunicorn/workers/sync.py handle_request: resp.force_close()). With --timeout, a request
// that outlives it is aborted and the worker restarted (worker-timeout.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GunicornLog } from './gunicorn-log.ts';
import type { PythonClock } from './python-clock.ts';
import { nextTurn, readRequestBody } from './request-body.ts';
import { RequestDeadline } from './worker-timeout.ts';

/** What course_wsgi_host yields, converted to plain JavaScript values. */
type WsgiEvent = ['head', number, string, string[]] | ['body', Uint8Array] | ['end'] | ['error', string, boolean];

interface PyProxyLike {
  destroy(): void;
}

/** The Python functions the server calls; see wsgi-host-py.ts. */
export interface WsgiHost {
  start(app: unknown, request: object, sink: (event: WsgiEvent) => void): PyProxyLike;
  next_event(events: PyProxyLike): WsgiEvent | undefined;
  stop(events: PyProxyLike): void;
}

// Gunicorn's own error page (gunicorn/util.py write_error), sent without Server or Date.
const errorPage = '<html>\n  <head>\n    <title>Internal Server Error</title>\n  </head>\n  <body>\n    <h1><p>Internal Server Error</p></h1>\n    \n  </body>\n</html>\n';

export interface WsgiServerOptions {
  host: WsgiHost;
  /** The application the worker serves; a restarted worker brings a freshly imported one. */
  worker: { app: unknown };
  log: GunicornLog;
  /** Gunicorn's --timeout in milliseconds (0: none), enforced with the runtime's clock. */
  timeoutMs: number;
  clock: PythonClock;
  /** After a request was aborted for the timeout: restart the worker, as Gunicorn's arbiter does. */
  restartWorker(): void;
}

function sendErrorPage(res: ServerResponse): void {
  res.sendDate = false;
  res.writeHead(500, 'Internal Server Error', ['Connection', 'close', 'Content-Type', 'text/html', 'Content-Length', String(Buffer.byteLength(errorPage))]);
  res.end(errorPage);
}

async function serve(options: WsgiServerOptions, listener: AddressInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const deadline = new RequestDeadline(options.clock, options.timeoutMs, () => req.socket.destroy());
  const remoteAddr = req.socket.remoteAddress ?? '';
  const remotePort = req.socket.remotePort ?? 0;
  let status = 500;
  let sent = 0;
  try {
    const request = {
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      httpVersion: req.httpVersion,
      headers: req.rawHeaders,
      body: await readRequestBody(req),
      remoteAddr,
      remotePort,
      // Gunicorn names the listening socket here, 0.0.0.0 included (gunicorn/http/wsgi.py create()).
      serverName: listener.address,
      serverPort: listener.port,
    };
    let gone = false;
    res.once('close', () => (gone = !res.writableFinished));
    const send = (event: WsgiEvent): void => {
      if (event[0] === 'head') {
        status = event[1];
        res.writeHead(event[1], event[2], ['Server', 'course-wsgi', 'Date', new Date().toUTCString(), 'Connection', 'close', ...event[3]]);
      } else if (event[0] === 'body') {
        sent += event[1].length;
        res.write(event[1]);
      }
    };
    // write() runs inside the application, before Node's next turn: Node corks a response's
    // socket until then, so uncork now and the bytes leave during the call, as PEP 3333 asks.
    const sink = (event: WsgiEvent): void => (send(event), void res.socket?.uncork());
    const events = options.host.start(options.worker.app, request, sink);
    try {
      for (;;) {
        if (gone || deadline.expired) {
          options.host.stop(events);
          break;
        }
        const event = options.host.next_event(events);
        if (!event) break;
        if (event[0] === 'head') send(event);
        else if (event[0] === 'body') {
          send(event);
          if (res.writableNeedDrain) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
          await nextTurn();
        } else if (event[0] === 'end') {
          res.end();
        } else {
          const [, traceback, headersSent] = event;
          options.log.error(headersSent ? `Error handling request\n${traceback}` : `Error handling request ${req.url ?? ''}\n${traceback}`);
          // After the headers, Gunicorn can only signal the failure by closing the connection.
          if (headersSent) req.socket.end();
          else sendErrorPage(res);
          status = 500;
        }
      }
    } finally {
      events.destroy();
    }
  } catch (error) {
    // The abort raised in Python (course_time.WorkerAbort), or the body read cut short.
    if (!deadline.expired) throw error;
  } finally {
    deadline.end();
  }
  if (deadline.expired) {
    options.log.log('critical', `WORKER TIMEOUT (pid:${process.pid})`);
    req.socket.destroy();
    options.restartWorker();
    return;
  }
  options.log.access({
    remoteAddr,
    requestLine: `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`,
    status,
    sent,
    referer: req.headers.referer,
    userAgent: req.headers['user-agent'],
  });
}

export function createWsgiServer(options: WsgiServerOptions): Server {
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    queue = queue.then(() =>
      serve(options, server.address() as AddressInfo, req, res).catch((error: unknown) => {
        // A failure of the course's own glue, not of the application: still a 500, logged.
        options.log.error(`Error handling request ${req.url ?? ''}\n${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendErrorPage(res);
        else req.socket.end();
      }),
    );
  });
  return server;
}
