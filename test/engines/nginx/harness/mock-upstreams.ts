// Upstream servers shared by real nginx and the course proxy during the differential corpus.
// Each records what it received (request line, headers in order and case, body) and answers
// by path: /status/NNN, /slow/MS, /hang, /close, /redirect, /text/N, /html/N, /headers,
// /chunked; anything else gets a short JSON echo naming the upstream.
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface SeenRequest {
  upstream: string;
  requestLine: string;
  headers: Array<[string, string]>;
  body: string;
  /** Whether an earlier request came over the same connection (upstream keepalive). */
  reused: boolean;
}

export interface MockUpstreams {
  seen: SeenRequest[];
  reset(): void;
  close(): Promise<void>;
}

export const mockPorts: Record<string, number> = { a: 4481, b: 4482, c: 4483, d: 4484 };
/** A port where nothing listens: connections are refused. */
export const refusedPort = 4489;
/** A port whose accept queue is full: connection attempts get no answer (connect timeouts). */
export const blackholePort = 4487;

/**
 * A listener that never accepts: a child process listens with a backlog of 1 and then blocks
 * its event loop; two connections fill the queue and the kernel drops later SYNs, so connecting
 * times out, all on loopback.
 */
async function startBlackhole(): Promise<{ close(): void }> {
  const child = spawn(process.execPath, ['-e', `require('node:net').createServer().listen({ port: ${blackholePort}, host: '127.0.0.1', backlog: 1 }, () => {
    process.stdout.write('listening\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the blackhole listener exited with ${code}; is port ${blackholePort} free?`)));
  });
  const fillers: Socket[] = [];
  for (let i = 0; i < 2; i++) {
    await new Promise<void>((resolve) => {
      const s = connect({ host: '127.0.0.1', port: blackholePort }, () => resolve());
      s.on('error', () => resolve());
      fillers.push(s);
    });
  }
  return {
    close() {
      for (const s of fillers) s.destroy();
      child.kill('SIGKILL');
    },
  };
}

export async function startMockUpstreams(): Promise<MockUpstreams> {
  const seen: SeenRequest[] = [];
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const usedSockets = new WeakSet<object>();
  for (const [name, port] of Object.entries(mockPorts)) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
        const body = Buffer.concat(chunks).toString('latin1');
        const reused = usedSockets.has(req.socket);
        usedSockets.add(req.socket);
        seen.push({ upstream: name, requestLine: `${req.method} ${req.url} HTTP/${req.httpVersion}`, headers, body, reused });
        answer(name, req.url ?? '/', req.headers.host ?? '', body, res);
      });
    });
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    servers.push(server);
  }
  const blackhole = await startBlackhole();
  return {
    seen,
    reset: () => void seen.splice(0),
    close: async () => {
      blackhole.close();
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

function answer(name: string, url: string, host: string, body: string, res: import('node:http').ServerResponse): void {
  const path = url.split('?')[0]!;
  let m: RegExpExecArray | null;
  if ((m = /\/status\/(\d{3})$/.exec(path))) {
    res.writeHead(Number(m[1]), { 'Content-Type': 'text/plain' }).end(`${name} says ${m[1]}\n`);
  } else if ((m = /\/slow\/(\d+)$/.exec(path))) {
    setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${name} was slow\n`), Number(m[1]));
  } else if (path.endsWith('/hang')) {
    // Never answers; the proxy's read timeout has to fire.
  } else if (path.endsWith('/close')) {
    res.socket?.destroy();
  } else if (path.endsWith('/redirect')) {
    res.writeHead(302, { Location: `http://${host}/moved/here`, 'Content-Type': 'text/plain' }).end('moved\n');
  } else if ((m = /\/(text|html)\/(\d+)$/.exec(path))) {
    res.writeHead(200, { 'Content-Type': m[1] === 'text' ? 'text/plain; charset=utf-8' : 'text/html' }).end('x'.repeat(Number(m[2])));
  } else if (path.endsWith('/headers')) {
    res.writeHead(200, {
      'Content-Type': 'text/plain', Server: 'mock-server', 'X-Powered-By': 'mock', 'X-Accel-Expires': '10',
      'Cache-Control': 'private', Expires: 'Thu, 01 Jan 2099 00:00:00 GMT', 'X-Upstream': name,
    }).end('headers\n');
  } else if (path.endsWith('/chunked')) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('first chunk\n');
    res.end('second chunk\n');
  } else {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(`${JSON.stringify({ upstream: name, url, body })}\n`);
  }
}
