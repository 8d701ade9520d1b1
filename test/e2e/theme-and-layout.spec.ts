import { expect, test } from '@playwright/test';

test('the chosen theme applies at once, survives a reload and can go back to the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);

  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  expect(await background()).toBe(dark);

  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await background()).toBe(light);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ['./', './progress/', 'chapter']) {
    test(`${path === 'chapter' ? 'every chapter page' : path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto('./');
      const targets = path === 'chapter' ? await page.locator('.outline a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!)) : [path];
      for (const target of targets) {
        await page.goto(target);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${target} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
      }
    });
  }
});

test('an unknown address shows the course 404 page with a way back', async ({ page }) => {
  const response = await page.goto('./chapters/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'See all chapters' }).click();
  await expect(page.locator('.outline a').first()).toBeVisible();
});
