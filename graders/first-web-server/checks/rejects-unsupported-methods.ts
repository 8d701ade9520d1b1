import { defineCheck, fail } from '../../kit/check.ts';
import { expectHeaderPresent, expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const rejectsUnsupportedMethods = defineCheck<LabFiles>({
  slug: 'rejects-unsupported-methods',
  title: 'Answers 405 with an Allow header for methods it does not support',
  hint: 'Check req.method first: for anything other than GET and HEAD answer 405 Method Not Allowed with the header Allow: GET, HEAD, which HTTP requires on a 405.',
  timeoutMs: 5000,
  async run(ctx) {
    const method = ctx.random.pick(['DELETE', 'PUT', 'POST', 'PATCH']);
    const path = ctx.random.pick(['/', '/health', ctx.env.staticFile.urlPath]);
    const request = `${method} ${path}`;
    const body = method === 'DELETE' ? undefined : JSON.stringify({ token: ctx.random.token(8) });
    const response = await ctx.http.request({ method, path, body, headers: body ? { 'Content-Type': 'application/json' } : {} });
    expectStatus(response, 405, request, 'the server only supports GET and HEAD');
    // RFC 9110, section 15.5.6: a 405 response must carry Allow with the supported methods.
    const allow = expectHeaderPresent(response, 'Allow', request, 'Allow: GET, HEAD');
    const listed = allow.split(',').map((m) => m.trim().toUpperCase());
    const missing = ['GET', 'HEAD'].filter((m) => !listed.includes(m));
    if (missing.length) {
      fail({
        message: `${request} answered 405 with Allow "${allow}", which leaves out ${missing.join(' and ')} although the server supports ${missing.length > 1 ? 'them' : 'it'}.`,
        expected: 'Allow: GET, HEAD',
        actual: `Allow: ${allow}`,
      });
    }
    return `${request} answered 405 with Allow: ${allow}.`;
  },
});
