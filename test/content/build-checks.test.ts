// What the build refuses, proven on fixture courses. These run `astro build` for real, one
// after another (they share Astro's .astro/ folder), so they take a few seconds each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixture.ts';

const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('the content build', { timeout: 120_000 }, () => {
  it('builds a valid fixture course whose internal links all resolve', () => {
    const build = buildFixture('valid');
    expect(build.status, plain(build.output)).toBe(0);
    expect(plain(build.output)).toMatch(/check-links: \d+ internal links on \d+ pages all resolve/);
    const chapter = readFileSync(join(build.dist, 'chapters/listening-sockets/index.html'), 'utf8');
    expect(chapter).toContain('data-key="listening-sockets/loopback-reach"');
    expect(chapter).toContain('An echo server');
  });

  it('rejects a chapter with a malformed frontmatter field, naming the file and the field', () => {
    const build = buildFixture('bad-frontmatter');
    const output = plain(build.output);
    expect(build.status).not.toBe(0);
    expect(output).toContain('test/fixtures/content/bad-frontmatter/chapters/ports-in-use.mdx');
    expect(output).toContain('minutes: minutes is the estimated time in whole minutes');
  });

  it('rejects references to a lab and a drill that do not exist, naming the file and the fields', () => {
    const build = buildFixture('unknown-references');
    const output = plain(build.output);
    expect(build.status).not.toBe(0);
    expect(output).toContain('test/fixtures/content/unknown-references/chapters/caching-basics.mdx');
    expect(output).toContain('labs.0: unknown lab "no-such-lab"');
    expect(output).toContain('drills.0: unknown drill "no-such-drill"');
  });

  it('rejects a quiz with an option missing its explanation, naming the file and the prop', () => {
    const build = buildFixture('bad-quiz');
    const output = plain(build.output);
    expect(build.status).not.toBe(0);
    expect(output).toContain('test/fixtures/content/bad-quiz/chapters/dns-lookups.mdx: <Quiz id="first-stop"> has invalid props');
    expect(output).toContain('options.1.explanation');
  });

  it('rejects a broken internal link and a missing anchor, naming the page and the link', () => {
    const build = buildFixture('broken-link');
    const output = plain(build.output);
    expect(build.status).not.toBe(0);
    expect(output).toContain('chapters/status-codes/index.html: "/chapters/timeouts/" — no page or file is built at /chapters/timeouts/');
    expect(output).toContain('chapters/status-codes/index.html: "#status-table" — /chapters/status-codes/ has no element with id="status-table"');
  });

  it('builds every internal link under BASE_PATH, Markdown links in chapters included', () => {
    const build = buildFixture('valid', { basePath: '/course/' });
    expect(build.status, plain(build.output)).toBe(0);
    expect(plain(build.output)).toContain('all resolve (base /course/)');
    const chapter = readFileSync(join(build.dist, 'chapters/listening-sockets/index.html'), 'utf8');
    expect(chapter).toContain('href="/course/chapters/reading-requests/#request-lines"');
    expect(chapter).not.toMatch(/(href|src)="\/(?!course\/)/);
  });
});
