// The HTTP client a check uses to talk to the learner's program. Every request is written
// into the check's transcript with its curl equivalent; network failures become
// CheckFailures whose message names the error and what to do about it.
import { CheckFailure } from '../check.ts';
import { curlCommand } from './curl.ts';
import { errnoHints } from './errno-hints.ts';
import { HttpConnection, HttpError, type HttpResponse } from './http-connection.ts';
import type { Transcript } from './transcript.ts';

export interface RequestSpec {
  method?: string;
  path: string;
  /** Extra request headers; Host, User-Agent, Accept and Connection: close are always sent. */
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /** Keep reading this long after the response to catch bytes that should not be there. */
  settleMs?: number;
}

export type Attempt = { ok: true; response: HttpResponse } | { ok: false; error: HttpError };

export const userAgent = 'port-to-production-grader/1';

export function requestHead(spec: RequestSpec, host: string, port: number): string {
  const hostHeader = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const lines = [`${spec.method ?? 'GET'} ${spec.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${userAgent}`, 'Accept: */*'];
  for (const [name, value] of Object.entries(spec.headers ?? {})) lines.push(`${name}: ${value}`);
  if (spec.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(spec.body)}`);
  // One request per connection: the grader never depends on keep-alive behaviour it did not ask for.
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export class HttpClient {
  readonly host: string;
  readonly port: number;
  /** curl line of the most recent request, the check's default repro. */
  lastRepro: string | undefined;
  private readonly transcript: Transcript;
  private readonly signal: AbortSignal | undefined;
  private readonly defaultTimeoutMs: number;

  constructor(options: { host: string; port: number; transcript: Transcript; signal?: AbortSignal; defaultTimeoutMs?: number }) {
    this.host = options.host;
    this.port = options.port;
    this.transcript = options.transcript;
    this.signal = options.signal;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 2000;
  }

  curl(spec: RequestSpec): string {
    return curlCommand({ method: spec.method ?? 'GET', host: this.host, port: this.port, path: spec.path, headers: spec.headers, body: spec.body });
  }

  /** Sends a request and returns the response, or the network error without throwing. */
  async attempt(spec: RequestSpec): Promise<Attempt> {
    const method = spec.method ?? 'GET';
    const timeoutMs = spec.timeoutMs ?? this.defaultTimeoutMs;
    const head = requestHead(spec, this.host, this.port);
    this.lastRepro = this.curl(spec);
    this.transcript.sent(head, spec.body);
    let connection: HttpConnection | undefined;
    try {
      connection = await HttpConnection.open(this.host, this.port, timeoutMs, this.signal);
      connection.write(spec.body === undefined ? head : Buffer.concat([Buffer.from(head), Buffer.from(spec.body)]));
      const response = await connection.readResponse({ method, timeoutMs, signal: this.signal, settleMs: spec.settleMs });
      this.recordResponse(response);
      return { ok: true, response };
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.recordError(error);
      return { ok: false, error };
    } finally {
      connection?.close();
    }
  }

  /** Sends a request; a network failure or a reply that is not HTTP fails the check. */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const outcome = await this.attempt(spec);
    if (outcome.ok) return outcome.response;
    throw this.failureFor(spec, outcome.error);
  }

  get(path: string, options: Omit<RequestSpec, 'path' | 'method'> = {}): Promise<HttpResponse> {
    return this.request({ ...options, path, method: 'GET' });
  }

  /** A raw connection for requests the client cannot express, e.g. a deliberately slow client. */
  async open(label: string): Promise<HttpConnection> {
    try {
      const connection = await HttpConnection.open(this.host, this.port, this.defaultTimeoutMs, this.signal);
      this.transcript.note(`${label}: connected to ${this.host}:${this.port}`);
      return connection;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.recordError(error);
      throw this.failureFor({ path: '/', method: 'CONNECT' }, error);
    }
  }

  /** Reads a response from a connection made with open(); failures fail the check. */
  async readFrom(connection: HttpConnection, spec: RequestSpec & { method: string }): Promise<HttpResponse> {
    try {
      const response = await connection.readResponse({ method: spec.method, timeoutMs: spec.timeoutMs ?? this.defaultTimeoutMs, signal: this.signal, settleMs: spec.settleMs });
      this.recordResponse(response);
      return response;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.recordError(error);
      throw this.failureFor(spec, error);
    }
  }

  recordResponse(response: HttpResponse): void {
    const statusLine = `HTTP/${response.httpVersion} ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    this.transcript.received({ statusLine, headers: response.headers }, response.body);
    if (response.trailing.length > 0) this.transcript.note(`${response.trailing.length} more bytes arrived after the response ended`);
  }

  recordError(error: HttpError): void {
    if (error.received.length > 0) this.transcript.receivedRaw(error.received);
    this.transcript.note(error.message);
  }

  failureFor(spec: RequestSpec, error: HttpError): CheckFailure {
    const request = spec.method === 'CONNECT' ? `Connecting to ${this.host}:${this.port}` : `${spec.method ?? 'GET'} ${spec.path}`;
    const timedOut = error.code === 'TIMEOUT' || error.code === 'ABORTED';
    return new CheckFailure({
      reason: timedOut ? 'timeout' : 'assertion',
      message: `${request} failed: ${error.message}. ${error.hint}`,
      expected: 'a complete HTTP response',
      actual: error.code === 'NOT_HTTP' && error.received.length > 0
        ? `${errnoHints.NOT_HTTP.summary}; it starts with ${JSON.stringify(error.received.subarray(0, 40).toString('latin1'))}`
        : errnoHints[error.code].summary,
    });
  }
}
