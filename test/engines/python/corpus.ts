// The requests both pairs of servers answer: course-wsgi vs Gunicorn on
// test/fixtures/python/apps/wsgi_app.py, course-asgi vs Uvicorn on asgi_app.py. Cases run in
// order on one server pair (the /closed-count case reads state the /closing case leaves).
import type { CorpusRequest } from './harness/raw-http.ts';

export interface CorpusCase {
  name: string;
  request: CorpusRequest;
}

const json = (value: unknown) => JSON.stringify(value);
const bigUpload = Buffer.alloc(2 * 1024 * 1024, 'xyz');

const shared: CorpusCase[] = [
  { name: 'GET / answers the greeting', request: { method: 'GET', target: '/' } },
  { name: 'HEAD / sends headers and no body', request: { method: 'HEAD', target: '/' } },
  { name: 'a query string reaches the app undecoded', request: { method: 'GET', target: '/query?a=1&b=two%20words&a=3&empty=' } },
  { name: 'POST /echo returns a small body', request: { method: 'POST', target: '/echo', headers: [['Content-Type', 'text/plain']], body: 'ping' } },
  { name: 'POST /echo with an empty body', request: { method: 'POST', target: '/echo', body: '' } },
  { name: 'GET /echo is 405 with Allow', request: { method: 'GET', target: '/echo' } },
  { name: 'a chunked request body is read whole', request: { method: 'POST', target: '/echo', headers: [['Content-Type', 'text/plain']], chunks: ['first,', 'second,', 'third'] } },
  { name: 'a JSON POST creates an item', request: { method: 'POST', target: '/items', headers: [['Content-Type', 'application/json']], body: json({ name: 'lamp', price: 12.5 }) } },
  { name: 'invalid JSON is 400', request: { method: 'POST', target: '/items', headers: [['Content-Type', 'application/json']], body: '{"name": ' } },
  { name: 'GET /items lists items', request: { method: 'GET', target: '/items' } },
  { name: 'DELETE /items is 405', request: { method: 'DELETE', target: '/items' } },
  { name: 'a 2 MB upload arrives intact', request: { method: 'POST', target: '/digest', headers: [['Content-Type', 'application/octet-stream']], body: bigUpload } },
  { name: 'a chunked upload arrives intact', request: { method: 'POST', target: '/digest', chunks: ['a'.repeat(70000), 'b'.repeat(5), 'c'.repeat(100000)] } },
  { name: 'a streamed response arrives in order', request: { method: 'GET', target: '/stream' } },
  { name: 'a 1 MB streamed response arrives intact', request: { method: 'GET', target: '/large' } },
  { name: 'two Set-Cookie headers both arrive', request: { method: 'GET', target: '/cookies' } },
  { name: '201 with its reason phrase', request: { method: 'GET', target: '/status/201' } },
  { name: '204 has no body', request: { method: 'GET', target: '/status/204' } },
  { name: '301 carries Location', request: { method: 'GET', target: '/status/301' } },
  { name: '418 keeps its reason phrase', request: { method: 'GET', target: '/status/418' } },
  { name: '503 from the app', request: { method: 'GET', target: '/status/503' } },
  { name: 'an exception before responding is a 500', request: { method: 'GET', target: '/error' } },
  { name: 'an exception while streaming cuts the response', request: { method: 'GET', target: '/error-late' } },
  { name: 'a str body is refused', request: { method: 'GET', target: '/text-body' } },
  { name: 'an unknown path is 404', request: { method: 'GET', target: '/nowhere' } },
  { name: 'an unknown path with a query is 404', request: { method: 'GET', target: '/nowhere?x=1' } },
  { name: 'a percent-encoded UTF-8 path is decoded', request: { method: 'GET', target: '/unicode/caf%C3%A9' } },
  { name: 'a percent-encoded space and slash in the path', request: { method: 'GET', target: '/unicode/a%20b' } },
  { name: 'PUT to an unknown path is 404', request: { method: 'PUT', target: '/nowhere', body: 'x' } },
];

export const wsgiCases: CorpusCase[] = [
  ...shared,
  { name: 'the environ has the CGI and wsgi keys', request: { method: 'POST', target: '/environ?x=1', headers: [['Content-Type', 'text/plain'], ['X-Test', 'value'], ['X-Dup', 'one'], ['X-Dup', 'two'], ['Accept', '*/*']], body: 'abc' } },
  { name: 'a GET environ has no body keys', request: { method: 'GET', target: '/environ' } },
  { name: 'wsgi.input iterates over lines', request: { method: 'POST', target: '/lines', body: 'one\ntwo\nthree' } },
  { name: 'the write() callable sends before the iterable', request: { method: 'GET', target: '/write' } },
  { name: 'an iterable with close()', request: { method: 'GET', target: '/closing' } },
  { name: 'close() was called after the response', request: { method: 'GET', target: '/closed-count' } },
  { name: 'Content-Length caps what is sent', request: { method: 'GET', target: '/length-cap' } },
  { name: 'an empty first chunk delays nothing visible', request: { method: 'GET', target: '/empty-first' } },
  { name: 'start_response with exc_info replaces the headers', request: { method: 'GET', target: '/exc-info' } },
  { name: 'a status without a reason phrase', request: { method: 'GET', target: '/no-reason' } },
  { name: 'a hop-by-hop header from the app', request: { method: 'GET', target: '/hop-by-hop' } },
];

export const asgiCases: CorpusCase[] = [
  ...shared,
  { name: 'the scope has the HTTP keys', request: { method: 'POST', target: '/scope?x=1&y=%20', headers: [['X-Test', 'value'], ['X-Dup', 'one'], ['X-Dup', 'two'], ['Accept', '*/*']], body: 'abc' } },
  { name: 'the scope keeps raw_path encoded', request: { method: 'GET', target: '/scope/caf%C3%A9' } },
  { name: 'lifespan startup ran before the first request', request: { method: 'GET', target: '/started' } },
  { name: 'returning without a response is a 500', request: { method: 'GET', target: '/no-response' } },
  { name: 'a body before the start message is a 500', request: { method: 'GET', target: '/body-first' } },
];
