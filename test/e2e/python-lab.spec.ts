// The Python lab in Chromium on the Local runtime: the runner of scripts/serve.ts runs
// `node launch.mjs` (course-wsgi and course-asgi on Pyodide) and the grader with this machine's
// Node. Python loads on the runner's side; the chapter page never fetches the Python runtime.
import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checksSummary, useLocalRuntime, workbenchReady } from './support/lab-workbench.ts';

const lab = 'wsgi-then-asgi';
const chapter = 'wsgi-and-asgi';
const solution = {
  'app.py': readFileSync(`labs/${lab}/solution/app.py`, 'utf8'),
  'asgi_app.py': readFileSync(`labs/${lab}/solution/asgi_app.py`, 'utf8'),
};

/** Requests for Python's runtime or the Python servers: Pyodide's files and the course-wsgi/asgi bundles. */
const pythonRuntime = (request: Request) => /\/bundles\/(pyodide\/|engines\/(wsgi|asgi)\.mjs)/.test(request.url());

useLocalRuntime();

async function typeFile(page: Page, path: keyof typeof solution): Promise<void> {
  await page.locator(`[data-open-file="${path}"]`).click();
  await expect(page.getByRole('tab', { name: path, exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.evaluate((text) => window.__labEditor?.setValue(text), solution[path]);
}

test('the chapter embeds the Python lab without loading Python', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (pythonRuntime(request)) fetched.push(request.url());
  });
  await page.goto(`chapters/${chapter}/`);
  const card = page.locator(`lab-card[data-lab="${lab}"]`);
  await expect(card).toContainText('Speak WSGI, then ASGI');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await card.getByRole('link', { name: 'Open the lab' }).click();
  await expect(page).toHaveURL(new RegExp(`/labs/${lab}/$`));
});

test('a learner runs and checks both Python parts with the Local runtime', async ({ page }) => {
  test.setTimeout(300_000);
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (pythonRuntime(request)) fetched.push(request.url());
  });
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);

  // The starter starts, and fails at the first thing part 1 must do.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(/1 of 11 checks pass\. Failed: /, { timeout: 120_000 });
  await expect(page.locator('.wb-check[data-status="fail"]').first()).toContainText('GET /hello');

  await typeFile(page, 'app.py');
  await typeFile(page, 'asgi_app.py');

  // Run: both servers start on Pyodide; the HTTP panel talks to part 1.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-program-status]')).toContainText('Listening on 127.0.0.1:', { timeout: 120_000 });
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('[wsgi]', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'HTTP request' }).click();
  await page.getByLabel('Path').fill('/hello?name=Ada+Lovelace');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-http-response]')).toContainText('HTTP/1.1 200 OK', { timeout: 30_000 });
  await expect(page.locator('[data-http-response]')).toContainText('Hello, Ada Lovelace!');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.locator('[data-program-status]')).toHaveText('Not running', { timeout: 15_000 });

  // Check: every check of both parts passes.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText('All 11 checks pass', { timeout: 200_000 });

  // Python ran in the runner's Node, never in this page.
  expect(fetched).toEqual([]);
});
