// Assertions on HTTP responses that fail with expected and actual filled in, so a failing
// check always shows what was sent, what was expected and what came back.
import { fail } from './check.ts';
import type { HttpResponse } from './http/http-connection.ts';

export function describeStatus(response: HttpResponse): string {
  return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

export function expectStatus(response: HttpResponse, expected: number, request: string, why = ''): void {
  if (response.status === expected) return;
  fail({
    message: `${request} answered ${describeStatus(response)}, expected ${expected}${why ? `: ${why}` : ''}.`,
    expected: `status ${expected}`,
    actual: `status ${describeStatus(response)}`,
  });
}

/** Media type of a Content-Type value without parameters, lowercased: "text/html; charset=utf-8" → "text/html". */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function expectMediaType(response: HttpResponse, expected: string, request: string): void {
  const actual = response.header('content-type');
  if (mediaType(actual) === expected) return;
  fail({
    message: actual
      ? `${request} answered with Content-Type "${actual}", expected ${expected}.`
      : `${request} answered without a Content-Type header, so the client has to guess what the body is; expected ${expected}.`,
    expected: `Content-Type: ${expected}`,
    actual: actual ? `Content-Type: ${actual}` : 'no Content-Type header',
  });
}

export function expectHeaderPresent(response: HttpResponse, name: string, request: string, expected: string): string {
  const value = response.header(name);
  if (value !== undefined && value !== '') return value;
  fail({ message: `${request} answered without a ${name} header.`, expected, actual: `no ${name} header` });
}
