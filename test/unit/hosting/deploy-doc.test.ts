import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxHeaderLines } from '../../../scripts/hosting/host-files.ts';

const doc = readFileSync('docs/deploy.md', 'utf8');

describe('the deploy guide', () => {
  it('gives nginx exactly the headers the site is served with', () => {
    const snippet = /port-to-production-headers\.conf`:\n\n```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet, 'docs/deploy.md has the headers snippet; after changing scripts/hosting/headers.ts, paste nginxHeaderLines() into it').toBe(`${nginxHeaderLines().join('\n')}\n`);
  });

  it('covers every host the course ships files for, and the WebContainer licence', () => {
    for (const heading of ['## Netlify', '## Cloudflare Pages', '## Vercel', '## GitHub Pages', '## Any other static host: nginx', '## Licensing: the WebContainer API']) {
      expect(doc).toContain(heading);
    }
  });
});
