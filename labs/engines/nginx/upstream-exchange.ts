// One attempt against one upstream peer: connect within proxy_connect_timeout, send the
// request, and read the response with proxy_read_timeout between two successive reads
// (ngx_http_upstream_connect / ngx_http_upstream_process_header). A body still arriving after
// the header is passed on through an UpstreamBody.
import type { Socket } from 'node:net';
import { unwatch, watch, type Deadline } from './deadlines.ts';
import { reusable, type KeepalivePool } from './upstream-keepalive.ts';
import { UpstreamBody } from './upstream-body.ts';
import type { Peer } from './upstream-peers.ts';
import { InvalidUpstreamResponse, UpstreamResponseParser, type UpstreamResponse } from './upstream-response-parser.ts';
import { closeSoon, openUpstream, setOwner, type SocketOwner } from './upstream-socket.ts';

export type ExchangeResult =
  | { kind: 'response'; response: UpstreamResponse; connectMs: number; headerMs: number; body?: UpstreamBody }
  | { kind: 'error' | 'timeout' | 'invalid'; message: string; requestSent: boolean; connectMs?: number; responseStarted?: boolean };

export interface ExchangeOptions {
  /** The request line and headers, one char per byte. */
  head: string;
  body: Buffer;
  headRequest: boolean;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  /** Hand the response on once its header is read when the body is not complete yet. */
  stream: boolean;
}

export function exchange(peer: Peer, o: ExchangeOptions, pool?: KeepalivePool): Promise<ExchangeResult> {
  const cached = pool?.take(peer);
  if (!cached) return attempt(peer, o, pool, undefined);
  return attempt(peer, o, pool, cached).then((result) =>
    // A cached connection the upstream closed meanwhile is not the peer's fault: nginx tries
    // again on a new connection (ngx_http_upstream_next, u->peer.cached).
    result.kind === 'error' && !result.responseStarted ? attempt(peer, o, pool, undefined) : result,
  );
}

function attempt(peer: Peer, o: ExchangeOptions, pool: KeepalivePool | undefined, cached: Socket | undefined): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    new Attempt(peer, o, pool, cached, resolve);
  });
}

/**
 * The state of one attempt. It owns the upstream connection while it runs and is its own
 * deadline on the shared sweep: proxy_connect_timeout until the connection is up, then
 * proxy_read_timeout between reads.
 */
class Attempt implements SocketOwner, Deadline {
  at: number;
  private readonly started = Date.now();
  private connectMs: number | undefined;
  private requestSent = false;
  private settled = false;
  /** Set once the header went on to the client while the body is still arriving. */
  private streaming: UpstreamBody | undefined;
  private readonly parser: UpstreamResponseParser;
  private readonly socket: Socket;
  private readonly peer: Peer;
  private readonly o: ExchangeOptions;
  private readonly pool: KeepalivePool | undefined;
  private readonly resolve: (result: ExchangeResult) => void;

  constructor(peer: Peer, o: ExchangeOptions, pool: KeepalivePool | undefined, cached: Socket | undefined, resolve: (result: ExchangeResult) => void) {
    this.peer = peer;
    this.o = o;
    this.pool = pool;
    this.resolve = resolve;
    this.parser = new UpstreamResponseParser(o.headRequest);
    this.at = this.started + (cached ? o.readTimeoutMs : o.connectTimeoutMs);
    watch(this);
    if (cached) {
      this.connectMs = 0;
      this.socket = cached;
      setOwner(cached, this);
      this.send();
    } else {
      this.socket = openUpstream(peer.host, peer.port, this);
    }
  }

  expire(): void {
    if (this.connectMs === undefined) {
      this.finish({ kind: 'timeout', message: 'upstream timed out (110: Connection timed out) while connecting to upstream', requestSent: false });
      return;
    }
    this.finish({
      kind: 'timeout',
      message: `upstream timed out (110: Connection timed out) while reading ${this.parser.headerReceived ? 'upstream' : 'response header from upstream'}`,
      requestSent: this.requestSent,
      connectMs: this.connectMs,
    });
  }

  connected(): void {
    this.connectMs = Date.now() - this.started;
    this.send();
  }

  data(chunk: Buffer): void {
    this.at = Date.now() + this.o.readTimeoutMs;
    const parser = this.parser;
    try {
      const response = parser.push(chunk);
      if (!this.streaming && !response && parser.headerReceived && this.o.stream) this.startStreaming();
      if (this.streaming) for (const piece of parser.takeBody()) this.streaming.push(piece);
      if (response) {
        const keep = this.pool !== undefined && reusable(response.status, response.headers, parser.httpMinor);
        this.finish({ kind: 'response', response, connectMs: this.connectMs ?? 0, headerMs: Date.now() - this.started }, keep);
      }
    } catch (error) {
      this.finish({ kind: 'invalid', message: (error as Error).message, requestSent: this.requestSent, connectMs: this.connectMs ?? 0 });
    }
  }

  end(): void {
    const parser = this.parser;
    try {
      const response = parser.end();
      if (this.streaming) for (const piece of parser.takeBody()) this.streaming.push(piece);
      this.finish({ kind: 'response', response, connectMs: this.connectMs ?? 0, headerMs: Date.now() - this.started });
    } catch (error) {
      const kind = error instanceof InvalidUpstreamResponse && !parser.headerReceived ? 'error' : 'invalid';
      this.finish({ kind, message: (error as Error).message, requestSent: this.requestSent, connectMs: this.connectMs ?? 0, responseStarted: parser.bytesSeen });
    }
  }

  error(error: NodeJS.ErrnoException): void {
    const reason = error.code === 'ECONNREFUSED' ? '111: Connection refused' : error.code === 'ECONNRESET' ? '104: Connection reset by peer' : error.code === 'EPIPE' ? '32: Broken pipe' : error.message;
    const connected = this.connectMs !== undefined;
    const stage = connected ? 'recv() failed' : 'connect() failed';
    const where = !connected ? 'while connecting to upstream' : this.parser.headerReceived ? 'while reading upstream' : 'while reading response header from upstream';
    this.finish({
      kind: 'error', message: `${stage} (${reason}) ${where}`, requestSent: this.requestSent, responseStarted: this.parser.bytesSeen,
      ...(connected ? { connectMs: this.connectMs } : {}),
    });
  }

  private send(): void {
    const o = this.o;
    this.at = Date.now() + o.readTimeoutMs;
    if (o.body.length) this.socket.write(Buffer.concat([Buffer.from(o.head, 'latin1'), o.body]));
    else this.socket.write(o.head, 'latin1');
    this.requestSent = true;
  }

  private startStreaming(): void {
    const body = new UpstreamBody();
    const socket = this.socket;
    body.pauseSource = () => socket.pause();
    body.resumeSource = () => socket.resume();
    body.abortSource = () => {
      this.streaming = undefined;
      this.settled = true;
      this.release(false);
    };
    this.streaming = body;
    this.settled = true;
    this.resolve({ kind: 'response', response: this.parser.headOnly(), body, connectMs: this.connectMs ?? 0, headerMs: Date.now() - this.started });
  }

  /** Ends the attempt: the connection goes back to the keepalive cache or is closed. */
  private release(keep: boolean): void {
    unwatch(this);
    if (keep && this.pool) this.pool.give(this.peer, this.socket);
    else closeSoon(this.socket);
  }

  private finish(result: ExchangeResult, keep = false): void {
    if (this.streaming) {
      // The client already has the header: a failure now can only cut the body short.
      if (result.kind === 'response') this.streaming.end();
      else this.streaming.end(result.message);
      this.release(keep && result.kind === 'response');
      return;
    }
    if (this.settled) return;
    this.settled = true;
    this.release(keep);
    this.resolve(result);
  }
}
