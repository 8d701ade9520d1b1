import { describe, expect, it } from 'vitest';
import { drillRecords, isSearchablePage } from '../../../scripts/hosting/search-records.ts';

const site = 'test/fixtures/built-sites/drill-bank-site';

describe('what the site search indexes', () => {
  it('indexes chapters, lab instructions and the drills overview, not the progress page or drill sessions', () => {
    const searchable = ['chapters/caching/index.html', 'labs/first-web-server/index.html', 'drills/index.html'];
    const skipped = ['index.html', 'progress/index.html', '404.html', 'drills/mock/index.html', 'drills/practice/caching/index.html'];
    expect(searchable.filter(isSearchablePage)).toEqual(searchable);
    expect(skipped.filter(isSearchablePage)).toEqual([]);
  });

  it('makes one record per drill from the practice pages, leading to its chapter practice page', () => {
    const records = drillRecords(site);
    expect(records.map((record) => record.url)).toEqual([
      '/drills/practice/caching/#drill-cdn-only-freshness',
      '/drills/practice/caching/#drill-cache-aside-meaning',
    ]);
    expect(records[0]!.meta.title).toBe('Drill · Caching: Which header lets a CDN keep a page for 60 s while browsers always check?');
  });

  it('indexes what a drill says (prompt, options, explanations, answers) but not its ids and links', () => {
    const [choice, concept] = drillRecords(site);
    expect(choice!.content).toContain('s-maxage=60');
    expect(choice!.content).toContain('s-maxage applies to shared caches only.');
    expect(concept!.content).toContain('fills it from the database on a miss');
    expect(choice!.content).not.toMatch(/cdn-only-freshness|\/chapters\/caching|true|choice/);
  });

  it('finds no drills in a site without practice pages', () => {
    expect(drillRecords('test/fixtures/built-sites/course-site')).toEqual([]);
  });
});
