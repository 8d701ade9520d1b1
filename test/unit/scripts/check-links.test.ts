import { describe, expect, it } from 'vitest';
import { checkLinks, normalizeBase } from '../../../scripts/check-links.ts';

const site = 'test/fixtures/built-sites/course-site';

describe('the internal link checker', () => {
  const { pages, broken } = checkLinks(site, '/course/');
  const problems = broken.map(({ page, link, problem }) => `${page} ${link}: ${problem}`);

  it('reads every page of the built site', () => {
    expect(pages).toBe(2);
  });

  it('reports each broken link with its page and the reason, and nothing else', () => {
    expect(problems).toEqual([
      'chapters/first/index.html /course/_astro/missing.js: no page or file is built at /course/_astro/missing.js',
      'chapters/first/index.html #arrow: /course/chapters/first/ has no element with id="arrow"',
      'index.html chapters/first/#missing-section: /course/chapters/first/ has no element with id="missing-section"',
      'index.html /course/chapters/second/: no page or file is built at /course/chapters/second/',
      "index.html /chapters/first/: points outside the site's base path /course/; write links through withBase() or as Markdown links",
    ]);
  });

  it('ignores links inside code, scripts and comments, and links to other sites', () => {
    expect(problems.join('\n')).not.toMatch(/not\/a\/link|commented|rfc-editor|mailto/);
  });

  it('normalizes BASE_PATH the way the site does', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('course')).toBe('/course/');
    expect(normalizeBase('/course/')).toBe('/course/');
  });
});
