// The product database of the cache-aside lab: a slow HTTP service holding products, which
// the learner's API reads on every cache miss. The grader owns one (seeded products, a query
// counter, adjustable latency, injected failures); the practice launcher starts another so a
// learner can try their API by hand. Its routes:
//   GET /products/:id   200 {"id","name","price"}, or 404 {"error"}
//   PUT /products/:id   body {"name"?, "price"?}: 200 with the updated product, 404, or 400
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parseProductChanges, type Product, type ProductChanges } from './product.ts';

export type { Product, ProductChanges } from './product.ts';

/** How reads of one product misbehave: answer an error status, or never answer. */
export type ReadFailure = { kind: 'status'; status: number } | { kind: 'hang' };

export interface ProductDatabaseOptions {
  products: readonly Product[];
  host?: string;
  /** 0 (default) lets the OS choose a free port. */
  port?: number;
  readLatencyMs?: number;
  writeLatencyMs?: number;
  /** One line per request, e.g. "GET /products/7 → 200 (101 ms)". */
  log?: (line: string) => void;
}

const productPath = /^\/products\/([^/?#]+)$/;

export class ProductDatabase {
  readonly host: string;
  /** Time every read takes before it answers; change it at any moment. */
  readLatencyMs: number;
  /** Time every write takes; the row changes when the wait is over, as a commit would. */
  writeLatencyMs: number;
  private readonly rows = new Map<string, Product>();
  private readonly readCounts = new Map<string, number>();
  private readonly writeCounts = new Map<string, number>();
  private readonly failures = new Map<string, ReadFailure>();
  private readonly holds = new Map<string, { released: Promise<void>; release: () => void }>();
  private readonly sockets = new Set<Socket>();
  private readonly log: (line: string) => void;
  private server: Server | undefined;
  private portNumber: number;

  private constructor(options: ProductDatabaseOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.portNumber = options.port ?? 0;
    this.readLatencyMs = options.readLatencyMs ?? 0;
    this.writeLatencyMs = options.writeLatencyMs ?? 0;
    this.log = options.log ?? (() => {});
    for (const product of options.products) this.rows.set(String(product.id), { ...product });
  }

  static async start(options: ProductDatabaseOptions): Promise<ProductDatabase> {
    const database = new ProductDatabase(options);
    await database.listen();
    return database;
  }

  get port(): number {
    return this.portNumber;
  }

  /** The address to give the learner's program as DATABASE_URL. */
  get url(): string {
    return `http://${this.host}:${this.portNumber}`;
  }

  /** The row as it is now (a copy), or undefined for an unknown id. */
  product(id: number | string): Product | undefined {
    const row = this.rows.get(String(id));
    return row ? { ...row } : undefined;
  }

  /** Changes a row at once, as another service writing to the database would. */
  update(id: number | string, changes: ProductChanges): Product {
    const row = this.rows.get(String(id));
    if (!row) throw new RangeError(`the database has no product ${id} to update`);
    Object.assign(row, changes);
    return { ...row };
  }

  /** How many reads (GET /products/:id) of this id the database has received. */
  reads(id: number | string): number {
    return this.readCounts.get(String(id)) ?? 0;
  }

  /** How many writes (PUT /products/:id) of this id have arrived, finished or not. */
  writes(id: number | string): number {
    return this.writeCounts.get(String(id)) ?? 0;
  }

  /** Resolves true once `count` writes of the id have arrived, false after timeoutMs. */
  async waitForWrites(id: number | string, count: number, timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.writes(id) < count) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }

  /**
   * Holds the reads or the writes of the id that arrive from now on until release() is called:
   * they are counted at once but answered (after their usual latency) only then. Checks use it
   * to decide exactly what happens while a query runs, without relying on timing.
   */
  hold(id: number | string, what: 'reads' | 'writes'): () => void {
    const key = `${what} ${id}`;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = () => {
        if (this.holds.get(key)?.released === released) this.holds.delete(key);
        resolve();
      };
    });
    this.holds.set(key, { released, release });
    return release;
  }

  failReads(id: number | string, failure: ReadFailure): void {
    this.failures.set(String(id), failure);
  }

  heal(id: number | string): void {
    this.failures.delete(String(id));
  }

  /** Stops listening and cuts every open connection. */
  async stop(): Promise<void> {
    for (const hold of [...this.holds.values()]) hold.release();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
        server.off('error', reject);
        const address = server.address();
        if (typeof address === 'object' && address) this.portNumber = address.port;
        this.server = server;
        resolve();
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        const text = `${JSON.stringify(body)}\n`;
        res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
        this.log(`${req.method} ${req.url} → ${status} (${Date.now() - startedAt} ms)`);
      };
      const match = productPath.exec(req.url ?? '');
      if (!match) return answer(404, { error: `no such route: ${req.method} ${req.url}; the database serves GET and PUT /products/:id` });
      const id = decodeURIComponent(match[1] as string);
      if (req.method === 'GET') return this.read(id, answer);
      if (req.method === 'PUT') return this.write(id, Buffer.concat(chunks).toString('utf8'), answer);
      res.setHeader('Allow', 'GET, PUT');
      return answer(405, { error: `${req.method} is not supported; use GET or PUT` });
    });
  }

  /** Runs `then` once a hold on this kind of query (if any) is released and the latency has passed. */
  private after(what: 'reads' | 'writes', id: string, latencyMs: number, then: () => void): void {
    const held = this.holds.get(`${what} ${id}`)?.released ?? Promise.resolve();
    held.then(() => setTimeout(then, latencyMs));
  }

  private read(id: string, answer: (status: number, body: unknown) => void): void {
    this.readCounts.set(id, this.reads(id) + 1);
    const failure = this.failures.get(id);
    this.after('reads', id, this.readLatencyMs, () => {
      if (failure?.kind === 'hang') return;
      if (failure) return answer(failure.status, { error: 'the database failed to run the query' });
      const row = this.rows.get(id);
      if (!row) return answer(404, { error: `no product with id ${id}` });
      answer(200, row);
    });
  }

  private write(id: string, body: string, answer: (status: number, body: unknown) => void): void {
    const parsed = parseProductChanges(body);
    if (!parsed.ok) return answer(400, { error: parsed.error });
    this.writeCounts.set(id, this.writes(id) + 1);
    this.after('writes', id, this.writeLatencyMs, () => {
      const row = this.rows.get(id);
      if (!row) return answer(404, { error: `no product with id ${id}` });
      Object.assign(row, parsed.changes);
      answer(200, row);
    });
  }
}
