// A streaming parser for what clients send: RESP arrays of bulk strings ("*2\r\n$3\r\nGET\r\n
// $1\r\nk\r\n") and inline commands ("GET k\r\n"). Bytes arrive in arbitrary pieces: a command
// may be split across reads (partial frames) and one read may hold many commands (pipelining).
// It follows processMultibulkBuffer() and processInlineBuffer() in redis/src/networking.c,
// including the limits and the exact protocol error texts.
import { parseLongLong } from './integers.ts';
import { splitInlineArgs } from './inline-args.ts';

/** A broken request stream; Redis replies "-ERR <message>" and closes the connection. */
export class ProtocolError {
  readonly message: string;
  constructor(message: string) {
    this.message = `Protocol error: ${message}`;
  }
}

// PROTO_INLINE_MAX_SIZE and the default proto-max-bulk-len (redis/src/server.h, config.c).
const INLINE_MAX_SIZE = 64 * 1024;
const MAX_BULK_LENGTH = 512 * 1024 * 1024;
const INT_MAX = 2147483647n;
const EMPTY = Buffer.alloc(0);

export class RequestParser {
  private buffer: Buffer = EMPTY;
  private position = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  // Bytes the current incomplete frame needs in total, so a large value arriving in many
  // small reads is joined once instead of on every read.
  private needed = 0;

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  /** The next complete command, null until more bytes arrive, or the stream's protocol error. */
  next(): Buffer[] | ProtocolError | null {
    if (this.pendingBytes > 0 && this.buffer.length - this.position + this.pendingBytes >= this.needed) this.join();
    for (;;) {
      if (this.position >= this.buffer.length) return null;
      const start = this.position;
      const parsed = this.buffer[start] === 0x2a ? this.multibulk(start) : this.inline(start);
      if (parsed === null || parsed instanceof ProtocolError) return parsed;
      // Empty commands ("*0\r\n", a blank line) are consumed and skipped, as Redis does.
      if (parsed.length > 0) return parsed;
    }
  }

  private join(): void {
    const rest = this.buffer.subarray(this.position);
    this.buffer = rest.length === 0 && this.pending.length === 1 ? this.pending[0] : Buffer.concat([rest, ...this.pending]);
    this.position = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.needed = 0;
  }

  private waitFor(totalFromStart: number): null {
    this.needed = totalFromStart;
    return null;
  }

  private inline(start: number): Buffer[] | ProtocolError | null {
    const newline = this.buffer.indexOf(0x0a, start);
    // Redis looks for the newline with strchr(), which stops at a NUL byte: with a NUL before
    // the newline the line never ends, until the 64 KB limit below.
    if (newline === -1 || this.buffer.subarray(start, newline).includes(0)) {
      if (this.buffer.length - start > INLINE_MAX_SIZE) return new ProtocolError('too big inline request');
      return this.waitFor(this.buffer.length - start + 1);
    }
    const end = newline > start && this.buffer[newline - 1] === 0x0d ? newline - 1 : newline;
    const args = splitInlineArgs(this.buffer.subarray(start, end));
    if (args === null) return new ProtocolError('unbalanced quotes in request');
    this.position = newline + 1;
    return args;
  }

  private multibulk(start: number): Buffer[] | ProtocolError | null {
    const countEnd = this.lineEnd(start);
    if (countEnd === -1) {
      if (this.buffer.length - start > INLINE_MAX_SIZE) return new ProtocolError('too big mbulk count string');
      return this.waitFor(this.buffer.length - start + 1);
    }
    // Like Redis, only check that a byte follows the \r; it is skipped unread.
    if (countEnd + 2 > this.buffer.length) return this.waitFor(countEnd + 2 - start);
    const count = parseLongLong(this.buffer.subarray(start + 1, countEnd));
    if (count === null || count > INT_MAX) return new ProtocolError('invalid multibulk length');
    let at = countEnd + 2;
    const args: Buffer[] = [];
    for (let i = 0n; i < count; i++) {
      const lengthEnd = this.lineEnd(at);
      if (lengthEnd === -1) {
        if (this.buffer.length - at > INLINE_MAX_SIZE) return new ProtocolError('too big bulk count string');
        return this.waitFor(this.buffer.length - start + 1);
      }
      if (lengthEnd + 2 > this.buffer.length) return this.waitFor(lengthEnd + 2 - start);
      if (this.buffer[at] !== 0x24) return new ProtocolError(`expected '$', got '${String.fromCharCode(this.buffer[at])}'`);
      const length = parseLongLong(this.buffer.subarray(at + 1, lengthEnd));
      if (length === null || length < 0n || length > MAX_BULK_LENGTH) return new ProtocolError('invalid bulk length');
      const valueStart = lengthEnd + 2;
      const valueEnd = valueStart + Number(length);
      // The two bytes after the value are skipped without checking that they are \r\n.
      if (valueEnd + 2 > this.buffer.length) return this.waitFor(valueEnd + 2 - start);
      args.push(this.buffer.subarray(valueStart, valueEnd));
      at = valueEnd + 2;
    }
    this.position = at;
    return args;
  }

  /** Where the header line starting at `from` ends: its \r, or -1 while none has arrived. */
  private lineEnd(from: number): number {
    const cr = this.buffer.indexOf(0x0d, from);
    // Redis finds the \r with strchr(), which stops at a NUL byte: a NUL before the \r means
    // "no line yet".
    if (cr === -1 || this.buffer.subarray(from, cr).includes(0)) return -1;
    return cr;
  }
}
