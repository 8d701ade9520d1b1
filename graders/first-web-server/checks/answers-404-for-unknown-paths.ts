import { defineCheck } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const answers404ForUnknownPaths = defineCheck<LabFiles>({
  slug: 'answers-404-for-unknown-paths',
  title: 'Answers 404 for paths that match no file and no route',
  hint: 'When no file in public/ and no route matches the path, answer with status 404 and a short body; never with 200 and some other page.',
  timeoutMs: 5000,
  async run(ctx) {
    const paths = [`/${ctx.random.token(8)}`, `/${ctx.random.token(8)}/${ctx.random.token(6)}.css`];
    for (const path of paths) {
      const response = await ctx.http.get(path);
      expectStatus(response, 404, `GET ${path}`, 'no file or route has that path');
    }
    return `${paths.map((p) => `GET ${p}`).join(' and ')} answered 404.`;
  },
});
