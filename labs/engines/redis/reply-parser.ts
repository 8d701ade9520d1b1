// A streaming parser for RESP2 replies, the client's side of the protocol: simple strings,
// errors, integers, bulk strings and arrays, arriving in arbitrary pieces.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#resp-protocol-description

/** An error reply from the server ("-ERR ..."); node-redis calls this class ErrorReply too. */
export class ErrorReply extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErrorReply';
  }
}

export type Reply = string | number | Buffer | null | ErrorReply | Reply[];

/** The bytes are not RESP, for example an HTTP server answering on the cache's port. */
export class NotRespError extends Error {}

const INCOMPLETE = Symbol('incomplete');
type Parsed = { value: Reply; end: number } | typeof INCOMPLETE;

export class ReplyParser {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;

  push(chunk: Buffer): void {
    const rest = this.buffer.subarray(this.position);
    this.buffer = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    this.position = 0;
  }

  /** Every reply completed by the bytes pushed so far; throws NotRespError on garbage. */
  drain(): Reply[] {
    const replies: Reply[] = [];
    for (;;) {
      const parsed = this.parse(this.position);
      if (parsed === INCOMPLETE) return replies;
      replies.push(parsed.value);
      this.position = parsed.end;
    }
  }

  private line(start: number): { text: string; end: number } | typeof INCOMPLETE {
    const cr = this.buffer.indexOf('\r\n', start);
    if (cr === -1) return INCOMPLETE;
    return { text: this.buffer.toString('utf8', start + 1, cr), end: cr + 2 };
  }

  private whole(text: string, what: string): number {
    if (!/^-?\d+$/.test(text)) throw new NotRespError(`the server sent ${what} that is not a number: ${JSON.stringify(text)}`);
    return Number(text);
  }

  private parse(start: number): Parsed {
    if (start >= this.buffer.length) return INCOMPLETE;
    const type = this.buffer[start];
    const header = this.line(start);
    if (header === INCOMPLETE) {
      if (![0x2b, 0x2d, 0x3a, 0x24, 0x2a].includes(type)) throw this.garbage(start);
      return INCOMPLETE;
    }
    switch (type) {
      case 0x2b: // +
        return { value: header.text, end: header.end };
      case 0x2d: // -
        return { value: new ErrorReply(header.text), end: header.end };
      case 0x3a: // :
        return { value: this.whole(header.text, 'an integer reply'), end: header.end };
      case 0x24: { // $
        const size = this.whole(header.text, 'a bulk string length');
        if (size < 0) return { value: null, end: header.end };
        const end = header.end + size + 2;
        if (end > this.buffer.length) return INCOMPLETE;
        return { value: Buffer.from(this.buffer.subarray(header.end, end - 2)), end };
      }
      case 0x2a: { // *
        const count = this.whole(header.text, 'an array length');
        if (count < 0) return { value: null, end: header.end };
        const items: Reply[] = [];
        let at = header.end;
        for (let i = 0; i < count; i++) {
          const item = this.parse(at);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item.value);
          at = item.end;
        }
        return { value: items, end: at };
      }
      default:
        throw this.garbage(start);
    }
  }

  private garbage(start: number): NotRespError {
    const sample = this.buffer.toString('latin1', start, Math.min(start + 40, this.buffer.length));
    return new NotRespError(`the server sent something that is not RESP, starting with ${JSON.stringify(sample)}`);
  }
}
