import { describe, expect, it } from 'vitest';
import { ProtocolError, RequestParser } from '../../../labs/engines/redis/request-parser.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

/** Every command (as latin1 strings) or protocol error message the parser yields for these chunks. */
function parseAll(...chunks: string[]): Array<string[] | string> {
  const parser = new RequestParser();
  const out: Array<string[] | string> = [];
  for (const chunk of chunks) {
    parser.push(bytes(chunk));
    for (let next = parser.next(); next !== null; next = parser.next()) {
      if (next instanceof ProtocolError) return [...out, next.message];
      out.push(next.map((arg) => arg.toString('latin1')));
    }
  }
  return out;
}

describe('the request parser', () => {
  it('reads a RESP array of bulk strings as one command', () => {
    expect(parseAll('*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n')).toEqual([['SET', 'key', 'value']]);
  });

  it('returns pipelined commands from one read in order', () => {
    expect(parseAll('*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nECHO hi\r\n')).toEqual([['PING'], ['GET', 'a'], ['ECHO', 'hi']]);
  });

  it('waits for the rest of a command split at any byte', () => {
    const frame = '*2\r\n$4\r\nECHO\r\n$12\r\nhello\r\nworld\r\n';
    for (let cut = 1; cut < frame.length; cut++) {
      expect(parseAll(frame.slice(0, cut), frame.slice(cut)), `split at byte ${cut}`).toEqual([['ECHO', 'hello\r\nworld']]);
    }
  });

  it('reads a command that arrives one byte at a time', () => {
    expect(parseAll(...'*2\r\n$3\r\nGET\r\n$2\r\nk1\r\nPING\r\n')).toEqual([['GET', 'k1'], ['PING']]);
  });

  it('joins a large value arriving in many small pieces', () => {
    const value = 'v'.repeat(200_000);
    const frame = `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${value.length}\r\n${value}\r\n`;
    const pieces = frame.match(/[^]{1,1000}/g) ?? [];
    const [command] = parseAll(...pieces);
    expect(command).toEqual(['SET', 'k', value]);
  });

  it('splits inline commands on whitespace and skips blank lines and empty arrays', () => {
    expect(parseAll('\r\n  \r\nSET  k\t"a b"\n*0\r\n*-1\r\nGET k\r\n')).toEqual([['SET', 'k', 'a b'], ['GET', 'k']]);
  });

  it.each([
    ['*x\r\n', 'Protocol error: invalid multibulk length'],
    ['*2147483648\r\n', 'Protocol error: invalid multibulk length'],
    ['*1\r\n+PING\r\n', "Protocol error: expected '$', got '+'"],
    ['*1\r\n$-1\r\n', 'Protocol error: invalid bulk length'],
    ['*1\r\n$536870913\r\n', 'Protocol error: invalid bulk length'],
    ['*1\r\n$04\r\nPING\r\n', 'Protocol error: invalid bulk length'],
    ['SET k "unterminated\r\n', 'Protocol error: unbalanced quotes in request'],
    ["ECHO 'a'b\r\n", 'Protocol error: unbalanced quotes in request'],
  ])('answers %j with "%s", as Redis does', (input, message) => {
    expect(parseAll(input)).toEqual([message]);
  });

  it('gives up on an inline line longer than 64 KB with no newline', () => {
    expect(parseAll('x'.repeat(64 * 1024))).toEqual([]);
    expect(parseAll('x'.repeat(64 * 1024 + 1))).toEqual(['Protocol error: too big inline request']);
  });

  it('gives up on a count line longer than 64 KB', () => {
    expect(parseAll(`*${'1'.repeat(64 * 1024 + 1)}`)).toEqual(['Protocol error: too big mbulk count string']);
    expect(parseAll(`*1\r\n$${'1'.repeat(64 * 1024 + 1)}`)).toEqual(['Protocol error: too big bulk count string']);
  });

  it('answers the commands before a protocol error, then stops', () => {
    expect(parseAll('PING\r\n*1\r\n$4\r\nECHO\r\n*?\r\nPING\r\n')).toEqual([['PING'], ['ECHO'], 'Protocol error: invalid multibulk length']);
  });

  it('leaves an inline line with a NUL byte before its newline waiting, as strchr() does in Redis', () => {
    expect(parseAll('PING\u0000\r\nPING\r\n')).toEqual([]);
  });

  it('does not check the two bytes that end a bulk string, like Redis', () => {
    expect(parseAll('*1\r\n$4\r\nPINGab*1\r\n$4\r\nPING\r\n')).toEqual([['PING'], ['PING']]);
  });
});
