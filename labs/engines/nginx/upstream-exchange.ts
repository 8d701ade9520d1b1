// One attempt against one upstream peer: connect within proxy_connect_timeout, send the
// request, and read the response with proxy_read_timeout between two successive reads
// (ngx_http_upstream_connect / ngx_http_upstream_process_header).
import { connect } from 'node:net';
import type { Peer } from './upstream-peers.ts';
import { InvalidUpstreamResponse, UpstreamResponseParser, type UpstreamResponse } from './upstream-response-parser.ts';

export type ExchangeResult =
  | { kind: 'response'; response: UpstreamResponse; connectMs: number; headerMs: number }
  | { kind: 'error' | 'timeout' | 'invalid'; message: string; requestSent: boolean; connectMs?: number };

export interface ExchangeOptions {
  head: Buffer;
  body: Buffer;
  headRequest: boolean;
  connectTimeoutMs: number;
  readTimeoutMs: number;
}

export function exchange(peer: Peer, o: ExchangeOptions): Promise<ExchangeResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    let connectMs: number | undefined;
    let requestSent = false;
    let settled = false;
    const parser = new UpstreamResponseParser(o.headRequest);
    const socket = connect({ host: peer.host, port: peer.port });
    const finish = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    // One idle timer serves both limits: proxy_connect_timeout until the connection is up,
    // then proxy_read_timeout between two reads.
    socket.setTimeout(o.connectTimeoutMs, () => {
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
    });
    socket.once('connect', () => {
      connectMs = Date.now() - started;
      socket.setTimeout(o.readTimeoutMs);
      socket.write(o.body.length ? Buffer.concat([o.head, o.body]) : o.head);
      requestSent = true;
    });
    socket.on('data', (data: Buffer) => {
      try {
        const response = parser.push(data);
        if (response) finish({ kind: 'response', response, connectMs: connectMs ?? 0, headerMs: Date.now() - started });
      } catch (error) {
        finish({ kind: 'invalid', message: (error as Error).message, requestSent, connectMs: connectMs ?? 0 });
      }
    });
    socket.on('end', () => {
      try {
        finish({ kind: 'response', response: parser.end(), connectMs: connectMs ?? 0, headerMs: Date.now() - started });
      } catch (error) {
        const kind = error instanceof InvalidUpstreamResponse && !parser.headerReceived ? 'error' : 'invalid';
        finish({ kind, message: (error as Error).message, requestSent, connectMs: connectMs ?? 0 });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ECONNREFUSED' ? '111: Connection refused' : error.code === 'ECONNRESET' ? '104: Connection reset by peer' : error.message;
      const stage = connectMs === undefined ? 'connect() failed' : 'recv() failed';
      const where = connectMs === undefined ? 'while connecting to upstream' : 'while reading response header from upstream';
      finish({ kind: 'error', message: `${stage} (${reason}) ${where}`, requestSent, ...(connectMs !== undefined ? { connectMs } : {}) });
    });
  });
}
