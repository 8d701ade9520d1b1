import { defineCheck, fail } from '../../kit/check.ts';
import { expectMediaType, expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const answersHeadWithoutBody = defineCheck<LabFiles>({
  slug: 'answers-head-without-body',
  title: 'Answers HEAD like GET, with the same headers and no body',
  hint: 'Treat HEAD exactly like GET: same status and headers, including Content-Type and Content-Length. Node\'s http module leaves the body out of HEAD responses for you, so do not reject HEAD.',
  timeoutMs: 5000,
  async run(ctx) {
    const file = ctx.env.staticFile;
    const request = `HEAD ${file.urlPath}`;
    // Keep listening briefly after the headers: a body after a HEAD response is the bug to catch.
    const response = await ctx.http.request({ method: 'HEAD', path: file.urlPath, settleMs: 200 });
    expectStatus(response, 200, request, `GET ${file.urlPath} answers 200, and HEAD must answer like GET`);
    expectMediaType(response, file.mediaType, request);
    const length = response.header('content-length');
    if (length !== undefined && Number(length) !== file.bytes.length) {
      fail({
        message: `${request} announced Content-Length: ${length}, but GET sends ${file.bytes.length} bytes; HEAD must describe the body GET would send.`,
        expected: `Content-Length: ${file.bytes.length} (or no Content-Length)`,
        actual: `Content-Length: ${length}`,
      });
    }
    if (response.trailing.length > 0) {
      fail({
        message: `${request} was followed by ${response.trailing.length} bytes of body; a response to HEAD never has a body.`,
        expected: 'headers only',
        actual: `headers and ${response.trailing.length} body bytes`,
      });
    }
    return `${request} answered 200 with the headers of GET and no body.`;
  },
});
