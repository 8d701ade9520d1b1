// One TCP connection to the learner's program, written and read by hand (node:net) so the
// grader controls every byte: no connection pooling, no keep-alive surprises, partial
// requests on purpose, and garbage replies caught as "not HTTP" instead of a parser crash.
import { createConnection, type Socket } from 'node:net';
import { errnoHints, toHttpErrorCode, type HttpErrorCode } from './errno-hints.ts';
import { parseResponse, type ParsedResponse } from './response-parser.ts';

const maxResponseBytes = 4 * 1024 * 1024;

export class HttpError extends Error {
  readonly code: HttpErrorCode;
  /** Bytes received before the failure, for the transcript. */
  readonly received: Buffer;

  constructor(code: HttpErrorCode, detail: string, received: Buffer = Buffer.alloc(0)) {
    super(detail);
    this.name = 'HttpError';
    this.code = code;
    this.received = received;
  }

  get hint(): string {
    return errnoHints[this.code].advice;
  }
}

export interface HttpResponse extends ParsedResponse {
  /** Bytes that arrived after the response was complete (e.g. a body sent with a HEAD reply). */
  trailing: Buffer;
  header(name: string): string | undefined;
}

export interface ReadOptions {
  method: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** After a complete response, keep reading this long (or until close) to catch extra bytes. */
  settleMs?: number;
}

function withHeaderLookup(parsed: ParsedResponse, trailing: Buffer): HttpResponse {
  return {
    ...parsed,
    trailing,
    header(name: string) {
      const values = parsed.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
      return values.length ? values.join(', ') : undefined;
    },
  };
}

export class HttpConnection {
  private readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private closed = false;
  private socketError: string | undefined;
  private wake: () => void = () => {};

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      if (this.buffer.length < maxResponseBytes) this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.socketError = error.code ?? error.message;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<HttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host, port });
      const timer = setTimeout(() => finish(new HttpError('TIMEOUT', `could not connect to ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
      const onAbort = () => finish(new HttpError('ABORTED', 'the check ran out of time while connecting'));
      signal?.addEventListener('abort', onAbort, { once: true });
      function finish(error?: HttpError) {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('connect');
        socket.removeAllListeners('error');
        if (error) {
          socket.destroy();
          reject(error);
        } else resolve(new HttpConnection(socket));
      }
      socket.once('connect', () => finish());
      socket.once('error', (error: NodeJS.ErrnoException) => {
        const code = toHttpErrorCode(error.code);
        finish(new HttpError(code, `${errnoHints[code].summary} (${error.code ?? error.message}) at ${host}:${port}`));
      });
    });
  }

  write(data: string | Buffer): void {
    if (!this.closed && !this.socket.destroyed) this.socket.write(data);
  }

  close(): void {
    this.socket.destroy();
  }

  private waitForChange(ms: number, signal?: AbortSignal): Promise<'changed' | 'timeout' | 'aborted'> {
    return new Promise((resolve) => {
      const done = (why: 'changed' | 'timeout' | 'aborted') => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.wake = () => {};
        resolve(why);
      };
      const onAbort = () => done('aborted');
      const timer = setTimeout(() => done('timeout'), Math.max(0, ms));
      if (signal?.aborted) return done('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
      this.wake = () => done('changed');
    });
  }

  /** Reads the next response; skips informational (1xx) responses. */
  async readResponse(options: ReadOptions): Promise<HttpResponse> {
    const deadline = Date.now() + options.timeoutMs;
    let offset = 0;
    for (;;) {
      const ended = this.closed || this.socketError !== undefined;
      const received = this.buffer.subarray(offset);
      if (received.length === 0 && ended) {
        if (this.socketError && this.socketError !== 'ECONNRESET' && this.socketError !== 'EPIPE') {
          const code = toHttpErrorCode(this.socketError);
          throw new HttpError(code, `${errnoHints[code].summary} (${this.socketError})`);
        }
        throw this.socketError
          ? new HttpError(toHttpErrorCode(this.socketError), `${errnoHints.ECONNRESET.summary} before sending any response`)
          : new HttpError('EMPTY_REPLY', errnoHints.EMPTY_REPLY.summary);
      }
      const outcome = parseResponse(this.buffer, options.method, ended, offset);
      if (outcome.state === 'invalid') throw new HttpError('NOT_HTTP', `${errnoHints.NOT_HTTP.summary}: ${outcome.why}`, received);
      if (outcome.state === 'complete') {
        const { status } = outcome.response;
        if (status >= 100 && status < 200 && status !== 101) {
          offset = outcome.consumed;
          continue;
        }
        if (options.settleMs) {
          const settleUntil = Math.min(deadline, Date.now() + options.settleMs);
          while (!this.closed && Date.now() < settleUntil) await this.waitForChange(settleUntil - Date.now(), options.signal);
        }
        return withHeaderLookup(outcome.response, Buffer.from(this.buffer.subarray(outcome.consumed)));
      }
      if (this.buffer.length >= maxResponseBytes) throw new HttpError('OTHER', `the response is larger than ${maxResponseBytes} bytes, more than any check reads`, received);
      const remaining = deadline - Date.now();
      const why = remaining > 0 ? await this.waitForChange(remaining, options.signal) : 'timeout';
      if (why === 'aborted') throw new HttpError('ABORTED', errnoHints.ABORTED.summary, this.buffer.subarray(offset));
      if (why === 'timeout') {
        const got = this.buffer.length - offset;
        const detail = got === 0
          ? `no response within ${options.timeoutMs} ms: the connection was accepted but not a single byte came back`
          : `the response stopped after ${got} bytes and did not complete within ${options.timeoutMs} ms`;
        throw new HttpError('TIMEOUT', detail, this.buffer.subarray(offset));
      }
    }
  }
}
