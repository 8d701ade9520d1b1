// What a phase hands back to be sent: status, headers, body, and how nginx produced it.
import type { UpstreamBody } from './upstream-body.ts';

export interface Reply {
  status: number;
  /** Reason phrase to send instead of nginx's (an upstream's status line). */
  reason?: string;
  headers: Array<[string, string]>;
  body: Buffer;
  /** Content-Type chosen by nginx (static files, return text, error pages). */
  contentType?: string;
  /** True for statuses nginx itself finalizes with (404, 502, return 301, ...): error_page applies. */
  special?: boolean;
  /** File modification time in ms (static files): Last-Modified, ETag, expires modified. */
  mtimeMs?: number;
  fileSize?: number;
  /** Location header value before nginx makes it absolute. */
  location?: string;
  /** Close without a response (return 444). */
  close?: boolean;
  /** Text of `return code text`: Content-Type follows the URI's extension. */
  textReturn?: boolean;
  /** False when an upstream sent no Content-Length: gzip_min_length is not checked then. */
  lengthKnown?: boolean;
  /** Produced by an error_page redirect (its status already decided). */
  errorPage?: boolean;
  /** Passed through from an upstream. */
  proxied?: boolean;
  /** The upstream body still arriving (body then holds nothing); see upstream-body.ts. */
  stream?: UpstreamBody;
  /** The upstream's Content-Length for a streamed body (-1 when it sent none). */
  streamLength?: number;
}

export function specialReply(status: number, location?: string): Reply {
  return { status, headers: [], body: Buffer.alloc(0), special: true, ...(location !== undefined ? { location } : {}) };
}
