// One GET whose response is watched as it arrives: every chunk of bytes is stamped with the
// time since the request went out, so a check can tell a body streamed line by line from one
// sent all at once at the end. The kit's client reads whole responses only, which is right for
// every other check.
import { createConnection, type Socket } from 'node:net';
import { HttpError, type HttpResponse } from '../kit/http/http-connection.ts';
import { errnoHints, toHttpErrorCode } from '../kit/http/errno-hints.ts';
import { requestHead } from '../kit/http/http-client.ts';
import { parseResponse, type ParsedResponse } from '../kit/http/response-parser.ts';

export class TimedExchange {
  /** Settles with the complete response, or rejects with an HttpError. */
  readonly done: Promise<HttpResponse>;
  private readonly socket: Socket;
  private readonly sentAt = Date.now();
  private received = Buffer.alloc(0);
  private readonly stamps: Array<{ atMs: number; bytes: number }> = [];
  private readonly waiters = new Set<() => void>();
  private over = false;

  constructor(options: { host: string; port: number; path: string; timeoutMs: number; signal: AbortSignal }) {
    const { host, port, path, timeoutMs, signal } = options;
    this.socket = createConnection({ host, port });
    this.done = new Promise<HttpResponse>((resolve, reject) => {
      const finish = (outcome: HttpResponse | HttpError) => {
        if (this.over) return;
        this.over = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.socket.destroy();
        this.wake();
        if (outcome instanceof HttpError) reject(outcome);
        else resolve(outcome);
      };
      const timer = setTimeout(() => finish(new HttpError('TIMEOUT', `the response did not complete within ${timeoutMs} ms (${this.received.length} bytes arrived)`, this.received)), timeoutMs);
      const onAbort = () => finish(new HttpError('ABORTED', errnoHints.ABORTED.summary, this.received));
      signal.addEventListener('abort', onAbort, { once: true });
      const tryParse = (closed: boolean) => {
        const outcome = parseResponse(this.received, 'GET', closed);
        if (outcome.state === 'invalid') finish(new HttpError('NOT_HTTP', `${errnoHints.NOT_HTTP.summary}: ${outcome.why}`, this.received));
        else if (outcome.state === 'complete') finish(withHeaderLookup(outcome.response));
        else if (closed) finish(new HttpError(this.received.length ? 'OTHER' : 'EMPTY_REPLY', this.received.length ? 'the connection closed in the middle of the response' : errnoHints.EMPTY_REPLY.summary, this.received));
      };
      this.socket.on('connect', () => this.socket.write(requestHead({ path }, host, port)));
      this.socket.on('data', (chunk: Buffer) => {
        this.received = Buffer.concat([this.received, chunk]);
        this.stamps.push({ atMs: Date.now() - this.sentAt, bytes: this.received.length });
        this.wake();
        tryParse(false);
      });
      this.socket.on('error', (error: NodeJS.ErrnoException) => {
        const code = toHttpErrorCode(error.code);
        finish(new HttpError(code, `${errnoHints[code].summary} (${error.code ?? error.message})`, this.received));
      });
      this.socket.on('close', () => tryParse(true));
    });
    // The check reads the outcome through `done`; this keeps an early rejection from going unhandled.
    this.done.catch(() => {});
  }

  /** Milliseconds since the request was sent. */
  get elapsedMs(): number {
    return Date.now() - this.sentAt;
  }

  /** When `text` had first fully arrived (ms after the request), or undefined if it has not. */
  arrivalOf(text: string): number | undefined {
    const at = this.received.indexOf(text, this.headerEnd());
    if (at === -1) return undefined;
    return this.stamps.find((stamp) => stamp.bytes >= at + Buffer.byteLength(text))?.atMs;
  }

  /** Resolves once `text` has arrived or the exchange is over, whichever comes first. */
  async waitFor(text: string): Promise<number | undefined> {
    while (this.arrivalOf(text) === undefined && !this.over) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
    return this.arrivalOf(text);
  }

  close(): void {
    this.socket.destroy();
  }

  private headerEnd(): number {
    const end = this.received.indexOf('\r\n\r\n');
    return end === -1 ? this.received.length : end + 4;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function withHeaderLookup(parsed: ParsedResponse): HttpResponse {
  return {
    ...parsed,
    trailing: Buffer.alloc(0),
    header(name: string) {
      const values = parsed.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
      return values.length ? values.join(', ') : undefined;
    },
  };
}
