// Reads an upstream's HTTP/1.x response from a byte stream: status line, headers, then a body
// delimited by Content-Length, chunked encoding, or the end of the connection.

export interface UpstreamResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

export class InvalidUpstreamResponse extends Error {}

const statusLine = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/;

export class UpstreamResponseParser {
  private buf: Buffer = Buffer.alloc(0);
  private head: { status: number; reason: string; headers: Array<[string, string]> } | undefined;
  private mode: 'length' | 'chunked' | 'close' | 'none' = 'close';
  private remaining = 0;
  private chunks: Buffer[] = [];
  private done = false;
  private readonly noBody: boolean;

  constructor(headRequest: boolean) {
    this.noBody = headRequest;
  }

  get headerReceived(): boolean {
    return this.head !== undefined;
  }

  /** Whether any byte of the response arrived. */
  bytesSeen = false;

  /** 0 for an HTTP/1.0 status line, 1 for HTTP/1.1. */
  httpMinor = 0;

  /** Feeds bytes; returns the response once it is complete. */
  push(data: Buffer): UpstreamResponse | undefined {
    this.bytesSeen = true;
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
    if (!this.head && !this.parseHead()) return undefined;
    return this.parseBody();
  }

  /** The connection closed: complete if the body runs to the close, else an error. */
  end(): UpstreamResponse {
    if (!this.head) throw new InvalidUpstreamResponse('upstream prematurely closed connection while reading response header from upstream');
    if (this.done) return this.result();
    if (this.mode === 'close') {
      this.chunks.push(this.buf);
      return this.result();
    }
    throw new InvalidUpstreamResponse('upstream prematurely closed connection while reading upstream');
  }

  private parseHead(): boolean {
    const end = this.buf.indexOf('\r\n\r\n');
    const endLf = end === -1 ? this.buf.indexOf('\n\n') : -1;
    if (end === -1 && endLf === -1) {
      if (this.buf.length > 65536) throw new InvalidUpstreamResponse('upstream sent too big header while reading response header from upstream');
      return false;
    }
    const headEnd = end !== -1 ? end : endLf;
    const text = this.buf.toString('latin1', 0, headEnd);
    this.buf = this.buf.subarray(headEnd + (end !== -1 ? 4 : 2));
    // Lines end with CRLF or a bare LF.
    let lineEnd = text.indexOf('\n');
    const first = lineEnd === -1 ? text : text.slice(0, lineEnd > 0 && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    const m = statusLine.exec(first);
    if (!m) throw new InvalidUpstreamResponse('upstream sent no valid HTTP/1.0 header while reading response header from upstream');
    const headers: Array<[string, string]> = [];
    let length: string | undefined;
    let encoding: string | undefined;
    while (lineEnd !== -1) {
      const start = lineEnd + 1;
      lineEnd = text.indexOf('\n', start);
      const stop = lineEnd === -1 ? text.length : lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      const colon = text.indexOf(':', start);
      if (colon <= start || colon >= stop) throw new InvalidUpstreamResponse('upstream sent invalid header while reading response header from upstream');
      const name = text.slice(start, colon).trim();
      const value = text.slice(colon + 1, stop).trim();
      headers.push([name, value]);
      // The first of each, as nginx's lookups see them.
      if (name.length === 14 && length === undefined && name.toLowerCase() === 'content-length') length = value;
      else if (name.length === 17 && encoding === undefined && name.toLowerCase() === 'transfer-encoding') encoding = value;
    }
    const status = Number(m[1]);
    this.httpMinor = first.startsWith('HTTP/1.1') ? 1 : 0;
    this.head = { status, reason: m[2] ?? '', headers };
    if (this.noBody || status === 204 || status === 304 || (status >= 100 && status < 200)) this.mode = 'none';
    else if (encoding?.toLowerCase().includes('chunked')) this.mode = 'chunked';
    else if (length !== undefined) {
      this.mode = 'length';
      this.remaining = Number(length);
      if (!Number.isInteger(this.remaining) || this.remaining < 0) throw new InvalidUpstreamResponse('upstream sent invalid "Content-Length" header while reading response header from upstream');
    }
    return true;
  }

  private parseBody(): UpstreamResponse | undefined {
    if (this.mode === 'none') {
      this.done = true;
      return this.result();
    }
    if (this.mode === 'close') {
      if (this.buf.length) this.chunks.push(this.buf);
      this.buf = Buffer.alloc(0);
      return undefined;
    }
    if (this.mode === 'length') {
      const take = this.buf.subarray(0, this.remaining);
      this.chunks.push(take);
      this.remaining -= take.length;
      this.buf = this.buf.subarray(take.length);
      if (this.remaining === 0) {
        this.done = true;
        return this.result();
      }
      return undefined;
    }
    for (;;) {
      const lineEnd = this.buf.indexOf('\r\n');
      if (lineEnd === -1) return undefined;
      const size = parseInt(this.buf.subarray(0, lineEnd).toString('latin1').split(';')[0]!, 16);
      if (Number.isNaN(size)) throw new InvalidUpstreamResponse('upstream sent invalid chunked response while reading upstream');
      if (size === 0) {
        if (this.buf.indexOf('\r\n\r\n', lineEnd) === -1 && this.buf.length < lineEnd + 4) return undefined;
        this.done = true;
        return this.result();
      }
      if (this.buf.length < lineEnd + 2 + size + 2) return undefined;
      this.chunks.push(this.buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      this.buf = this.buf.subarray(lineEnd + 2 + size + 2);
    }
  }

  /** Body bytes decoded so far and not yet taken (for passing a body on while it arrives). */
  takeBody(): Buffer[] {
    return this.chunks.splice(0);
  }

  /** The status line and headers, once received. */
  headOnly(): UpstreamResponse {
    return { ...this.head!, body: Buffer.alloc(0) };
  }

  /** Bytes after a complete response (a final answer following "100 Continue"). */
  rest(): Buffer {
    return this.buf;
  }

  private result(): UpstreamResponse {
    const head = this.head!;
    const chunks = this.chunks;
    return { status: head.status, reason: head.reason, headers: head.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
  }
}
