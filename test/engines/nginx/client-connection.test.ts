// The course proxy's own HTTP/1.x connection handling (client-connection.ts, respond.ts and the
// streamed upstream body): keep-alive as nginx does it, nginx's refusals of malformed requests,
// chunked request bodies, and upstream bodies passed on while they arrive. The differential
// corpus sends one request per connection; these cover what happens around that.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canListen } from '../../../graders/kit/process/port-probe.ts';
import { loadConfig } from '../../../labs/engines/nginx/load-config.ts';
import { startProxy, type ProxyHandle } from '../../../labs/engines/nginx/proxy-server.ts';

let proxy: ProxyHandle;
let upstream: Server;
let proxyPort = 0;
let prefix = '';
const seen: string[] = [];

async function freePort(): Promise<number> {
  for (let port = 28600 + Math.floor(Math.random() * 300); port < 28999; port += 1) if (await canListen('127.0.0.1', port)) return port;
  throw new Error('no free port between 28600 and 28999');
}

/** Sends raw bytes, then collects what comes back until the server closes or `ms` pass. */
function exchange(bytes: string, ms = 1500, onData?: (text: string, socket: Socket) => void): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: proxyPort });
    let text = '';
    const timer = setTimeout(() => (socket.destroy(), resolve({ text, closed: false })), ms);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      onData?.(text, socket);
    });
    socket.on('close', () => (clearTimeout(timer), resolve({ text, closed: true })));
    socket.on('error', () => undefined);
  });
}

beforeAll(async () => {
  // The upstream records each request it receives and answers /slow in two parts, 400 ms apart.
  upstream = createServer((socket) => {
    let request = '';
    socket.on('data', (d: Buffer) => {
      request += d.toString('latin1');
      const end = request.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(request)?.[1] ?? 0);
      if (request.length < end + 4 + length) return;
      seen.push(request);
      if (request.startsWith('GET /slow')) {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nfirst-');
        setTimeout(() => socket.end('second'), 400);
      } else socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nfrom upstream\n');
    });
  }).listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const upstreamPort = (upstream.address() as { port: number }).port;
  proxyPort = await freePort();
  prefix = mkdtempSync(join(tmpdir(), 'course-nginx-connections-'));
  writeFileSync(join(prefix, 'nginx.conf'), `events {} http { access_log off; server { listen 127.0.0.1:${proxyPort};
    location = /hello { return 200 "hello\\n"; } location / { proxy_pass http://127.0.0.1:${upstreamPort}; } } }`);
  const outcome = await loadConfig({ prefix, confFile: 'nginx.conf' });
  proxy = await startProxy(outcome, { stdout: () => undefined, stderr: () => undefined });
});

afterAll(async () => {
  await proxy?.close();
  upstream?.close();
  rmSync(prefix, { recursive: true, force: true });
});

describe('course-nginx client connections', () => {
  test('answers two requests sent at once on one HTTP/1.1 connection, in order, and keeps it open', async () => {
    const request = 'GET /hello HTTP/1.1\r\nHost: a.test\r\n\r\n';
    const { text, closed } = await exchange(request + request, 600);
    expect(text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(text.match(/Connection: keep-alive/g)).toHaveLength(2);
    expect(text.match(/\r\n\r\nhello\n/g)).toHaveLength(2);
    expect(closed).toBe(false);
  });

  test('closes after answering an HTTP/1.0 request that did not ask for keep-alive', async () => {
    const { text, closed } = await exchange('GET /hello HTTP/1.0\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain('Connection: close\r\n');
    expect(closed).toBe(true);
  });

  test('refuses an HTTP/1.1 request without Host with nginx\'s 400 page, then closes', async () => {
    const { text, closed } = await exchange('GET /hello HTTP/1.1\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toContain('<center><h1>400 Bad Request</h1></center>');
    expect(closed).toBe(true);
  });

  test('refuses an unknown Transfer-Encoding with 501', async () => {
    const { text } = await exchange('POST /x HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: gzip\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
  });

  test('reads a chunked request body and sends it upstream with a Content-Length', async () => {
    seen.length = 0;
    const { text } = await exchange('POST /form HTTP/1.1\r\nHost: a.test\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\nname\r\n6\r\n=value\r\n0\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(seen[0]).toMatch(/^POST \/form HTTP\/1\.0\r\n/);
    expect(seen[0]).toContain('Content-Length: 10\r\n');
    expect(seen[0]!.endsWith('\r\n\r\nname=value')).toBe(true);
  });

  test('passes an upstream body on as it arrives instead of waiting for all of it', async () => {
    // The client holds the header and the first part while the upstream still owes the rest.
    let firstPartAlone = false;
    const { text } = await exchange('GET /slow HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n', 3000, (sofar) => {
      if (sofar.includes('\r\n\r\nfirst-') && !sofar.includes('second')) firstPartAlone = true;
    });
    expect(text).toContain('Content-Length: 12\r\n');
    expect(text.endsWith('\r\n\r\nfirst-second')).toBe(true);
    expect(firstPartAlone).toBe(true);
  });
});
