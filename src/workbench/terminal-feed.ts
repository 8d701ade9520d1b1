// What the terminal shows, collected before the terminal view exists (xterm loads after the
// page) and passed on once it attaches. Keeps only the latest output while unattached.
const bufferCap = 256 * 1024;

export class TerminalFeed {
  #buffer = '';
  #sink: ((text: string) => void) | undefined;

  write(text: string): void {
    if (this.#sink) {
      this.#sink(text);
      return;
    }
    this.#buffer = (this.#buffer + text).slice(-bufferCap);
  }

  /** A line from the workbench itself (not the program), dimmed so it reads as a note. */
  note(text: string): void {
    this.write(`\x1b[2m${text}\x1b[0m\r\n`);
  }

  attach(sink: (text: string) => void): void {
    this.#sink = sink;
    if (this.#buffer) sink(this.#buffer);
    this.#buffer = '';
  }
}
