import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the home page has no serious or critical accessibility violations', async ({ page }) => {
      await page.goto('./');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a chapter with an answered quiz has no serious or critical accessibility violations', async ({ page }) => {
      await page.goto('./');
      await page.locator('.outline a').first().click();
      const quiz = page.locator('quiz-question').first();
      await quiz.locator('.quiz-options input').first().check();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the progress page has no serious or critical accessibility violations', async ({ page }) => {
      await page.goto('./progress/');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

// One test per chapter, so each has its own time budget as the course grows.
const chapterIds = readdirSync('content/chapters')
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.replace(/\.mdx$/, ''));

test.describe('on a phone, where code, tables and diagrams scroll sideways', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const chapter of chapterIds) {
    test(`the chapter ${chapter} has no serious or critical accessibility violations`, async ({ page }) => {
      await page.goto(`./chapters/${chapter}/`);
      await expect(page.locator('h1')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
