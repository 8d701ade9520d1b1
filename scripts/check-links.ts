// Fails the build when a page of the built site links to a page, file or #anchor that does not
// exist. Every internal link must also stay under BASE_PATH: "/chapters/x/" in a site served
// from /course/ points outside it. Usage: node scripts/check-links.ts [--dist dist]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';

export interface BrokenLink {
  page: string;
  link: string;
  problem: string;
}

export function normalizeBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name] ?? '');
}

/** Markup without comments and without what is inside <script> and <style>, which is not HTML. */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1');
}

const attributeValue = '\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\'|([^\\s>]+))';

function attributeValues(markup: string, tagPattern: string, attribute: string): string[] {
  const tags = markup.match(new RegExp(`<(?:${tagPattern})\\b[^>]*>`, 'gi')) ?? [];
  const valuePattern = new RegExp(`\\s${attribute}${attributeValue}`, 'i');
  return tags.flatMap((tag) => {
    const match = valuePattern.exec(tag);
    return match ? [decodeEntities(match[1] ?? match[2] ?? match[3] ?? '')] : [];
  });
}

function idsIn(markup: string): Set<string> {
  const ids = new Set<string>();
  for (const match of markup.matchAll(new RegExp(`<[a-z][^>]*?\\s(?:id|name)${attributeValue}`, 'gi'))) {
    ids.add(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return ids;
}

/** The URL path a file in dist/ is served at: chapters/x/index.html → <base>chapters/x/. */
function pageUrl(file: string, dist: string, base: string): string {
  const path = relative(dist, file).split(sep).join('/');
  return base + path.replace(/(^|\/)index\.html$/, '$1');
}

export function checkLinks(dist: string, basePath?: string): { pages: number; links: number; broken: BrokenLink[] } {
  const base = normalizeBase(basePath);
  const files = htmlFiles(dist);
  const markupCache = new Map<string, string>();
  const markupOf = (file: string) => {
    if (!markupCache.has(file)) markupCache.set(file, markupOnly(readFileSync(file, 'utf8')));
    return markupCache.get(file)!;
  };
  const fileFor = (path: string): string | undefined => {
    const inside = decodeURIComponent(path.slice(base.length));
    const candidate = join(dist, inside);
    for (const option of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
      if (existsSync(option) && statSync(option).isFile()) return option;
    }
    return undefined;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const page = relative(dist, file).split(sep).join('/');
    const markup = markupOf(file);
    const references = [
      ...attributeValues(markup, 'a|link|area|use', 'href'),
      ...attributeValues(markup, 'use', 'xlink:href'),
      ...attributeValues(markup, 'script|img|source|iframe|audio|video|track|embed', 'src'),
    ];
    const pageAt = new URL(pageUrl(file, dist, base), 'http://site.invalid');
    for (const link of references) {
      if (link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      links += 1;
      const target = new URL(link, pageAt);
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (!(target.pathname + '/').startsWith(base)) {
        broken.push({ page, link, problem: `points outside the site's base path ${base}; write links through withBase() or as Markdown links` });
        continue;
      }
      const targetFile = target.pathname === pageAt.pathname ? file : fileFor(target.pathname);
      if (!targetFile) {
        broken.push({ page, link, problem: `no page or file is built at ${target.pathname}` });
        continue;
      }
      if (fragment && fragment !== 'top' && targetFile.endsWith('.html') && !idsIn(markupOf(targetFile)).has(fragment)) {
        broken.push({ page, link, problem: `${target.pathname} has no element with id="${fragment}"` });
      }
    }
  }
  return { pages: files.length, links, broken };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: process.env.OUT_DIR || 'dist' } } });
  const dist = values.dist!;
  if (!existsSync(dist)) {
    console.error(`check-links: no built site in ${dist}. Run \`npm run build\` first.`);
    process.exit(1);
  }
  const { pages, links, broken } = checkLinks(dist, process.env.BASE_PATH);
  if (broken.length > 0) {
    console.error(`check-links: ${broken.length} broken internal link(s) in ${dist} (base ${normalizeBase(process.env.BASE_PATH)}):`);
    for (const { page, link, problem } of broken) console.error(`  ${page}: "${link}" — ${problem}`);
    console.error('Fix the link in the chapter or component that renders it, then build again.');
    process.exit(1);
  }
  console.log(`check-links: ${links} internal links on ${pages} pages all resolve (base ${normalizeBase(process.env.BASE_PATH)}).`);
}
