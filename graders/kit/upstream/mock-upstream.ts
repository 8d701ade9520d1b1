// Upstream servers the grader owns, for labs where the learner's program (or proxy) talks to
// backends: start and stop them, make them slow or failing, count their hits and see exactly
// which request line and headers reached them (e.g. X-Forwarded-For set by a proxy).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Teardown } from '../process/teardown.ts';

export interface SeenRequest {
  method: string;
  /** The request target as received, e.g. "/api/items?id=3". */
  url: string;
  /** Header names lowercased; repeated headers joined as Node joins them. */
  headers: Record<string, string | string[] | undefined>;
  /** Header fields exactly as received, in order. */
  rawHeaders: Array<[string, string]>;
  body: string;
  remoteAddress: string;
  at: number;
}

export interface UpstreamReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** How the upstream misbehaves: answer a status, reset the connection, or never answer. */
export type FailureMode = { kind: 'status'; status: number } | { kind: 'reset' } | { kind: 'hang' };

export interface MockUpstreamOptions {
  /** Shown in logs as [name], e.g. "upstream-2"; also sent back in the X-Upstream header. */
  name: string;
  host?: string;
  /** 0 (default) lets the OS choose a free port. */
  port?: number;
  /** Builds the normal reply; by default JSON naming the upstream, method and path. */
  reply?: (request: SeenRequest) => UpstreamReply;
  log?: (label: string, line: string) => void;
}

export class MockUpstream {
  readonly name: string;
  readonly host: string;
  readonly requests: SeenRequest[] = [];
  private portNumber: number;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly options: MockUpstreamOptions;
  private delayMs = 0;
  private failure: FailureMode | undefined;

  private constructor(options: MockUpstreamOptions) {
    this.options = options;
    this.name = options.name;
    this.host = options.host ?? '127.0.0.1';
    this.portNumber = options.port ?? 0;
  }

  /** Starts an upstream; with a teardown, it is stopped when the run ends. */
  static async start(options: MockUpstreamOptions, teardown?: Teardown): Promise<MockUpstream> {
    const upstream = new MockUpstream(options);
    await upstream.listen();
    teardown?.add(`stop ${options.name}`, () => upstream.stop());
    return upstream;
  }

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `http://${this.host}:${this.portNumber}`;
  }

  get hits(): number {
    return this.requests.length;
  }

  get running(): boolean {
    return this.server?.listening ?? false;
  }

  /** Delays every reply by ms (0 for none). */
  slow(ms: number): void {
    this.delayMs = ms;
  }

  fail(mode: FailureMode): void {
    this.failure = mode;
  }

  heal(): void {
    this.failure = undefined;
    this.delayMs = 0;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Resolves true once the upstream has seen `count` requests, false after timeoutMs. */
  async waitForHits(count: number, timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.hits < count) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  /** Stops listening and cuts every open connection, as a killed instance would. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port after stop(). */
  async restart(): Promise<void> {
    if (!this.server) await this.listen();
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, this.host, () => {
        const address = server.address();
        if (typeof address === 'object' && address) this.portNumber = address.port;
        this.server = server;
        resolve();
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawHeaders: Array<[string, string]> = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: { ...req.headers },
        rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
        remoteAddress: req.socket.remoteAddress ?? '',
        at: Date.now(),
      };
      this.requests.push(seen);
      const failure = this.failure;
      const answer = () => {
        if (failure?.kind === 'hang') return;
        if (failure?.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        const reply = failure ? { status: failure.status, body: `${this.name} is failing on purpose\n` } : this.reply(seen);
        const body = reply.body ?? '';
        res.writeHead(reply.status ?? 200, { 'Content-Length': Buffer.byteLength(body), 'X-Upstream': this.name, ...reply.headers });
        res.end(body);
        this.options.log?.(this.name, `${seen.method} ${seen.url} → ${reply.status ?? 200}`);
      };
      if (this.delayMs > 0) setTimeout(answer, this.delayMs);
      else answer();
    });
  }

  private reply(seen: SeenRequest): UpstreamReply {
    if (this.options.reply) return this.options.reply(seen);
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upstream: this.name, method: seen.method, path: seen.url }),
    };
  }
}
