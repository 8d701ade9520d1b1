// For runtimes without a pseudo-terminal (the local runner pipes stdin), the page does what a
// terminal's line discipline would: echo what is typed, let Backspace erase, send the line on
// Enter, and turn Ctrl+C into Stop. See termios(3), "Canonical and noncanonical mode".
export interface LineDisciplineOptions {
  echo: (text: string) => void;
  send: (line: string) => void;
  interrupt: () => void;
}

export class LineDiscipline {
  readonly #options: LineDisciplineOptions;
  #line = '';

  constructor(options: LineDisciplineOptions) {
    this.#options = options;
  }

  feed(data: string): void {
    // Arrow keys and other escape sequences have no meaning for a line of input here.
    const text = data.replace(/\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]/g, '');
    for (const char of text) {
      if (char === '\r' || char === '\n') {
        this.#options.echo('\r\n');
        this.#options.send(`${this.#line}\n`);
        this.#line = '';
      } else if (char === '\x7f' || char === '\b') {
        if (!this.#line) continue;
        this.#line = [...this.#line].slice(0, -1).join('');
        this.#options.echo('\b \b');
      } else if (char === '\x03') {
        this.#line = '';
        this.#options.echo('^C\r\n');
        this.#options.interrupt();
      } else if (char >= ' ') {
        this.#line += char;
        this.#options.echo(char);
      }
    }
  }
}
