// RESP2 reply encoding: every reply the server sends is built here, as the bytes Redis sends.
// Protocol: https://redis.io/docs/latest/develop/reference/protocol-spec/

const CRLF = '\r\n';

export function simpleString(text: string): Buffer {
  return Buffer.from(`+${text}${CRLF}`, 'latin1');
}

/**
 * An error reply. Redis replaces CR and LF with spaces in error texts, because they may echo
 * what a client sent and a newline would break the protocol
 * (addReplyErrorFormatInternal in redis/src/networking.c).
 */
export function errorReply(text: string): Buffer {
  return Buffer.from(`-${text.replace(/[\r\n]/g, ' ')}${CRLF}`, 'latin1');
}

export function integer(value: number | bigint): Buffer {
  return Buffer.from(`:${value}${CRLF}`, 'latin1');
}

export function bulk(value: Uint8Array | null): Buffer {
  if (value === null) return NIL;
  const header = `$${value.length}${CRLF}`;
  const reply = Buffer.allocUnsafe(header.length + value.length + 2);
  reply.write(header, 0, 'latin1');
  reply.set(value, header.length);
  reply[reply.length - 2] = 0x0d;
  reply[reply.length - 1] = 0x0a;
  return reply;
}

export function bulkText(text: string): Buffer {
  return bulk(Buffer.from(text, 'latin1'));
}

export function array(items: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(`*${items.length}${CRLF}`, 'latin1'), ...items]);
}

// Replies sent so often that they are built once (Redis keeps the same set as shared.ok,
// shared.czero, ... in createSharedObjects, redis/src/server.c).
export const NIL = Buffer.from(`$-1${CRLF}`, 'latin1');
export const OK = simpleString('OK');
export const PONG = simpleString('PONG');
export const ZERO = integer(0);
export const ONE = integer(1);
export const SYNTAX_ERROR = errorReply('ERR syntax error');
export const NOT_AN_INTEGER = errorReply('ERR value is not an integer or out of range');
