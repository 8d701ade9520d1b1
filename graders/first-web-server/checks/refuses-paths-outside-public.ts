import { defineCheck, fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const refusesPathsOutsidePublic = defineCheck<LabFiles>({
  slug: 'refuses-paths-outside-public',
  title: 'Never serves a file from outside public/, however the path is written',
  hint: 'Decode the path, resolve it against the public folder with path.resolve, and refuse (404) anything whose resolved path does not start with the public folder plus a path separator. Encoded slashes (%2f) and dots (%2e) are how attackers climb out.',
  timeoutMs: 5000,
  async run(ctx) {
    const { name, content } = ctx.env.secret;
    ctx.note(`the grader wrote ${name} next to public/, where no client should ever read it`);
    // Three spellings of "one folder up": plain, with an encoded slash, with encoded dots.
    const paths = [`/../${name}`, `/..%2f${name}`, `/%2e%2e/${name}`];
    for (const path of paths) {
      const response = await ctx.http.get(path);
      if (response.body.toString('utf8').includes(content.trim())) {
        fail({
          message: `GET ${path} answered ${describeStatus(response)} with the contents of ${name}, a file outside public/. Anyone could read your source code and secrets this way (a path traversal).`,
          expected: `a 404 (or 403) answer for ${path}`,
          actual: `${describeStatus(response)} with the contents of ${name}`,
        });
      }
    }
    return `Paths that climb out of public/ (${paths.join(', ')}) did not reveal the file outside it.`;
  },
});
