// A byte-level client for differential tests: writes exactly the bytes a test gives it and
// returns each reply's exact bytes, so replies can be compared byte for byte.
import net from 'node:net';

/** Where the RESP2 reply starting at `start` ends, or -1 while it is incomplete. */
export function replyEnd(bytes: Buffer, start: number): number {
  if (start >= bytes.length) return -1;
  const lineEnd = bytes.indexOf('\r\n', start);
  if (lineEnd === -1) return -1;
  const header = bytes.toString('latin1', start + 1, lineEnd);
  const type = String.fromCharCode(bytes[start]);
  if (type === '+' || type === '-' || type === ':') return lineEnd + 2;
  const count = Number(header);
  if (type === '$') return count < 0 ? lineEnd + 2 : lineEnd + 2 + count + 2 <= bytes.length ? lineEnd + 2 + count + 2 : -1;
  if (type === '*') {
    let at = lineEnd + 2;
    for (let i = 0; i < count; i++) {
      at = replyEnd(bytes, at);
      if (at === -1) return -1;
    }
    return at;
  }
  throw new Error(`not a RESP reply: ${JSON.stringify(bytes.toString('latin1', start, start + 40))}`);
}

export class RawConnection {
  private received = Buffer.alloc(0);
  private consumed = 0;
  private closed = false;
  private readonly socket: net.Socket;
  private wake: () => void = () => {};

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve) => (this.closed ? resolve() : this.socket.write(bytes, () => resolve())));
  }

  /** Every byte received and not read yet; complete when there were none. */
  rest(): { bytes: Buffer; complete: boolean } {
    const bytes = this.received.subarray(this.consumed);
    this.consumed = this.received.length;
    return { bytes, complete: bytes.length === 0 };
  }

  /** The next `count` replies' bytes, or what arrived when the deadline passed or the socket closed. */
  async replies(count: number, timeoutMs: number): Promise<{ bytes: Buffer; complete: boolean }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let at = this.consumed;
      let found = 0;
      while (found < count) {
        const end = replyEnd(this.received, at);
        if (end === -1) break;
        at = end;
        found++;
      }
      if (found === count || this.closed || Date.now() >= deadline) {
        const bytes = this.received.subarray(this.consumed, found === count ? at : this.received.length);
        this.consumed += bytes.length;
        return { bytes, complete: found === count };
      }
      await this.nextEvent(deadline - Date.now());
    }
  }

  /** Whether the server closes the connection within the deadline. */
  async closes(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await this.nextEvent(deadline - Date.now());
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }

  private nextEvent(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(timeoutMs, 0));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
