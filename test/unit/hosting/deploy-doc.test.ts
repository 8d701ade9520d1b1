import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxHeaderLines } from '../../../scripts/hosting/host-files.ts';

const doc = readFileSync('docs/deploy.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');

describe('the deploy guide', () => {
  it('gives nginx exactly the headers the site is served with', () => {
    const snippet = /port-to-production-headers\.conf`:\n\n```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet, 'docs/deploy.md has the headers snippet; after changing scripts/hosting/headers.ts, paste nginxHeaderLines() into it').toBe(`${nginxHeaderLines().join('\n')}\n`);
  });

  it('covers every host the course ships files for', () => {
    for (const heading of ['## Netlify', '## Cloudflare Pages', '## Vercel', '## GitHub Pages', '## Any other static host: nginx']) {
      expect(doc).toContain(heading);
    }
  });

  it('is summed up in the README per host, with the WebContainer licence note', () => {
    const hosting = readme.slice(readme.indexOf('## Hosting the course'));
    for (const host of ['Netlify', 'Cloudflare Pages', 'Vercel', 'GitHub Pages', 'nginx']) expect(hosting).toMatch(new RegExp(`^\\| ${host}`, 'm'));
    expect(hosting).toContain('### Licensing: the WebContainer API');
    expect(hosting).toContain('docs/deploy.md');
  });
});
