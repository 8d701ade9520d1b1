import { defineCheck, fail } from '../../kit/check.ts';
import { expectHeaderPresent, expectMediaType, expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const servesStaticFiles = defineCheck<LabFiles>({
  slug: 'serves-static-files',
  title: 'Serves any file in public/ with Content-Type, Content-Length and Cache-Control',
  hint: 'Map the request path to a file in public/, read it, and send it with Content-Type chosen from its extension (.css text/css, .js text/javascript, .json application/json, .svg image/svg+xml, .txt text/plain), Content-Length set to its size in bytes, and Cache-Control such as public, max-age=3600.',
  timeoutMs: 5000,
  async run(ctx) {
    const file = ctx.env.staticFile;
    const request = `GET ${file.urlPath}`;
    ctx.note(`the grader wrote ${file.relativePath} (${file.bytes.length} bytes) for this run; it is removed afterwards`);
    const response = await ctx.http.get(file.urlPath);
    expectStatus(response, 200, request, `${file.relativePath} exists`);
    if (!response.body.equals(file.bytes)) {
      fail({
        message: `${request} answered 200, but the body is not the contents of ${file.relativePath}.`,
        expected: `the ${file.bytes.length} bytes of ${file.relativePath}, starting ${JSON.stringify(file.bytes.toString('utf8').slice(0, 40))}`,
        actual: `${response.body.length} bytes, starting ${JSON.stringify(response.body.toString('utf8').slice(0, 40))}`,
      });
    }
    expectMediaType(response, file.mediaType, request);
    const length = response.header('content-length');
    if (length === undefined) {
      fail({
        message: `${request} answered without a Content-Length header${response.framing === 'chunked' ? ' (the body was sent in chunks)' : ''}. For a file the size is known up front; sending it lets clients show progress and reuse the connection.`,
        expected: `Content-Length: ${file.bytes.length}`,
        actual: 'no Content-Length header',
      });
    }
    const cacheControl = expectHeaderPresent(response, 'Cache-Control', request, 'Cache-Control with a max-age, e.g. public, max-age=3600');
    const maxAge = /(?:^|[\s,])max-age=(\d+)/i.exec(cacheControl);
    if (!maxAge || Number(maxAge[1]) <= 0 || /no-store/i.test(cacheControl)) {
      fail({
        message: `${request} answered with Cache-Control "${cacheControl}", which does not let browsers keep the file for a while.`,
        expected: 'Cache-Control with a positive max-age, e.g. public, max-age=3600',
        actual: `Cache-Control: ${cacheControl}`,
      });
    }
    return `${request} answered the file's ${file.bytes.length} bytes as ${response.header('content-type')} with Cache-Control "${cacheControl}".`;
  },
});
