import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { CheckFailure } from '../../../graders/kit/check.ts';
import { HttpClient } from '../../../graders/kit/http/http-client.ts';
import { Transcript } from '../../../graders/kit/http/transcript.ts';
import { freePort } from '../../../graders/kit/process/port-probe.ts';

const servers: Server[] = [];
const sockets = new Set<Socket>();

/** A TCP server that answers each request with whatever `reply` writes. */
async function rawServer(reply: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => reply(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function client(port: number, transcript = new Transcript()): HttpClient {
  return new HttpClient({ host: '127.0.0.1', port, transcript, defaultTimeoutMs: 500 });
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('HttpClient', () => {
  test('records the request and response in the transcript, with a curl line to repeat it', async () => {
    const port = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\n<h1>hi</h1>'));
    const transcript = new Transcript();
    const http = client(port, transcript);
    const response = await http.get('/');
    expect(response.status).toBe(200);
    expect(response.header('content-type')).toBe('text/html');
    expect(transcript.text()).toBe(
      [`> GET / HTTP/1.1`, `> Host: 127.0.0.1:${port}`, '> User-Agent: port-to-production-grader/1', '> Accept: */*', '> Connection: close', '>', '< HTTP/1.1 200 OK', '< Content-Type: text/html', '< Content-Length: 11', '<', '< <h1>hi</h1>'].join('\n'),
    );
    expect(http.lastRepro).toBe(`curl -i http://127.0.0.1:${port}/`);
  });

  test('skips an informational 103 response and returns the final one', async () => {
    const port = await rawServer((socket) => socket.end('HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'));
    expect((await client(port).get('/')).status).toBe(204);
  });

  test('fails with the connection-refused hint when nothing listens', async () => {
    const port = await freePort();
    const failure = await client(port).get('/').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CheckFailure);
    expect((failure as CheckFailure).reason).toBe('assertion');
    expect((failure as CheckFailure).message).toMatch(/connection refused.*ECONNREFUSED.*still running and listens on the PORT and HOST/);
  });

  test('fails with reason timeout when the server accepts but never answers', async () => {
    const port = await rawServer(() => {});
    const failure = (await client(port).get('/').catch((error: unknown) => error)) as CheckFailure;
    expect(failure.reason).toBe('timeout');
    expect(failure.message).toMatch(/no response within 500 ms/);
  });

  test('shows bytes that are not HTTP escaped in the transcript', async () => {
    const port = await rawServer((socket) => socket.end(Buffer.from([0x00, 0x01, 0x41])));
    const transcript = new Transcript();
    const outcome = await client(port, transcript).attempt({ path: '/' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('NOT_HTTP');
    expect(transcript.text()).toContain('< \\u0000\\u0001A');
  });

  test('notices a body sent after a response to HEAD', async () => {
    const port = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'));
    const response = await client(port).request({ method: 'HEAD', path: '/', settleMs: 200 });
    expect(response.trailing.toString()).toBe('hello');
  });

  test('reports a reply of zero bytes as an empty reply', async () => {
    const port = await rawServer((socket) => socket.end());
    const outcome = await client(port).attempt({ path: '/' });
    expect(!outcome.ok && outcome.error.code).toBe('EMPTY_REPLY');
  });

  test('sends a body with its Content-Length', async () => {
    let received = '';
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        if (received.endsWith('{"a":1}')) socket.end('HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const response = await client((server.address() as { port: number }).port).request({ method: 'POST', path: '/items', body: '{"a":1}' });
    expect(response.status).toBe(201);
    expect(received).toMatch(/^POST \/items HTTP\/1\.1\r\n[^]*Content-Length: 7\r\n[^]*\r\n\r\n\{"a":1\}$/);
  });
});
