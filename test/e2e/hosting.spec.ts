// The course as a static host serves it: built with BASE_PATH=/course/, its search index built,
// and served by scripts/serve.ts with the production headers of scripts/hosting/headers.ts
// (cross-origin isolation and the Content-Security-Policy). Every page type must work with the
// policy on and report no violation; search, a quiz and a lab (Local runtime) must work.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../scripts/hosting/headers.ts';

const port = 27401;
const origin = `http://127.0.0.1:${port}`;
// The same build served with no headers at all, as GitHub Pages serves it.
const bareOrigin = 'http://127.0.0.1:27402';
const dist = '.work/e2e-hosting-dist';
const env = { ...process.env, BASE_PATH: '/course/', ASTRO_CACHE_DIR: '.work/e2e-hosting-cache' };
const servers: ChildProcess[] = [];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with BASE_PATH=/course/:\n${result.stderr}${result.stdout}`);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  run('node_modules/.bin/astro', ['build', '--outDir', dist]);
  run('node', ['scripts/hosting/search-index.ts', '--dist', dist]);
  for (const [address, headers] of [[origin, 'production'], [bareOrigin, 'none']] as const) {
    servers.push(spawn('node', ['scripts/serve.ts', '--port', new URL(address).port, '--dir', dist, '--headers', headers], { env, stdio: 'ignore' }));
    let ready = false;
    for (let attempt = 0; attempt < 100 && !ready; attempt += 1) {
      ready = await fetch(`${address}/course/`).then((response) => response.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!ready) throw new Error(`the /course/ build was not served at ${address} (--headers ${headers})`);
  }
});

test.afterAll(() => {
  for (const server of servers) server.kill();
});

interface PageProblems {
  violations: string[];
  consoleErrors: string[];
}

/** Records CSP violations (the DOM event) and console errors from here on. */
async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { violations: [], consoleErrors: [] };
  await page.exposeFunction('__reportViolation', (text: string) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  return problems;
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${origin}/course/${path}`);
  expect(response!.headers()['content-security-policy'], `${path} is sent with the policy`).toBe(contentSecurityPolicy);
  expect(await page.evaluate(() => crossOriginIsolated), `${path} is cross-origin isolated`).toBe(true);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => sessionStorage.setItem('port-to-production:runtime', 'local'));
});

test('every page type works under the production policy with no violation or console error', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await watchProblems(page);
  await visit(page, '');
  await page.locator('.outline a').first().click();
  await expect(page).toHaveURL(/\/course\/chapters\/[a-z0-9-]+\/$/);
  await expect(page.locator('theme-select select')).toBeVisible();

  await visit(page, 'labs/first-web-server/');
  await page.waitForFunction(() => window.__labEditor !== undefined);
  await expect(page.locator('[data-runtime-badge]')).toContainText('Local runner');
  // The editor and the terminal are up: both write styles at run time, which a CSP may block.
  await expect(page.locator('.wb-editor .monaco-editor')).toBeVisible();
  await expect(page.locator('.wb-terminal .xterm')).toBeVisible();

  for (const path of ['drills/', 'drills/practice/caching/', 'drills/review/', 'drills/mock/', 'progress/']) {
    await visit(page, path);
    await page.waitForLoadState('networkidle');
  }
  expect(problems.violations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('search opens with / and Ctrl+K, shows results with excerpts, and follows one under /course/', async ({ page }) => {
  const problems = await watchProblems(page);
  await visit(page, 'chapters/caching/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('gunicorn workers');
  await expect(dialog.getByRole('status')).toHaveText(/^(\d+ results?|The best \d+ of \d+ results) for “gunicorn workers”\.$/);
  const first = dialog.locator('.search-hit').first();
  await expect(first.locator('.search-hit-excerpt mark').first()).toBeVisible();
  const href = await first.locator('.search-hit-link').getAttribute('href');
  expect(href).toMatch(/^\/course\/(chapters|labs|drills)\//);
  await first.locator('.search-hit-link').click();
  await expect(page).toHaveURL(`${origin}${href}`);
  await expect(page.locator('h1')).toBeVisible();
  // The shortcut is the page's script, which runs once the document is parsed, not when h1 shows.
  await page.waitForLoadState('domcontentloaded');

  // Drills are found by their prompt, and lead to their chapter's practice page.
  await page.keyboard.press('/');
  await page.keyboard.type('s-maxage');
  const drillHit = dialog.locator('.search-hit-link', { hasText: 'Drill ·' }).first();
  await expect(drillHit).toHaveAttribute('href', /^\/course\/drills\/practice\/[a-z0-9-]+\/#drill-[a-z0-9-]+$/);

  // The hit opens that drill, and a link to another drill of the same page opens it in place.
  const drillHref = (await drillHit.getAttribute('href'))!;
  await drillHit.click();
  await expect(page).toHaveURL(`${origin}${drillHref}`);
  const shown = page.locator('drill-session article.drill');
  await expect(shown).toHaveAttribute('data-drill', drillHref.split('#drill-')[1]!);
  const other = await page.evaluate(() => {
    const bank = JSON.parse(document.querySelector('script[data-drill-bank]')!.textContent!) as Array<{ id: string }>;
    return bank.map((drill) => drill.id).find((id) => `#drill-${id}` !== window.location.hash)!;
  });
  await page.evaluate((id) => {
    window.location.hash = `#drill-${id}`;
  }, other);
  await expect(shown).toHaveAttribute('data-drill', other);
  expect(problems.violations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a quiz answer is checked and counted under the production policy', async ({ page }) => {
  const problems = await watchProblems(page);
  await visit(page, 'chapters/caching/');
  const quiz = page.locator('quiz-question').first();
  await quiz.locator('.quiz-options input').first().check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/^(Correct|Not quite)/);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByText(/1 of \d+ quiz questions answered/)).toBeVisible();
  expect(problems.violations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a lab grades the starter on the Local runtime over its WebSocket under the production policy', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = await watchProblems(page);
  await visit(page, 'labs/first-web-server/');
  await page.waitForFunction(() => window.__labEditor !== undefined);
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  // A slash typed in the code editor is code, not the search shortcut.
  await page.locator('.wb-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// a/b');
  await expect(page.getByRole('dialog', { name: 'Search the course' })).toBeHidden();
  expect(await page.evaluate(() => window.__labEditor?.getValue() ?? '')).toContain('// a/b');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('[data-checks-summary]')).toContainText(/\d+ of \d+ checks pass\. Failed: /, { timeout: 45_000 });
  expect(problems.violations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('on a host that sends no headers, a lab page isolates itself through the service worker and chapters do not load it', async ({ page }) => {
  const registrations = async () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  const chapter = await page.goto(`${bareOrigin}/course/chapters/caching/`);
  expect(chapter!.headers()['cross-origin-embedder-policy']).toBeUndefined();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await registrations()).toBe(0);

  await page.goto(`${bareOrigin}/course/labs/first-web-server/`);
  // The page registers the worker and reloads once; from then on the worker serves it.
  await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 20_000 }).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${bareOrigin}/course/coi-serviceworker.js`);
  await page.waitForFunction(() => window.__labEditor !== undefined);
  await expect(page.locator('[data-runtime-badge]')).toContainText('Local runner');
});
