import { defineCheck, fail } from '../../kit/check.ts';
import { expectMediaType } from '../../kit/expect.ts';
import { expectGreeting } from '../greetings.ts';

export const wsgiServesHelloAsJson = defineCheck({
  slug: 'wsgi-serves-hello-as-json',
  title: 'GET /hello answers 200 OK with {"greeting": "Hello, world!"} as JSON, with Content-Type and Content-Length',
  hint: 'Route on environ["PATH_INFO"] and environ["REQUEST_METHOD"]. Encode the JSON to bytes, then call start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]) and return [body]. The status is a string with the code and the reason phrase, the headers a list of (name, value) tuples of str, and the body an iterable of bytes. See PEP 3333, The start_response() Callable: https://peps.python.org/pep-3333/#the-start-response-callable',
  timeoutMs: 5000,
  async run(ctx) {
    const request = 'GET /hello';
    const response = await ctx.http.get('/hello', { settleMs: 100 });
    expectGreeting(response, 'world', 200, 'OK', request);
    expectMediaType(response, 'application/json', request);
    const length = response.header('content-length');
    if (length === undefined || Number(length) !== response.body.length || response.trailing.length > 0) {
      fail({
        message: length === undefined
          ? `${request} answered without a Content-Length header. Set it to the length of the encoded body, in bytes, as the client cannot otherwise know where the body ends before the connection closes.`
          : `${request} said Content-Length: ${length}, but the body it sent is ${response.body.length + response.trailing.length} bytes. Count the bytes of the encoded body, len(body), not the characters of the text.`,
        expected: `Content-Length: ${response.body.length + response.trailing.length}`,
        actual: length === undefined ? 'no Content-Length header' : `Content-Length: ${length}`,
      });
    }
    return `${request} answered 200 OK with ${response.body.toString('utf8')} as application/json, Content-Length ${length}.`;
  },
});
