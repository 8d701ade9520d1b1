import { defineCheck } from '../../kit/check.ts';
import { expectMethodNotAllowed } from '../method-not-allowed.ts';

export const wsgiAnswers405WithAllow = defineCheck({
  slug: 'wsgi-answers-405-with-allow',
  title: 'Answers 405 Method Not Allowed with an Allow header when a path is asked with a method it does not support',
  hint: 'A path that exists but does not take this method is not a 404: answer "405 Method Not Allowed" and list the methods it does take in an Allow header, ("Allow", "GET") for /hello and ("Allow", "POST") for /greetings. HTTP requires the Allow header on a 405: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6',
  timeoutMs: 5000,
  async run(ctx) {
    const method = ctx.random.pick(['DELETE', 'PUT', 'PATCH']);
    await expectMethodNotAllowed(ctx, method, '/hello', 'GET', 'Method Not Allowed');
    await expectMethodNotAllowed(ctx, 'GET', '/greetings', 'POST', 'Method Not Allowed');
    return `${method} /hello answered 405 with Allow: GET, and GET /greetings 405 with Allow: POST.`;
  },
});
