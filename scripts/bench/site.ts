// Size and speed of the built site: for the home page and every chapter page, the gzipped bytes
// of the HTML, CSS and JavaScript a browser loads on arrival (stylesheets, module scripts and
// their static imports; not lazy imports, images or fonts), and the time `astro build` takes.
// A script, not a test: it prints figures and flags a page over the chapter budget.
//   node scripts/bench/site.ts               build into .work/bench-dist, timed, then measure it
//   node scripts/bench/site.ts --dist dist   measure an existing build (no build time)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { normalizeBase } from '../check-links.ts';

const budget = { chapterJs: 15 * 1024, chapterTotal: 28 * 1024 };

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 6 }).length;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
}

export function weighPage(dist: string, base: string, htmlFile: string): Omit<PageWeight, 'page'> {
  const html = readFileSync(htmlFile, 'utf8');
  const fileAt = (url: string) => join(dist, decodeURIComponent(url.slice(base.length)));
  const stylesheets = new Set<string>();
  const scripts = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (href && rel === 'stylesheet') stylesheets.add(fileAt(href));
    if (href && rel === 'modulepreload') scripts.add(fileAt(href));
  }
  for (const tag of html.match(/<script\b[^>]*\ssrc\s*=[^>]*>/gi) ?? []) {
    const src = attribute(tag, 'src');
    if (src) scripts.add(fileAt(src));
  }
  // Follow static imports (`import … from "./x.js"`, `import "./x.js"`): the browser fetches them too.
  const queue = [...scripts];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const imported = join(dirname(file), match[1]!);
      if (!scripts.has(imported) && existsSync(imported)) {
        scripts.add(imported);
        queue.push(imported);
      }
    }
  }
  const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gzipped(file), 0);
  return { html: gzipped(htmlFile), css: sum(stylesheets), js: sum(scripts) };
}

function measure(dist: string, base: string): PageWeight[] {
  const pages: PageWeight[] = [{ page: base, ...weighPage(dist, base, join(dist, 'index.html')) }];
  const chaptersDir = join(dist, 'chapters');
  const chapters = existsSync(chaptersDir) ? readdirSync(chaptersDir).sort() : [];
  for (const id of chapters) {
    const file = join(chaptersDir, id, 'index.html');
    if (existsSync(file)) pages.push({ page: posix.join(base, 'chapters', id) + '/', ...weighPage(dist, base, file) });
  }
  return pages;
}

function main(): void {
  const { values } = parseArgs({ options: { dist: { type: 'string' } } });
  const base = normalizeBase(process.env.BASE_PATH);
  let dist = values.dist;
  let buildSeconds: number | undefined;
  if (!dist) {
    dist = '.work/bench-dist';
    const started = process.hrtime.bigint();
    const build = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) {
      console.error('bench/site: `astro build` failed; fix the build first (npm run build shows why).');
      process.exit(1);
    }
    buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`bench/site: no built site in ${dist}. Run \`npm run build\` or omit --dist.`);
    process.exit(1);
  }
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
  console.log(`Site weight, gzip level 6, KB = 1024 bytes (${dist}, base ${base})`);
  console.log(`${'page'.padEnd(48)}  ${'HTML'.padStart(6)}  ${'CSS'.padStart(6)}  ${'JS'.padStart(6)}  ${'total'.padStart(6)}`);
  for (const { page, html, css, js } of measure(dist, base)) {
    const total = html + css + js;
    const isChapter = page.includes('/chapters/');
    const over = isChapter && (js > budget.chapterJs || total > budget.chapterTotal) ? '  OVER BUDGET' : '';
    console.log(`${page.padEnd(48)}  ${kb(html)}  ${kb(css)}  ${kb(js)}  ${kb(total)}${over}`);
  }
  console.log(`Chapter budget: JS ≤ ${budget.chapterJs / 1024} KB, total ≤ ${budget.chapterTotal / 1024} KB.`);
  console.log(buildSeconds === undefined ? 'Build time: not measured (--dist given).' : `Build time (astro build, site only): ${buildSeconds.toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
