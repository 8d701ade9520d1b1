// A check's transcript in the style of `curl -v`: "> " lines were sent, "< " lines came back,
// "* " lines are the grader's notes. Bodies are excerpted and everything is capped, so a
// program that answers with megabytes cannot bloat the result.
import { transcriptCap } from '../result-schema.ts';

const bodyExcerptChars = 400;

/** Printable text with control characters escaped, so garbage bytes stay readable. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g, (c) =>
    c === '\ufffd' ? '\\ufffd' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.includes(0)) return true;
  const text = sample.toString('utf8');
  const odd = text.match(/[\ufffd\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return odd > sample.length / 10;
}

export function bodyExcerpt(body: Buffer): string[] {
  if (body.length === 0) return [];
  if (looksBinary(body)) return [`(${body.length} bytes of binary data)`];
  const text = body.toString('utf8');
  const excerpt = text.length > bodyExcerptChars ? text.slice(0, bodyExcerptChars) : text;
  const lines = printable(excerpt).replace(/\r?\n$/, '').split(/\r?\n/);
  if (text.length > bodyExcerptChars) lines.push(`… (${Buffer.byteLength(text.slice(bodyExcerptChars))} more bytes)`);
  return lines;
}

export function capText(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const marker = '\n… (transcript shortened) …\n';
  const half = Math.floor((cap - marker.length) / 2);
  return `${text.slice(0, half)}${marker}${text.slice(text.length - half)}`;
}

export class Transcript {
  private readonly lines: string[] = [];

  sent(head: string, body?: Buffer | string): void {
    for (const line of head.replace(/(\r\n)+$/, '').split('\r\n')) this.lines.push(`> ${line}`);
    this.lines.push('>');
    if (body !== undefined && body.length > 0) {
      for (const line of bodyExcerpt(Buffer.from(body))) this.lines.push(`> ${line}`);
    }
  }

  received(head: { statusLine: string; headers: Array<[string, string]> }, body: Buffer): void {
    this.lines.push(`< ${printable(head.statusLine)}`);
    for (const [name, value] of head.headers) this.lines.push(`< ${printable(`${name}: ${value}`)}`);
    this.lines.push('<');
    for (const line of bodyExcerpt(body)) this.lines.push(`< ${line}`);
  }

  /** Bytes that could not be read as a response, shown escaped. */
  receivedRaw(bytes: Buffer): void {
    const shown = bytes.subarray(0, bodyExcerptChars);
    this.lines.push(`< ${JSON.stringify(shown.toString('latin1')).slice(1, -1)}${bytes.length > shown.length ? ` … (${bytes.length - shown.length} more bytes)` : ''}`);
  }

  note(text: string): void {
    this.lines.push(`* ${text}`);
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  text(cap = transcriptCap): string {
    return capText(this.lines.join('\n'), cap);
  }
}
