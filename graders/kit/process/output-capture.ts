// Captures what a program prints, line by line, within a fixed budget: the first lines (where
// a crash usually explains itself) and the latest lines are kept, the middle is dropped and
// counted. Lines can also be forwarded live, up to a limit, so a chatty program cannot flood
// the learner's terminal.
export type Stream = 'stdout' | 'stderr';

export interface OutputCaptureOptions {
  maxChars?: number;
  headLines?: number;
  maxLiveLines?: number;
  onLine?: (line: string, stream: Stream) => void;
}

export class OutputCapture {
  private readonly maxChars: number;
  private readonly headLines: number;
  private readonly maxLiveLines: number;
  private readonly onLine?: (line: string, stream: Stream) => void;
  private readonly partial: Record<Stream, string> = { stdout: '', stderr: '' };
  private readonly head: string[] = [];
  private readonly tail: string[] = [];
  private tailChars = 0;
  private droppedLines = 0;
  private liveLines = 0;

  constructor(options: OutputCaptureOptions = {}) {
    this.maxChars = options.maxChars ?? 64_000;
    this.headLines = options.headLines ?? 40;
    this.maxLiveLines = options.maxLiveLines ?? 200;
    this.onLine = options.onLine;
  }

  write(chunk: Buffer | string, stream: Stream): void {
    const text = this.partial[stream] + chunk.toString();
    const lines = text.split('\n');
    this.partial[stream] = lines.pop() ?? '';
    for (const line of lines) this.addLine(line.replace(/\r$/, ''), stream);
    // A line without a newline for very long is still output; do not let it grow unbounded.
    if (this.partial[stream].length > 4000) {
      this.addLine(this.partial[stream], stream);
      this.partial[stream] = '';
    }
  }

  /** Emits unterminated last lines, e.g. when the program exits. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.addLine(this.partial[stream], stream);
      this.partial[stream] = '';
    }
  }

  lines(): string[] {
    const gap = this.droppedLines ? [`… ${this.droppedLines} lines not kept …`] : [];
    return [...this.head, ...gap, ...this.tail];
  }

  text(maxChars = this.maxChars): string {
    const text = this.lines().join('\n');
    return text.length <= maxChars ? text : `…${text.slice(text.length - maxChars + 1)}`;
  }

  includes(needle: string): boolean {
    return this.lines().some((line) => line.includes(needle));
  }

  private addLine(rawLine: string, stream: Stream): void {
    const line = rawLine.length > 2000 ? `${rawLine.slice(0, 2000)}… (line cut)` : rawLine;
    this.forward(line, stream);
    if (this.head.length < this.headLines) {
      this.head.push(line);
      return;
    }
    this.tail.push(line);
    this.tailChars += line.length + 1;
    while (this.tailChars > this.maxChars && this.tail.length > 1) {
      this.tailChars -= (this.tail.shift() as string).length + 1;
      this.droppedLines += 1;
    }
  }

  private forward(line: string, stream: Stream): void {
    if (!this.onLine) return;
    this.liveLines += 1;
    if (this.liveLines <= this.maxLiveLines) this.onLine(line, stream);
    else if (this.liveLines === this.maxLiveLines + 1) this.onLine(`… more output not shown (the result keeps the end of it)`, stream);
  }
}
