import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';

// The course hosted under a sub-path, as on GitHub Pages: a build with BASE_PATH=/course/,
// served on its own port. Every page, stylesheet and script must load from under /course/.
const port = 4401;
const dist = '.work/e2e-course-dist';
const env = { ...process.env, BASE_PATH: '/course/', ASTRO_CACHE_DIR: '.work/e2e-course-cache' };
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const build = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`astro build with BASE_PATH=/course/ failed:\n${build.stderr}${build.stdout}`);
  server = spawn('node', ['scripts/serve.ts', '--port', String(port), '--dir', dist], { env, stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ready = await fetch(`http://127.0.0.1:${port}/course/`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the site built with BASE_PATH=/course/ was not served on port ${port}`);
});

test.afterAll(() => {
  server?.kill();
});

test('under BASE_PATH=/course/ every page and asset loads and every internal link stays under /course/', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`http://127.0.0.1:${port}/course/`);
  await page.locator('.outline a').first().click();
  await expect(page).toHaveURL(/\/course\/chapters\/[a-z0-9-]+\/$/);
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs.filter((href) => !href!.startsWith('/course/'))).toEqual([]);

  const quiz = page.locator('quiz-question').first();
  await quiz.locator('.quiz-options input').first().check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/^(Correct|Not quite)/);

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${port}/course/progress/`);
  await expect(page.getByText(/1 of \d+ quiz questions answered/)).toBeVisible();
  expect(failed).toEqual([]);
});
