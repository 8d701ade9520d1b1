import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFor, siteHeaders } from '../../../scripts/hosting/headers.ts';
import { netlifyHeadersFile, vercelConfig } from '../../../scripts/hosting/host-files.ts';
import { themeInitScript } from '../../../src/layouts/theme-init.ts';

const regenerate = 'run `node scripts/hosting/write-headers.ts` and commit the result';

/** The _headers file read the way Netlify reads it: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = {}));
    else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

describe('the host header files', () => {
  it('public/_headers is what headers.ts generates', () => {
    expect(readFileSync('public/_headers', 'utf8'), regenerate).toBe(netlifyHeadersFile());
  });

  it('vercel.json is what headers.ts generates', () => {
    expect(readFileSync('vercel.json', 'utf8'), regenerate).toBe(vercelConfig());
  });

  it('_headers gives every path the security headers and _astro files a year of caching', () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect(rules.get('/*')).toEqual(siteHeaders);
    expect(rules.get('/_astro/*')?.['Cache-Control']).toBe('public, max-age=31536000, immutable');
  });

  it('vercel.json sends the same headers on every path', () => {
    const config = JSON.parse(readFileSync('vercel.json', 'utf8')) as { outputDirectory: string; headers: Array<{ source: string; headers: Array<{ key: string; value: string }> }> };
    const everyPath = config.headers.find((rule) => rule.source === '/(.*)');
    expect(Object.fromEntries(everyPath!.headers.map(({ key, value }) => [key, value]))).toEqual(siteHeaders);
    expect(config.outputDirectory).toBe('dist');
  });
});

describe('the production headers', () => {
  it('isolate every page so the WebContainer can boot', () => {
    expect(headersFor('/chapters/caching/')).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
  });

  it('allow the theme script by the hash of its exact text, and no other inline script', () => {
    const hash = createHash('sha256').update(themeInitScript).digest('base64');
    const scriptSources = /script-src ([^;]+)/.exec(contentSecurityPolicy)![1]!.split(' ');
    expect(scriptSources).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${hash}'`]);
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it('let the WebContainer frame in from StackBlitz and nothing else from elsewhere', () => {
    expect(contentSecurityPolicy).toContain('frame-src https://stackblitz.com');
    expect(contentSecurityPolicy.match(/https:\/\/[^\s;]+/g)).toEqual(['https://stackblitz.com']);
  });

  it('cache fingerprinted files under the base path only', () => {
    expect(headersFor('/course/_astro/app.js', '/course/')['Cache-Control']).toContain('immutable');
    expect(headersFor('/course/chapters/caching/', '/course/')['Cache-Control']).toBeUndefined();
  });
});
