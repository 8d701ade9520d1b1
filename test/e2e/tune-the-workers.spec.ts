// The tune-the-workers lab in Chromium on the Local runtime: the runner of scripts/serve.ts
// runs the course's Gunicorn (course-gunicorn.mjs) and the grader with this machine's Node.
// The load check draws what it measured; a second configuration checked on the same page is
// compared with the first in a table.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checksSummary, useLocalRuntime, workbenchReady } from './support/lab-workbench.ts';

const lab = 'tune-the-workers';
const solution = readFileSync(`labs/${lab}/solution/gunicorn.conf.py`, 'utf8');
const checkCount = (JSON.parse(readFileSync(`labs/${lab}/manifest.json`, 'utf8')) as { checks: unknown[] }).checks.length;

useLocalRuntime();

// Longer than the grader's whole-run deadline (deadlineMs, 90 s, in graders/tune-the-workers/
// grader.ts) plus its teardown, so that on a slow computer the grader's own verdict, which says
// what took long, shows up here rather than a bare timeout. A run usually takes 15-50 s.
const checkTimeoutMs = 100_000;
/** The configurations as the load check names them. */
const starterSettings = 'workers = 1, threads = 1, timeout = 30, max_requests = 0 (never recycle)';
const solutionSettings = 'workers = 8, threads = 1, timeout = 5, max_requests = 24, max_requests_jitter = 12';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the load check charts each configuration tried, and the solution passes every check', async ({ page }) => {
  // Two runs of the grader: load steps (about 10 s of load each), a hung request, the leak check.
  test.setTimeout(2 * checkTimeoutMs + 30_000);
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);
  const latency = page.locator('.wb-check[data-check="meets-latency-slo"]');
  const chart = latency.getByRole('img', { name: /^Latency and throughput as clients grow/ });

  // The starter's one sync worker fits in memory and misses the objective; the chart shows it.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(`2 of ${checkCount} checks pass. Failed: `, { timeout: checkTimeoutMs });
  await expect(latency).toHaveAttribute('data-status', 'fail');
  await expect(chart).toBeVisible();
  await expect(latency.locator('figcaption')).toHaveText(`Latency and throughput as clients grow: ${starterSettings}`);
  await expect(latency.locator('.wb-series-tried')).toHaveCount(0);

  await page.evaluate((text) => window.__labEditor?.setValue(text), solution);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(`All ${checkCount} checks pass`, { timeout: checkTimeoutMs });

  // The chart names what it shows for assistive technology, and describes what it measured in
  // one sentence: the target and the heaviest step's numbers (a near miss is measured once more).
  await expect(chart).toHaveAccessibleName('Latency and throughput as clients grow');
  await expect(chart).toHaveAccessibleDescription(
    new RegExp(
      `^[34] measurements of ${escape(solutionSettings)} against objective: p95 ≤ 1000 ms\\. ` +
        'Last, 8 clients(, again)?: p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, [\\d.]+ requests per second, 0 errors\\.$',
    ),
  );
  // The exact numbers, one row per load step.
  const numbers = latency.locator('table.wb-series-table:not(.wb-series-tried)');
  await expect(numbers.locator('tbody th')).toContainText(['2 clients', '4 clients', '8 clients']);

  // Both configurations side by side, oldest first, with whether the check passed.
  const tried = latency.getByRole('table', { name: /What you tried on this page/ });
  await expect(tried).toBeVisible();
  await expect(tried.locator('tbody tr')).toHaveCount(2);
  await expect(tried.locator('tbody th')).toHaveText([starterSettings, solutionSettings]);
  await expect(tried.locator('tbody tr').nth(0)).toHaveAttribute('data-passed', 'false');
  await expect(tried.locator('tbody tr').nth(1)).toHaveAttribute('data-passed', 'true');
});
