import { expect, test } from '@playwright/test';

test('damaged saved progress is set aside with a visible notice, and the page still works', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('port-to-production:progress', '{"version":1,"chapters":'));
  await page.locator('.outline a').first().click();

  const notice = page.getByRole('alert');
  await expect(notice).toContainText('Your saved progress could not be read: it is not valid JSON');
  await expect(notice).toContainText('set aside');

  const quiz = page.locator('quiz-question').first();
  await quiz.locator('.quiz-options input').first().check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toHaveText(/^(Correct|Not quite)/);

  await notice.getByRole('link', { name: 'Open the Progress page' }).click();
  const setAside = page.getByRole('region', { name: 'Set-aside data' });
  await expect(setAside.getByRole('listitem')).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await setAside.getByRole('button', { name: 'Download' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^port-to-production-set-aside-.*\.json$/);
  await setAside.getByRole('button', { name: 'Discard' }).click();
  await expect(setAside).toBeHidden();
});

test('importing a file that is not a progress export changes nothing and says why', async ({ page }) => {
  await page.goto('./');
  await page.locator('.outline a').first().click();
  await page.getByLabel('I have read this chapter').check();
  await page.goto('./progress/');
  await expect(page.getByText(/^1 of \d+ chapters read/)).toBeVisible();

  await page.getByLabel('Import a progress file:').setInputFiles({
    name: 'package.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"my-app","version":"1.0.0"}'),
  });
  await expect(page.getByText('package.json: This JSON file is not a Port to Production progress export')).toBeVisible();
  await expect(page.getByText('Your current progress was not changed.')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^1 of \d+ chapters read/)).toBeVisible();
});
