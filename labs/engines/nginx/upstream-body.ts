// The rest of an upstream response body while it is still arriving: the course proxy sends the
// status and headers to the client as soon as the upstream's header is read and passes body
// bytes on as they come, like nginx with proxy_buffering (it never holds a whole response in
// memory). Bytes that arrive before a consumer attaches wait here.

export interface BodyConsumer {
  data(chunk: Buffer): void;
  /** The body is complete (error undefined) or was cut short (nginx then closes the client connection). */
  end(error?: string): void;
}

export class UpstreamBody {
  private pending: Buffer[] = [];
  private outcome: { error?: string } | undefined;
  private consumer: BodyConsumer | undefined;
  /** Set by the upstream side: stop and restart reading when the client is slow, or give up. */
  pauseSource: () => void = () => undefined;
  resumeSource: () => void = () => undefined;
  abortSource: () => void = () => undefined;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.consumer) this.consumer.data(chunk);
    else this.pending.push(chunk);
  }

  end(error?: string): void {
    if (this.outcome) return;
    this.outcome = error === undefined ? {} : { error };
    this.consumer?.end(error);
  }

  attach(consumer: BodyConsumer): void {
    this.consumer = consumer;
    for (const chunk of this.pending.splice(0)) consumer.data(chunk);
    if (this.outcome) consumer.end(this.outcome.error);
  }

  /** Reads the whole body (for filters that need all of it, such as gzip). */
  collect(): Promise<{ body: Buffer; error?: string }> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      this.attach({
        data: (chunk) => chunks.push(chunk),
        end: (error) => resolve({ body: Buffer.concat(chunks), ...(error !== undefined ? { error } : {}) }),
      });
    });
  }

  /** The client went away: stop reading the upstream. */
  abort(): void {
    this.consumer = { data: () => undefined, end: () => undefined };
    this.pending = [];
    if (!this.outcome) this.abortSource();
  }
}
