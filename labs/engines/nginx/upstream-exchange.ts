// One attempt against one upstream peer: connect within proxy_connect_timeout, send the
// request, and read the response with proxy_read_timeout between two successive reads
// (ngx_http_upstream_connect / ngx_http_upstream_process_header). A body still arriving after
// the header is passed on through an UpstreamBody.
import { connect, type Socket } from 'node:net';
import { unwatch, watch, type Deadline } from './deadlines.ts';
import { reusable, type KeepalivePool } from './upstream-keepalive.ts';
import { UpstreamBody } from './upstream-body.ts';
import type { Peer } from './upstream-peers.ts';
import { InvalidUpstreamResponse, UpstreamResponseParser, type UpstreamResponse } from './upstream-response-parser.ts';

export type ExchangeResult =
  | { kind: 'response'; response: UpstreamResponse; connectMs: number; headerMs: number; body?: UpstreamBody }
  | { kind: 'error' | 'timeout' | 'invalid'; message: string; requestSent: boolean; connectMs?: number; responseStarted?: boolean };

export interface ExchangeOptions {
  head: Buffer;
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
    const started = Date.now();
    let connectMs: number | undefined = cached ? 0 : undefined;
    let requestSent = false;
    let settled = false;
    /** Set once the header went on to the client while the body is still arriving. */
    let streaming: UpstreamBody | undefined;
    const parser = new UpstreamResponseParser(o.headRequest);
    const socket = cached ?? connect({ host: peer.host, port: peer.port });
    // proxy_connect_timeout until the connection is up, then proxy_read_timeout between reads.
    const deadline: Deadline = {
      at: started + (cached ? o.readTimeoutMs : o.connectTimeoutMs),
      expire: () => {
        if (connectMs === undefined) {
          finish({ kind: 'timeout', message: 'upstream timed out (110: Connection timed out) while connecting to upstream', requestSent: false });
          return;
        }
        finish({
          kind: 'timeout',
          message: `upstream timed out (110: Connection timed out) while reading ${parser.headerReceived ? 'upstream' : 'response header from upstream'}`,
          requestSent,
          connectMs,
        });
      },
    };
    watch(deadline);
    /** Ends the attempt: the socket goes back to the keepalive cache or is closed. */
    const release = (keep: boolean) => {
      unwatch(deadline);
      if (keep && pool) pool.give(peer, socket);
      else socket.destroy();
    };
    const finish = (result: ExchangeResult, keep = false) => {
      if (streaming) {
        // The client already has the header: a failure now can only cut the body short.
        if (result.kind === 'response') streaming.end();
        else streaming.end(result.message);
        release(keep && result.kind === 'response');
        return;
      }
      if (settled) return;
      settled = true;
      release(keep);
      resolve(result);
    };
    const send = () => {
      deadline.at = Date.now() + o.readTimeoutMs;
      socket.write(o.body.length ? Buffer.concat([o.head, o.body]) : o.head);
      requestSent = true;
    };
    if (cached) send();
    else {
      socket.once('connect', () => {
        connectMs = Date.now() - started;
        send();
      });
    }
    const startStreaming = () => {
      const body = new UpstreamBody();
      body.pauseSource = () => socket.pause();
      body.resumeSource = () => socket.resume();
      body.abortSource = () => {
        streaming = undefined;
        settled = true;
        release(false);
      };
      streaming = body;
      settled = true;
      resolve({ kind: 'response', response: parser.headOnly(), body, connectMs: connectMs ?? 0, headerMs: Date.now() - started });
    };
    socket.on('data', (data: Buffer) => {
      deadline.at = Date.now() + o.readTimeoutMs;
      try {
        const response = parser.push(data);
        if (!streaming && !response && parser.headerReceived && o.stream) startStreaming();
        if (streaming) for (const chunk of parser.takeBody()) streaming.push(chunk);
        if (response) finish({ kind: 'response', response, connectMs: connectMs ?? 0, headerMs: Date.now() - started }, pool !== undefined && reusable(response.status, response.headers, parser.httpMinor));
      } catch (error) {
        finish({ kind: 'invalid', message: (error as Error).message, requestSent, connectMs: connectMs ?? 0 });
      }
    });
    socket.on('end', () => {
      try {
        const response = parser.end();
        if (streaming) for (const chunk of parser.takeBody()) streaming.push(chunk);
        finish({ kind: 'response', response, connectMs: connectMs ?? 0, headerMs: Date.now() - started });
      } catch (error) {
        const kind = error instanceof InvalidUpstreamResponse && !parser.headerReceived ? 'error' : 'invalid';
        finish({ kind, message: (error as Error).message, requestSent, connectMs: connectMs ?? 0, responseStarted: parser.bytesSeen });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ECONNREFUSED' ? '111: Connection refused' : error.code === 'ECONNRESET' ? '104: Connection reset by peer' : error.code === 'EPIPE' ? '32: Broken pipe' : error.message;
      const stage = connectMs === undefined ? 'connect() failed' : 'recv() failed';
      const where = connectMs === undefined ? 'while connecting to upstream' : parser.headerReceived ? 'while reading upstream' : 'while reading response header from upstream';
      finish({ kind: 'error', message: `${stage} (${reason}) ${where}`, requestSent, responseStarted: parser.bytesSeen, ...(connectMs !== undefined ? { connectMs } : {}) });
    });
  });
}
