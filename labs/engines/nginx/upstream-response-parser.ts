// Reads an upstream's HTTP/1.x response from a byte stream: status line, headers, then a body
// delimited by Content-Length, chunked encoding, or the end of the connection.

export interface UpstreamResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

export class InvalidUpstreamResponse extends Error {}

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
    const lines = this.buf.subarray(0, headEnd).toString('latin1').split(/\r?\n/);
    this.buf = this.buf.subarray(headEnd + (end !== -1 ? 4 : 2));
    const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0]!);
    if (!m) throw new InvalidUpstreamResponse('upstream sent no valid HTTP/1.0 header while reading response header from upstream');
    const headers: Array<[string, string]> = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new InvalidUpstreamResponse('upstream sent invalid header while reading response header from upstream');
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const status = Number(m[1]);
    this.httpMinor = lines[0]!.startsWith('HTTP/1.1') ? 1 : 0;
    this.head = { status, reason: m[2] ?? '', headers };
    const get = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1];
    if (this.noBody || status === 204 || status === 304 || (status >= 100 && status < 200)) this.mode = 'none';
    else if (get('transfer-encoding')?.toLowerCase().includes('chunked')) this.mode = 'chunked';
    else if (get('content-length') !== undefined) {
      this.mode = 'length';
      this.remaining = Number(get('content-length'));
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
    return { ...head, body: Buffer.concat(this.chunks) };
  }
}
