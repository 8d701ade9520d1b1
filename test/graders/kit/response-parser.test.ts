import { describe, expect, test } from 'vitest';
import { parseResponse } from '../../../graders/kit/http/response-parser.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseResponse', () => {
  test('reads a response framed by Content-Length and reports where it ended', () => {
    const outcome = parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA'), 'GET', false);
    expect(outcome.state).toBe('complete');
    if (outcome.state !== 'complete') return;
    expect(outcome.response).toMatchObject({ httpVersion: '1.1', status: 200, statusText: 'OK', framing: 'content-length' });
    expect(outcome.response.headers).toEqual([['Content-Type', 'text/plain'], ['Content-Length', '5']]);
    expect(outcome.response.body.toString()).toBe('hello');
    expect(outcome.consumed).toBe(bytes('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello').length);
  });

  test('decodes a chunked body with an extension and a trailer', () => {
    const raw = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n';
    const outcome = parseResponse(bytes(raw), 'GET', false);
    expect(outcome.state === 'complete' && outcome.response.body.toString()).toBe('hello world');
    expect(outcome.state === 'complete' && outcome.response.framing).toBe('chunked');
  });

  test('waits for more bytes while the headers or the body are incomplete', () => {
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Le'), 'GET', false).state).toBe('incomplete');
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf'), 'GET', false).state).toBe('incomplete');
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel'), 'GET', false).state).toBe('incomplete');
    expect(parseResponse(bytes('HT'), 'GET', false).state).toBe('incomplete');
  });

  test('reads a body without length until the connection closes', () => {
    const raw = bytes('HTTP/1.0 200 OK\r\n\r\nall of it');
    expect(parseResponse(raw, 'GET', false).state).toBe('incomplete');
    const outcome = parseResponse(raw, 'GET', true);
    expect(outcome.state === 'complete' && outcome.response.body.toString()).toBe('all of it');
  });

  test('reports bytes that do not start with HTTP/ as not HTTP', () => {
    const outcome = parseResponse(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x41, 0x42]), 'GET', false);
    expect(outcome).toEqual({ state: 'invalid', why: 'the reply does not start with "HTTP/", so it is not an HTTP response' });
    expect(parseResponse(bytes('hello world\n'), 'GET', true).state).toBe('invalid');
  });

  test('reports a malformed status line, header line or chunk size', () => {
    expect(parseResponse(bytes('HTTP/1.1 OK\r\n\r\n'), 'GET', false)).toMatchObject({ state: 'invalid', why: expect.stringContaining('status line') });
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n'), 'GET', false)).toMatchObject({ state: 'invalid', why: expect.stringContaining('header line') });
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'), 'GET', false)).toMatchObject({ state: 'invalid', why: expect.stringContaining('hexadecimal') });
  });

  test('reports a body cut short of its Content-Length when the connection closes', () => {
    const outcome = parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf'), 'GET', true);
    expect(outcome).toMatchObject({ state: 'invalid', why: 'the body ended after 4 of the 10 bytes that Content-Length announced' });
  });

  test('expects no body after HEAD, 204 and 304 even when Content-Length is set', () => {
    for (const [method, status] of [['HEAD', 200], ['GET', 204], ['GET', 304]] as const) {
      const outcome = parseResponse(bytes(`HTTP/1.1 ${status} X\r\nContent-Length: 99\r\n\r\n`), method, false);
      expect(outcome.state === 'complete' && outcome.response.body.length).toBe(0);
    }
  });

  test('parses a second response at an offset, after an informational one', () => {
    const raw = bytes('HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const first = parseResponse(raw, 'GET', false);
    expect(first.state === 'complete' && first.response.status).toBe(103);
    const second = first.state === 'complete' ? parseResponse(raw, 'GET', false, first.consumed) : first;
    expect(second.state === 'complete' && second.response.body.toString()).toBe('ok');
  });
});
