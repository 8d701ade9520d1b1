import { defineCheck, fail } from '../../kit/check.ts';
import { expectMediaType, expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

const htmlTag = /<(!doctype html|html|head|body|main|h1|p)[\s>]/i;

export const servesHtmlAtRoot = defineCheck<LabFiles>({
  slug: 'serves-html-at-root',
  title: 'GET / answers 200 with an HTML page labelled text/html',
  hint: 'Answer GET / with the contents of public/index.html and the header Content-Type: text/html; charset=utf-8. Without that header a browser has to guess, and may show your HTML as plain text.',
  timeoutMs: 5000,
  async run(ctx) {
    const response = await ctx.http.get('/');
    expectStatus(response, 200, 'GET /');
    expectMediaType(response, 'text/html', 'GET /');
    const text = response.body.toString('utf8');
    if (!htmlTag.test(text)) {
      fail({
        message: 'GET / is labelled text/html, but its body has no HTML tags.',
        expected: 'an HTML document, e.g. the contents of public/index.html',
        actual: text.trim() ? `a body starting with ${JSON.stringify(text.slice(0, 60))}` : 'an empty body',
      });
    }
    return `GET / answered 200 with ${response.body.length} bytes of ${response.header('content-type')}.`;
  },
});
