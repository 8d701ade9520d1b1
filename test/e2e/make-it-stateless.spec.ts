// The make-it-stateless lab in Chromium on the Local runtime: the runner of scripts/serve.ts
// runs `node launch.mjs` (three instances of the learner's server behind the course proxy) and
// the grader, which starts its own cache, instances and proxy, with this machine's Node.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checksSummary, useLocalRuntime, workbenchReady } from './support/lab-workbench.ts';

const lab = 'make-it-stateless';
const solution = readFileSync(`labs/${lab}/solution/server.js`, 'utf8');
const checkCount = (JSON.parse(readFileSync(`labs/${lab}/manifest.json`, 'utf8')) as { checks: unknown[] }).checks.length;

useLocalRuntime();

const checkItem = (page: Page, slug: string) => page.locator(`.wb-check[data-check="${slug}"]`);
// Longer than the grader's whole-run deadline (deadlineMs, 60 s, in graders/make-it-stateless/
// grader.ts) plus its teardown, so that on a slow computer the grader's own verdict shows up
// here rather than a bare timeout. The starter's run usually takes 5-10 s, the solution's 15-30 s.
const checkTimeoutMs = 70_000;

test('the starter keeps sessions in memory and fails at the check that changes instances', async ({ page }) => {
  test.setTimeout(checkTimeoutMs + 20_000);
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(`2 of ${checkCount} checks pass. Failed: `, { timeout: checkTimeoutMs });
  await expect(checkItem(page, 'starts-and-listens')).toHaveAttribute('data-status', 'pass');
  await expect(checkItem(page, 'sets-a-session-cookie')).toHaveAttribute('data-status', 'pass');
  const stays = checkItem(page, 'stays-logged-in-across-instances');
  await expect(stays).toHaveAttribute('data-status', 'fail');
  // The failure names the instance that did not know the session, and what the cache held.
  await expect(stays.locator('[data-check-detail]')).toContainText(/answered 401 Unauthorized although .* does not know the session/);
  await expect(stays.locator('[data-check-detail]')).toContainText('the cache has no key session:');
  await expect(checkItem(page, 'expires-idle-sessions')).toHaveAttribute('data-status', 'skipped');
});

test('the solution, checked while it runs, is stopped first and passes every check', async ({ page }) => {
  test.setTimeout(checkTimeoutMs + 50_000);
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);
  await page.evaluate((text) => window.__labEditor?.setValue(text), solution);

  // Run holds the proxy's port and the instances' ports that the grader's own copy needs.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-program-status]')).toContainText('Listening on 127.0.0.1:', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(`All ${checkCount} checks pass`, { timeout: checkTimeoutMs });
  await expect(page.locator('.wb-check[data-status="pass"]')).toHaveCount(checkCount);
  await expect(page.locator('[data-program-status]')).toHaveText('Not running');
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('stopping your program: the checks start their own copy');
});
