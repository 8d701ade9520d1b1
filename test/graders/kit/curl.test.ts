import { describe, expect, test } from 'vitest';
import { curlCommand, shellQuote } from '../../../graders/kit/http/curl.ts';

describe('curlCommand', () => {
  test('shows headers and body for a GET', () => {
    expect(curlCommand({ method: 'GET', host: '127.0.0.1', port: 8080, path: '/' })).toBe('curl -i http://127.0.0.1:8080/');
  });

  test('uses -I for HEAD and -X for other methods', () => {
    expect(curlCommand({ method: 'HEAD', host: '127.0.0.1', port: 8080, path: '/a.css' })).toBe('curl -I http://127.0.0.1:8080/a.css');
    expect(curlCommand({ method: 'DELETE', host: '127.0.0.1', port: 8080, path: '/' })).toBe('curl -i -X DELETE http://127.0.0.1:8080/');
  });

  test('quotes headers and bodies for the shell, including single quotes', () => {
    const line = curlCommand({ method: 'PUT', host: '127.0.0.1', port: 1, path: '/x', headers: { 'Content-Type': 'application/json' }, body: `{"it's":1}` });
    expect(line).toBe(`curl -i -X PUT -H 'Content-Type: application/json' --data-binary '{"it'\\''s":1}' http://127.0.0.1:1/x`);
  });

  test('keeps dot segments in the path as they were sent', () => {
    expect(curlCommand({ method: 'GET', host: '127.0.0.1', port: 1, path: '/../secret' })).toBe('curl -i --path-as-is http://127.0.0.1:1/../secret');
    expect(curlCommand({ method: 'GET', host: '127.0.0.1', port: 1, path: '/%2e%2e/secret' })).toContain('--path-as-is');
  });

  test('puts IPv6 addresses in brackets', () => {
    expect(curlCommand({ method: 'GET', host: '::1', port: 8080, path: '/' })).toBe("curl -i 'http://[::1]:8080/'");
  });

  test('leaves plain words unquoted', () => {
    expect(shellQuote('abc-1.2/x')).toBe('abc-1.2/x');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
