// Lighthouse (mobile preset, simulated throttling) on the built course: home, a chapter, a lab
// and a drill page; the same chapter in a default Starlight site beside ours (transferred bytes,
// LCP); the whole-site build time and the size of its output. Goals: performance ≥ 95 and
// accessibility, best practices and SEO 100 on chapters; our chapter ≤ 0.5× Starlight's bytes.
// Both sites are served by scripts/serve.ts (gzip, as hosts do); ours with its production headers.
//   node scripts/bench/lighthouse.ts        (about 3 minutes; the first run installs Starlight)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildStarlightSite, chapterBody } from '../hosting/starlight-site.ts';

const deadlineMs = 15 * 60_000;
const dist = '.work/bench-lh-dist';
const chapter = 'caching';
const ourPort = 27501;
const starlightPort = 27502;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const children: ChildProcess[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;

function cleanUp(): void {
  for (const child of children) child.kill();
  chrome?.kill();
}

const deadline = setTimeout(() => {
  console.error(`bench/lighthouse: stopped after ${deadlineMs / 60_000} minutes without finishing.`);
  cleanUp();
  process.exit(1);
}, deadlineMs);

function step(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed; run \`npm run build\` to see why`);
}

function buildCourse(): number {
  const env = { BASE_PATH: '/', ASTRO_CACHE_DIR: '.work/bench-lh-cache' };
  const started = process.hrtime.bigint();
  step('node', ['scripts/bundle.ts'], env);
  step('node_modules/.bin/astro', ['build', '--outDir', dist], env);
  step('node', ['scripts/hosting/search-index.ts', '--dist', dist], env);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function sizeOf(path: string): { bytes: number; files: number } {
  if (statSync(path).isFile()) return { bytes: statSync(path).size, files: 1 };
  return readdirSync(path).map((name) => sizeOf(join(path, name))).reduce((sum, part) => ({ bytes: sum.bytes + part.bytes, files: sum.files + part.files }), { bytes: 0, files: 0 });
}

async function serve(dir: string, port: number, headers: 'production' | 'none'): Promise<string> {
  children.push(spawn('node', ['scripts/serve.ts', '--dir', dir, '--port', String(port), '--headers', headers], { env: { ...process.env, BASE_PATH: '/' }, stdio: 'ignore' }));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (await fetch(`${origin}/`).then((response) => response.ok, () => false)) return origin;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${dir} was not served on port ${port}`);
}

interface Audit {
  scores: Record<(typeof categories)[number], number>;
  lcpMs: number;
  bytes: number;
  requests: number;
  /** Transferred bytes (headers included, as Lighthouse counts them) by resource type. */
  byType: Record<string, number>;
  failing: string[];
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
}

async function audit(url: string): Promise<Audit> {
  const result = await lighthouse(url, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: [...categories], maxWaitForLoad: 45_000 });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((name) => [name, Math.round((lhr.categories[name]?.score ?? 0) * 100)])) as Audit['scores'];
  const scored = new Set(categories.flatMap((name) => (lhr.categories[name]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id)));
  const failing = Object.values(lhr.audits).filter((entry) => scored.has(entry.id) && entry.score !== null && entry.score < 0.9).map((entry) => entry.id);
  const items = (lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
  const byType: Record<string, number> = {};
  for (const item of items) byType[item.resourceType ?? 'Other'] = (byType[item.resourceType ?? 'Other'] ?? 0) + (item.transferSize ?? 0);
  return { scores, lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN, bytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN, requests: items.length, byType, failing };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log('Building the course (bundles, astro build, search index)…');
  const buildSeconds = buildCourse();
  const size = sizeOf(dist);
  console.log('Building one chapter into a default Starlight site (.work/bench-starlight)…');
  const starlight = buildStarlightSite('.work/bench-starlight', chapter, readFileSync(join(dist, 'chapters', chapter, 'index.html'), 'utf8'));
  const ours = await serve(dist, ourPort, 'production');
  const theirs = await serve(starlight.dist, starlightPort, 'none');
  chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags });

  const pages: Array<[string, string]> = [
    ['home', `${ours}/`],
    ['chapter', `${ours}/chapters/${chapter}/`],
    ['lab', `${ours}/labs/first-web-server/`],
    ['drill', `${ours}/drills/practice/${chapter}/`],
    ['Starlight chapter', `${theirs}/chapters/${chapter}/`],
  ];
  const results = new Map<string, Audit>();
  console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset`);
  console.log(`${'page'.padEnd(18)} perf  a11y  best  seo   LCP      transferred  requests  below 90`);
  for (const [name, url] of pages) {
    const result = await audit(url);
    results.set(name, result);
    const { scores: s } = result;
    console.log(`${name.padEnd(18)} ${String(s.performance).padStart(4)}  ${String(s.accessibility).padStart(4)}  ${String(s['best-practices']).padStart(4)}  ${String(s.seo).padStart(3)}   ${`${Math.round(result.lcpMs)} ms`.padEnd(8)} ${kb(result.bytes).padStart(11)}  ${String(result.requests).padStart(8)}  ${result.failing.join(', ') || '–'}`);
  }

  const ourChapter = results.get('chapter')!;
  const theirChapter = results.get('Starlight chapter')!;
  const ratio = ourChapter.bytes / theirChapter.bytes;
  const chapterGoal = ourChapter.scores.performance >= 95 && ourChapter.scores.accessibility === 100 && ourChapter.scores['best-practices'] === 100 && ourChapter.scores.seo === 100;
  console.log(`\nChapter "${chapter}": ours ${kb(ourChapter.bytes)}, LCP ${Math.round(ourChapter.lcpMs)} ms; Starlight ${kb(theirChapter.bytes)}, LCP ${Math.round(theirChapter.lcpMs)} ms.`);
  // What the two pages carry besides the chapter itself: both hold the same article (text, code,
  // diagrams, quizzes), so its gzipped size is the content part of each page's HTML.
  const content = gzipSync(chapterBody(readFileSync(join(dist, 'chapters', chapter, 'index.html'), 'utf8')).body, { level: 6 }).length;
  const types = [...new Set([...Object.keys(ourChapter.byType), ...Object.keys(theirChapter.byType)])].sort();
  console.log(`  transferred by type (headers included): ${types.map((type) => `${type} ${kb(ourChapter.byType[type] ?? 0)} vs ${kb(theirChapter.byType[type] ?? 0)}`).join('; ')}`);
  console.log(`  the chapter's article alone, gzipped: ${kb(content)}; everything else: ours ${kb(ourChapter.bytes - content)}, Starlight ${kb(theirChapter.bytes - content)}`);
  console.log(`Bytes ratio ours/Starlight: ${ratio.toFixed(2)}× (goal ≤ 0.5×) ${ratio <= 0.5 ? 'met' : 'MISSED'}`);
  console.log(`Chapter scores goal (perf ≥ 95, others 100): ${chapterGoal ? 'met' : 'MISSED'}`);
  console.log(`Build of the whole site (bundles, astro build, search index): ${buildSeconds.toFixed(1)} s; Starlight one-chapter build: ${starlight.seconds.toFixed(1)} s`);
  console.log(`dist/ size: ${(size.bytes / 1024 / 1024).toFixed(2)} MB in ${size.files} files (${dist})`);
}

try {
  await main();
} catch (error) {
  console.error(`bench/lighthouse: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  cleanUp();
}
