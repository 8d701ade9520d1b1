// What the greeting service answers, as both parts must: the names the checks greet, and the
// assertions on a JSON answer, so every failure says what was sent, expected and received.
import { fail } from '../kit/check.ts';
import { describeStatus, expectStatus } from '../kit/expect.ts';
import type { HttpResponse } from '../kit/http/http-connection.ts';
import type { SeededRandom } from '../kit/seeded-random.ts';

// Real names with spaces and letters outside ASCII, so a query string that is not decoded, or
// decoded as anything but UTF-8, shows at once.
const people = ['Ada Lovelace', 'Grace Hopper', 'Kurt Gödel', 'Émilie du Châtelet', 'Sofia Kovalevskaya', 'Ramón Cajal', 'Zoë Ashby', 'Ólafur Darri', 'Ngũgĩ wa Thiong’o', 'Mária Telkes'];

/** A name no one can hard-code: a real name plus a short random token. */
export function randomName(random: SeededRandom): string {
  return `${random.pick(people)} ${random.token(4)}`;
}

/** Encodes a query value the way an HTML form does: UTF-8 percent-encoding, spaces as "+". */
export function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

export function greetingFor(name: string): string {
  return `Hello, ${name}!`;
}

/** Parses a JSON answer body, failing with the body as received when it is not JSON. */
export function jsonBody(response: HttpResponse, request: string): unknown {
  const text = response.body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    fail({
      message: `${request} answered ${describeStatus(response)} with a body that is not JSON.`,
      expected: 'a JSON body, e.g. {"greeting": "Hello, world!"}',
      actual: text.length ? text.slice(0, 200) : '(an empty body)',
    });
  }
}

/** Asserts the status code and, when given, the reason phrase that follows it in the status line. */
export function expectStatusLine(response: HttpResponse, code: number, reason: string | undefined, request: string): void {
  expectStatus(response, code, request);
  if (reason === undefined || response.statusText === reason) return;
  fail({
    message: `${request} answered with the status line "${describeStatus(response)}"; the reason phrase after ${code} should be "${reason}".`,
    expected: `${code} ${reason}`,
    actual: describeStatus(response),
  });
}

/** Asserts a JSON answer {"greeting": "Hello, <name>!"} with the given status. */
export function expectGreeting(response: HttpResponse, name: string, code: number, reason: string | undefined, request: string): void {
  expectStatusLine(response, code, reason, request);
  const body = jsonBody(response, request);
  const greeting = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).greeting : undefined;
  if (greeting === greetingFor(name)) return;
  fail({
    message: greeting === undefined
      ? `${request} answered JSON without a "greeting" field.`
      : `${request} greeted ${JSON.stringify(greeting)}, expected ${JSON.stringify(greetingFor(name))}.`,
    expected: JSON.stringify({ greeting: greetingFor(name) }),
    actual: response.body.toString('utf8').slice(0, 200),
  });
}

/** Asserts an error answer: the status, and a JSON body (its wording is the learner's choice). */
export function expectJsonError(response: HttpResponse, code: number, reason: string | undefined, request: string, why: string): void {
  if (response.status !== code) {
    fail({
      message: `${request} answered ${describeStatus(response)}, expected ${code}${reason ? ` ${reason}` : ''}: ${why}.`,
      expected: `${code}${reason ? ` ${reason}` : ''}`,
      actual: `${describeStatus(response)}${response.body.length ? ` with ${response.body.toString('utf8').slice(0, 120)}` : ''}`,
    });
  }
  expectStatusLine(response, code, reason, request);
  jsonBody(response, request);
}
