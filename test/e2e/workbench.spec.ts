// The lab workbench in Chromium on the Local runtime: the runner of scripts/serve.ts runs the
// learner's program and the grader with this machine's Node (the WebContainer cannot boot
// offline; its adapter is unit-tested against a fake in test/runtime/).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checksSummary, useLocalRuntime, workbenchReady } from './support/lab-workbench.ts';

const lab = 'first-web-server';
const chapter = 'web-servers-and-reverse-proxies';
const solution = readFileSync(`labs/${lab}/solution/server.js`, 'utf8');
const starter = readFileSync(`labs/${lab}/starter/server.js`, 'utf8');
const typed = '// Checked in the browser.';

useLocalRuntime();

const editorText = (page: Page) => page.evaluate(() => window.__labEditor?.getValue() ?? '');

test('a learner solves the first lab in the browser, and the work survives a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`chapters/${chapter}/`);
  await page.locator(`lab-card[data-lab="${lab}"]`).getByRole('link', { name: 'Open the lab' }).click();
  await expect(page).toHaveURL(new RegExp(`/labs/${lab}/$`));
  await workbenchReady(page);

  // The starter fails, and the failure reads as a sentence with what was expected.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(/\d+ of \d+ checks pass\. Failed: /, { timeout: 30_000 });
  const failed = page.locator('.wb-check[data-status="fail"]').first();
  await expect(failed.locator('dt', { hasText: 'What happened' })).toBeVisible();
  await expect(failed.locator('dt', { hasText: 'Expected' })).toBeVisible();
  await expect(failed.locator('dt', { hasText: 'Hint' })).toBeVisible();

  // The solution through the test handle, then a few keystrokes like a person.
  await page.evaluate((text) => window.__labEditor?.setValue(text), solution);
  await page.locator('.wb-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(typed);
  expect(await editorText(page)).toContain(typed);

  // Run: output in the terminal, and the HTTP panel gets an answer.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-program-status]')).toContainText('Listening on 127.0.0.1:', { timeout: 15_000 });
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('127.0.0.1');
  await page.getByRole('tab', { name: 'HTTP request' }).click();
  await page.getByLabel('Path').fill('/health');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-http-response]')).toContainText('HTTP/1.1 200 OK');
  await expect(page.locator('[data-http-response]')).toContainText('"status"');

  // Check: every check passes.
  // Check stops the running program first (the checks start their own copy on its port).
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(checksSummary(page)).toContainText(/All \d+ checks pass/, { timeout: 30_000 });
  await expect(page.locator('[data-program-status]')).toHaveText('Not running');
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('stopping your program');

  // Reload: the edit is still there; home and Progress say passed.
  await page.reload();
  await workbenchReady(page);
  expect(await editorText(page)).toContain(typed);
  await page.goto('./');
  await expect(page.locator(`li[data-lab="${lab}"] [data-lab-status]`)).toHaveText('Passed');
  await page.goto('progress/');
  await expect(page.locator(`tr[data-lab="${lab}"] [data-lab-status]`)).toHaveText('Passed');
  await expect(page.locator(`tr[data-lab="${lab}"] [data-lab-best]`)).toHaveText(/^(\d+) of \1 checks$/);

  // Reset asks first, then brings the starter back.
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Reset my files' }).click();
  expect(await editorText(page)).toBe(starter);
});

test('a program stuck in an endless loop can be stopped and the page stays responsive', async ({ page }) => {
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);
  const endless = 'let n = 0;\nconst spin = () => {\n  console.log(`still going ${n++}`);\n  setImmediate(spin);\n};\nspin();\n';
  await page.evaluate((text) => window.__labEditor?.setValue(text), endless);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('still going', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.locator('[data-program-status]')).toHaveText('Not running', { timeout: 10_000 });
  await expect(page.locator('.wb-terminal .xterm-rows')).toContainText('[your program was stopped]');
  // Still responsive: tabs switch and the editor takes input at once.
  await page.getByRole('tab', { name: 'Checks' }).click();
  await expect(page.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => window.__labEditor?.setValue('// calm again\n'));
  expect(await editorText(page)).toBe('// calm again\n');
});

test('the lab page has no serious accessibility violations', async ({ page }) => {
  await page.goto(`labs/${lab}/`);
  await workbenchReady(page);
  await page.locator('.wb-terminal .xterm').waitFor();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the lab page fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto(`labs/${lab}/`);
    await workbenchReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
