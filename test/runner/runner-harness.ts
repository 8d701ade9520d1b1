// Starts an HTTP server on 127.0.0.1 with the local runner attached the way scripts/serve.ts
// attaches it, against the fixture lab in test/fixtures/runner/, with a fresh work folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../runtime-protocol/messages.ts';
import { LocalRunner } from '../../scripts/runner/local-runner.ts';

export const fixtureRoot = 'test/fixtures/runner';

export interface RunnerHarness {
  port: number;
  origin: string;
  runner: LocalRunner;
  workRoot: string;
  close(): Promise<void>;
}

export async function startRunner(): Promise<RunnerHarness> {
  const workRoot = mkdtempSync(join(tmpdir(), 'runner-work-'));
  const runner = new LocalRunner({ base: '/', labsDir: join(fixtureRoot, 'labs'), bundlesDir: join(fixtureRoot, 'bundles'), workRoot });
  const server: Server = createServer((request, response) => {
    if (!runner.handleRequest(request, response)) response.writeHead(404).end();
  });
  server.on('upgrade', (request, socket, head) => {
    if (!runner.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    runner,
    workRoot,
    async close() {
      await runner.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(workRoot, { recursive: true, force: true });
    },
  };
}

/** What a refused upgrade answered: its status code and body. */
export function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      reject(new Error('the runner accepted a connection it should refuse'));
    });
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.on('error', () => undefined);
  });
}

/** A connected page: sends messages and waits for the ones it expects. */
export class TestClient {
  /** Every message but output, which is gathered per process (see output()). */
  readonly messages: ServerMessage[] = [];
  readonly #socket: WebSocket;
  readonly #waiters = new Set<() => void>();
  readonly #outputs = new Map<string, string>();
  #nextId = 1;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'output') this.#outputs.set(message.process, (this.#outputs.get(message.process) ?? '') + message.data);
      else this.messages.push(message);
      for (const waiter of [...this.#waiters]) waiter();
    });
  }

  static connect(harness: RunnerHarness): Promise<TestClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/__runner/socket?token=${harness.runner.token}`, { headers: { Origin: harness.origin } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TestClient(socket)));
      socket.once('error', reject);
    });
  }

  sendRaw(value: unknown): void {
    this.#socket.send(JSON.stringify(value));
  }

  /** Sends a request message with a fresh id and waits for the reply carrying that id. */
  async call(message: Record<string, unknown> & { type: ClientMessage['type'] }): Promise<ServerMessage> {
    const id = this.#nextId++;
    this.sendRaw({ ...message, id });
    return this.waitFor((reply) => 'id' in reply && reply.id === id);
  }

  waitFor(match: (message: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`no matching message; received: ${JSON.stringify(this.messages).slice(-800)}`));
      }, timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }

  output(process: string): string {
    return this.#outputs.get(process) ?? '';
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.close();
    });
  }
}

/** A GET with exactly these headers; fetch() would not let a test set Host. */
export function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
