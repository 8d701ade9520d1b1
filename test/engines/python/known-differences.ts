// Reviewed disagreements between the course servers and the real ones on the corpus, each with
// its reason. A field listed here is not compared for that case; every other field still is.
import type { Field } from './harness/compare.ts';

export interface KnownDifference {
  server: 'wsgi' | 'asgi';
  case: string;
  fields: Field[];
  reason: string;
}

export const knownDifferences: KnownDifference[] = [
  {
    server: 'wsgi',
    case: 'HEAD / sends headers and no body',
    fields: ['body'],
    reason: 'Gunicorn 20.1 writes whatever body the application returns even to HEAD (gunicorn/http/wsgi.py Response.write does not look at the method); RFC 9110 section 9.3.2 says a HEAD response has no content, and Node omits it.',
  },
  {
    server: 'wsgi',
    case: 'a str body is refused',
    fields: ['status', 'reason', 'body', 'complete', 'chunked', 'content-type', 'content-length'],
    reason: 'Gunicorn sends the headers before checking the type of the first body item, so a str item cuts a 200 response short; the course server checks first and answers 500, which PEP 3333 ("Unicode Issues": the body must be bytestrings) allows and which shows the learner the TypeError at once.',
  },
  {
    server: 'wsgi',
    case: 'start_response with exc_info replaces the headers',
    fields: ['content-type'],
    reason: 'PEP 3333 says a second start_response() call with exc_info replaces the status and headers; Gunicorn 20.1 appends the new headers to the old ones (Response.process_headers never resets self.headers), so its response carries Content-Type twice.',
  },
  {
    server: 'wsgi',
    case: 'a status without a reason phrase',
    fields: ['status', 'reason', 'body', 'chunked', 'content-type', 'content-length'],
    reason: 'PEP 3333 requires a status such as "200 OK" (code, space, reason phrase); Gunicorn sends "200" as it is, the course server raises a ValueError naming the rule and answers 500, so the learner fixes it before a stricter server (wsgiref) refuses it.',
  },
  {
    server: 'wsgi',
    case: 'a hop-by-hop header from the app',
    fields: ['status', 'reason', 'body', 'chunked', 'content-type', 'content-length'],
    reason: 'PEP 3333 ("Other HTTP Features") forbids applications to send hop-by-hop headers such as Connection; Gunicorn silently drops them, the course server raises an AssertionError (as wsgiref does) and answers 500 so the learner sees the rule.',
  },
];

export function skippedFields(server: 'wsgi' | 'asgi', name: string): Set<Field> {
  return new Set(knownDifferences.filter((k) => k.server === server && k.case === name).flatMap((k) => k.fields));
}
