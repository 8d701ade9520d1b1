// The lab workbench in headless Chromium on localhost, cold cache (a fresh browser context per
// load), median of several loads: navigation → editor ready on a lab page, Run → the program
// listening (Local runtime), Check → results shown, and the gzipped JavaScript a lab page and a
// chapter page load. When a built TutorialKit demo is available (see `peerDir`), its lesson
// page is timed the same way until `.cm-editor` is visible, and the ratio printed.
//   node scripts/bench/workbench.ts [--dist D] [--loads N] [--peer DIR]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.ts';

const lab = 'first-web-server';
const chapter = 'web-servers-and-reverse-proxies';
const port = 4581;
const peerPort = 4582;
const { values } = parseArgs({ options: { dist: { type: 'string' }, loads: { type: 'string', default: '5' }, peer: { type: 'string', default: '/tmp/tutorialkit-demo' } } });
const loads = Number(values.loads);
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function build(): string {
  const dist = '.work/bench-workbench-dist';
  if (!existsSync(`public/bundles/graders/${lab}.mjs`)) spawnSync('node', ['scripts/bundle.ts'], { stdio: 'inherit' });
  const done = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (done.status !== 0) throw new Error('`astro build` failed; run `npm run build` to see why.');
  return dist;
}

async function serve(dir: string, at: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(at), '--dir', dir], { stdio: 'ignore' });
  for (let tries = 0; tries < 100; tries += 1) {
    if (await fetch(`http://127.0.0.1:${at}/`).then(() => true, () => false)) return server;
    await sleep(100);
  }
  server.kill();
  throw new Error(`the server for ${dir} did not start on port ${at}`);
}

/** Opens `url` in a fresh context (empty cache) and gzips every script it loaded from `dist`. */
async function open(browser: Browser, url: string, dist: string, local: boolean): Promise<{ page: Page; jsBytes: () => number }> {
  const context = await browser.newContext();
  if (local) await context.addInitScript(() => sessionStorage.setItem('port-to-production:runtime', 'local'));
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || (type === 'other' && response.url().endsWith('.js'))) scripts.add(new URL(response.url()).pathname);
  });
  page.on('worker', (worker) => scripts.add(new URL(worker.url()).pathname));
  await page.goto(url);
  const jsBytes = () => [...scripts].map((path) => join(dist, decodeURIComponent(path))).filter(existsSync).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 6 }).length, 0);
  return { page, jsBytes };
}

/** Clicks `button`, then resolves with the ms until `done()` holds, timed inside the page. */
function timeInPage(page: Page, button: string, statusSelector: string, donePattern: string): Promise<number> {
  return page.evaluate(
    ([buttonSelector, selector, pattern]) =>
      new Promise<number>((resolve) => {
        const status = document.querySelector(selector as string) as HTMLElement;
        const started = performance.now();
        const done = () => new RegExp(pattern as string).test(status.textContent ?? '');
        new MutationObserver((_, observer) => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        }).observe(status, { childList: true, characterData: true, subtree: true });
        (document.querySelector(buttonSelector as string) as HTMLButtonElement).click();
      }),
    [button, statusSelector, donePattern],
  );
}

async function measureOurs(browser: Browser, dist: string) {
  const ready: number[] = [];
  const run: number[] = [];
  const check: number[] = [];
  let labJs = 0;
  const solution = readFileSync(`labs/${lab}/solution/server.js`, 'utf8');
  for (let load = 0; load < loads; load += 1) {
    const { page, jsBytes } = await open(browser, `http://127.0.0.1:${port}/labs/${lab}/`, dist, true);
    await page.waitForFunction(() => performance.getEntriesByName('lab-editor-ready').length > 0, null, { timeout: 30_000 });
    ready.push(await page.evaluate(() => performance.getEntriesByName('lab-editor-ready')[0]?.startTime ?? NaN));
    await page.waitForSelector('[data-action="run"]:not([disabled])').catch(async (error: Error) => {
      throw new Error(`the workbench never became ready to run (${await page.locator('[data-runtime-badge]').innerText()}): ${error.message}`);
    });
    run.push(await timeInPage(page, '[data-action="run"]', '[data-program-status]', '^Listening on'));
    await page.click('[data-action="stop"]');
    await page.waitForSelector('[data-action="stop"][disabled]');
    await page.evaluate((text) => window.__labEditor?.setValue(text), solution);
    check.push(await timeInPage(page, '[data-action="check"]', '[data-checks-summary]', '^(All \\d+ checks pass|\\d+ of|The checks could not run)'));
    labJs = Math.max(labJs, jsBytes());
    await page.context().close();
  }
  const { page, jsBytes } = await open(browser, `http://127.0.0.1:${port}/chapters/${chapter}/`, dist, false);
  await page.waitForLoadState('networkidle');
  const chapterJs = jsBytes();
  await page.context().close();
  return { ready: median(ready), run: median(run), check: median(check), labJs, chapterJs };
}

async function measurePeer(browser: Browser): Promise<{ ready: number; js: number } | string> {
  const dist = join(values.peer as string, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    return `not measured: no built TutorialKit demo in ${dist}. Create one with \`npx @tutorialkit/cli create demo --dir ${values.peer} --defaults --no-start --no-git\`, then \`npm run build\` in it.`;
  }
  const server = await serve(dist, peerPort);
  try {
    // The demo's home page is a redirect page to its first lesson; time the lesson itself.
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const first = /Redirecting to ([^<]+)</.exec(home)?.[1] ?? '/';
    const lesson = `http://127.0.0.1:${peerPort}${first.endsWith('/') ? first : `${first}/`}`;
    const ready: number[] = [];
    let js = 0;
    for (let load = 0; load < loads; load += 1) {
      const { page, jsBytes } = await open(browser, lesson, dist, false);
      await page.waitForSelector('.cm-editor', { state: 'visible', timeout: 30_000 });
      ready.push(await page.evaluate(() => performance.now()));
      js = Math.max(js, jsBytes());
      await page.context().close();
    }
    return { ready: median(ready), js };
  } finally {
    server.kill();
  }
}

async function main(): Promise<void> {
  const dist = values.dist ?? build();
  const server = await serve(dist, port);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const ours = await measureOurs(browser, dist);
    const peer = await measurePeer(browser);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(`Lab workbench, headless Chromium, localhost, cold cache, median of ${loads} loads (${dist})`);
    console.log(`  navigation → editor ready (lab page):   ${ms(ours.ready)}`);
    console.log(`  Run → program listening (Local runtime): ${ms(ours.run)}   goal ≤ 1000 ms`);
    console.log(`  Check → results shown (all checks run):  ${ms(ours.check)}   goal ≤ 3000 ms`);
    console.log(`  gzipped JS loaded: lab page ${kb(ours.labJs)}, chapter page ${kb(ours.chapterJs)}`);
    if (typeof peer === 'string') {
      console.log(`  TutorialKit peer: ${peer}`);
    } else {
      console.log(`  TutorialKit lesson → .cm-editor visible:  ${ms(peer.ready)}, gzipped JS ${kb(peer.js)}`);
      console.log(`  editor-ready ratio ours / TutorialKit:    ${(ours.ready / peer.ready).toFixed(2)}   goal ≤ 1.00`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
