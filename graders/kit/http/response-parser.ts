// Reads an HTTP/1.x response from the bytes received so far, the way a strict client would
// (RFC 9112: status line, header fields, then a body framed by chunked coding,
// Content-Length, or the end of the connection). Anything else is reported as "not HTTP"
// with the reason, instead of throwing, because the bytes come from the learner's program.
export interface ParsedResponse {
  httpVersion: string;
  status: number;
  statusText: string;
  /** Header fields in the order received, names as sent. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** How the body's end was found. */
  framing: 'none' | 'content-length' | 'chunked' | 'close';
}

export type ParseOutcome =
  | { state: 'incomplete' }
  | { state: 'complete'; response: ParsedResponse; consumed: number }
  | { state: 'invalid'; why: string };

const maxHeaderBytes = 64 * 1024;
const statusLine = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/;

function headerEnd(bytes: Buffer): { index: number; length: number } | undefined {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return undefined;
  if (lf !== -1 && (crlf === -1 || lf < crlf)) return { index: lf, length: 2 };
  return { index: crlf, length: 4 };
}

function decodeChunked(bytes: Buffer, start: number): { body: Buffer; end: number } | 'incomplete' | string {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = bytes.indexOf('\n', at);
    if (lineEnd === -1) return 'incomplete';
    const sizeText = bytes.subarray(at, lineEnd).toString('latin1').replace(/\r$/, '').split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return `a chunk size line should be a hexadecimal number, got "${sizeText.slice(0, 40)}"`;
    const size = parseInt(sizeText, 16);
    at = lineEnd + 1;
    if (size === 0) {
      // Trailer fields end with an empty line.
      for (;;) {
        const end = bytes.indexOf('\n', at);
        if (end === -1) return 'incomplete';
        const line = bytes.subarray(at, end).toString('latin1').replace(/\r$/, '');
        at = end + 1;
        if (line === '') return { body: Buffer.concat(parts), end: at };
      }
    }
    if (bytes.length < at + size + 1) return 'incomplete';
    parts.push(bytes.subarray(at, at + size));
    at += size;
    if (bytes[at] === 0x0d) at += 1;
    if (bytes.length <= at) return 'incomplete';
    if (bytes[at] !== 0x0a) return 'a chunk is not followed by a line break';
    at += 1;
  }
}

function noBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** Parses one response starting at `offset`; `closed` says the peer closed the connection. */
export function parseResponse(bytes: Buffer, method: string, closed: boolean, offset = 0): ParseOutcome {
  const view = bytes.subarray(offset);
  const prefix = view.subarray(0, 5).toString('latin1');
  if (!'HTTP/'.startsWith(prefix) || (view.length >= 5 && prefix !== 'HTTP/')) {
    return { state: 'invalid', why: 'the reply does not start with "HTTP/", so it is not an HTTP response' };
  }
  const end = headerEnd(view);
  if (!end) {
    if (view.length > maxHeaderBytes) return { state: 'invalid', why: `no end of the header section within ${maxHeaderBytes} bytes` };
    return closed ? { state: 'invalid', why: 'the connection closed before the header section ended (a blank line ends it)' } : { state: 'incomplete' };
  }
  const lines = view.subarray(0, end.index).toString('latin1').split(/\r?\n/);
  const match = statusLine.exec(lines[0] ?? '');
  if (!match) return { state: 'invalid', why: `the status line "${(lines[0] ?? '').slice(0, 80)}" is not of the form "HTTP/1.1 200 OK"` };
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) return { state: 'invalid', why: `the header line "${line.slice(0, 80)}" is not of the form "Name: value"` };
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const status = Number(match[3]);
  const response: ParsedResponse = {
    httpVersion: `${match[1]}.${match[2]}`,
    status,
    statusText: match[4] ?? '',
    headers,
    body: Buffer.alloc(0),
    framing: 'none',
  };
  const bodyStart = end.index + end.length;
  if (noBody(method, status)) return { state: 'complete', response, consumed: offset + bodyStart };
  const field = (name: string) => headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
  if (field('transfer-encoding').some((v) => v.toLowerCase().includes('chunked'))) {
    const decoded = decodeChunked(view, bodyStart);
    if (decoded === 'incomplete') {
      return closed ? { state: 'invalid', why: 'the connection closed in the middle of a chunked body' } : { state: 'incomplete' };
    }
    if (typeof decoded === 'string') return { state: 'invalid', why: `malformed chunked body: ${decoded}` };
    return { state: 'complete', response: { ...response, body: decoded.body, framing: 'chunked' }, consumed: offset + decoded.end };
  }
  const lengths = new Set(field('content-length'));
  if (lengths.size > 1) return { state: 'invalid', why: `conflicting Content-Length headers: ${[...lengths].join(', ')}` };
  const [lengthText] = [...lengths];
  if (lengthText !== undefined) {
    if (!/^\d+$/.test(lengthText)) return { state: 'invalid', why: `Content-Length "${lengthText}" is not a number of bytes` };
    const length = Number(lengthText);
    if (view.length < bodyStart + length) {
      if (!closed) return { state: 'incomplete' };
      return { state: 'invalid', why: `the body ended after ${view.length - bodyStart} of the ${length} bytes that Content-Length announced` };
    }
    const body = view.subarray(bodyStart, bodyStart + length);
    return { state: 'complete', response: { ...response, body, framing: 'content-length' }, consumed: offset + bodyStart + length };
  }
  if (!closed) return { state: 'incomplete' };
  return { state: 'complete', response: { ...response, body: view.subarray(bodyStart), framing: 'close' }, consumed: bytes.length };
}
