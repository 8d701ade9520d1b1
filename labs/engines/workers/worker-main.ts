// One worker process: loads the app, serves HTTP on a private loopback port the master pipes
// connections to, and follows Gunicorn's worker lifecycle — heartbeat, max_requests recycling
// ("Autorestarting worker after current request."), abort on timeout, graceful stop.
// https://docs.gunicorn.org/en/20.1.0/design.html
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AppLoadError, loadApp, missingHandlers, type Handler } from './app-module.ts';
import { respond } from './app-response.ts';
import { CostSpender, freeEndpoint } from './worker-costs.ts';
import { Heartbeat } from './worker-heartbeat.ts';
import type { MasterMessage, WorkerConfig, WorkerMessage } from './ipc-messages.ts';
import { log } from './log.ts';
import { Semaphore } from './semaphore.ts';

const send = (message: WorkerMessage) => {
  if (process.connected) process.send!(message);
};

function exitWorker(status: number): never {
  log('INFO', `Worker exiting (pid: ${process.pid})`);
  process.exit(status);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function runWorker(config: WorkerConfig): Promise<void> {
  log('INFO', `Booting worker with pid: ${process.pid}`);
  let routes: Map<string, Handler>;
  try {
    routes = await loadApp(config.app, config.cwd);
    const missing = missingHandlers(routes, config.endpoints);
    if (missing.length > 0) {
      throw new AppLoadError(`machine.json prices ${missing.map((k) => `"${k}"`).join(', ')} but '${config.app}' has no such handler (it has ${[...routes.keys()].map((k) => `"${k}"`).join(', ')}); fix the spelling in one of them.`, 4);
    }
  } catch (error) {
    if (!(error instanceof AppLoadError)) throw error;
    if (error.exitCode === 3) log('ERROR', 'Exception in worker process');
    process.stderr.write(`${error.message}\n`);
    exitWorker(error.exitCode);
  }

  const coreGrants = new Map<number, () => void>();
  let nextCoreId = 1;
  const spender = new CostSpender({
    acquireCore: () =>
      new Promise((resolve) => {
        const id = nextCoreId++;
        coreGrants.set(id, () => resolve(id));
        send({ type: 'cpu', id });
      }),
    releaseCore: (id) => send({ type: 'cpu-done', id }),
    reportLeak: (kib) => send({ type: 'leak', kib }),
  });
  const threads = new Semaphore(config.kind === 'sync' ? 1 : Math.max(1, config.threads));
  const heartbeat = new Heartbeat(config.kind, config.timeout, () => send({ type: 'notify' }));
  let alive = true;
  let handled = 0;
  let active = 0;

  const server = createServer();
  server.keepAliveTimeout = config.kind === 'gthread' ? config.keepalive * 1000 : 0;
  const finishIfRetired = () => {
    if (!alive && active === 0) exitWorker(0);
  };
  const retire = (graceful: boolean) => {
    if (!alive) return;
    alive = false;
    send({ type: 'retiring' });
    server.close();
    server.closeIdleConnections();
    setTimeout(() => exitWorker(0), config.gracefulTimeout * 1000).unref();
    if (graceful) finishIfRetired();
  };

  // The previous connection's close can arrive after the next connection: the worker is idle
  // only when no connection is open, or a hung request would keep it notifying.
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    heartbeat.busy();
    socket.on('close', () => {
      connections--;
      if (alive && connections === 0) heartbeat.idle();
    });
  });
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    await threads.acquire();
    active++;
    handled++;
    if (alive && config.maxRequests > 0 && handled >= config.maxRequests) {
      log('INFO', 'Autorestarting worker after current request.');
      retire(false);
    }
    const url = new URL(req.url ?? '/', 'http://worker.invalid');
    const key = `${req.method} ${url.pathname}`;
    await spender.spend({ ...freeEndpoint, ...config.endpoints[key] });
    const out = await respond(routes.get(key), { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    res.statusCode = out.status;
    if (out.errorPage) res.sendDate = false;
    else res.setHeader('Server', 'gunicorn');
    for (const [name, value] of Object.entries(out.headers)) res.setHeader(name, value);
    res.setHeader('Content-Length', Buffer.byteLength(out.body));
    // A sync worker never keeps a connection; a retiring thread worker closes its last ones
    // (gunicorn/workers/gthread.py, handle_request: resp.force_close()).
    if (config.kind === 'sync' || !alive || config.keepalive === 0) res.setHeader('Connection', 'close');
    res.on('close', () => {
      active--;
      threads.release();
      finishIfRetired();
    });
    res.end(out.body);
  });

  process.on('message', (message: MasterMessage) => {
    if (message.type === 'core') {
      coreGrants.get(message.id)?.();
      coreGrants.delete(message.id);
    }
    else if (message.type === 'abort') exitWorker(1);
    else if (message.type === 'stop' && message.graceful) retire(true);
    else if (message.type === 'stop') exitWorker(0);
  });
  // The master is gone (killed, crashed): a worker never outlives it (Gunicorn workers check
  // their parent pid for the same reason).
  process.on('disconnect', () => process.exit(0));
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => retire(true));

  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') send({ type: 'ready', port: address.port });
    heartbeat.start();
  });
}
