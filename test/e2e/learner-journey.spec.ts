import { expect, test } from '@playwright/test';

// Runs against the real course: the first chapter of the outline and its first quiz.
test('a learner answers a quiz and marks a chapter read, and both survive a reload, an export, a clear and an import', async ({ page }, testInfo) => {
  await page.goto('./');
  const firstChapter = page.locator('.outline a').first();
  const chapterTitle = (await firstChapter.textContent())!.trim();
  await firstChapter.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapterTitle);

  const quiz = page.locator('quiz-question').first();
  const firstOption = quiz.locator('.quiz-options input').first();
  await firstOption.check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  const result = quiz.getByRole('status');
  await expect(result).toHaveText(/^(Correct|Not quite)/);
  const verdict = await result.textContent();
  await page.getByLabel('I have read this chapter').check();

  await page.reload();
  await expect(quiz.locator('.quiz-options input').first()).toBeChecked();
  await expect(quiz.locator('.quiz-options input').first()).toBeDisabled();
  await expect(quiz.getByRole('status')).toHaveText(verdict!);
  await expect(quiz.locator('.quiz-explanation').first()).toBeVisible();
  await expect(page.getByLabel('I have read this chapter')).toBeChecked();

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Progress' }).click();
  const row = page.getByRole('region', { name: 'Chapters' }).getByRole('row', { name: new RegExp(chapterTitle) });
  await expect(row.getByRole('cell').first()).toHaveText(/^Read on /);
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^1 of \d+ answered/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^port-to-production-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const exportFile = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exportFile);

  await page.getByRole('button', { name: 'Clear all progress…' }).click();
  await page.getByRole('button', { name: 'Delete my progress' }).click();
  await expect(row.getByRole('cell').first()).toHaveText('Not yet');
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^0 of \d+ answered/);

  await page.getByLabel('Import a progress file:').setInputFiles(exportFile);
  await expect(page.getByText(/^Imported port-to-production-progress-.*: 1 chapter read, 1 quiz answered/)).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText(/^Read on /);
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^1 of \d+ answered/);

  await row.getByRole('link').click();
  await expect(quiz.getByRole('status')).toHaveText(verdict!);
  await expect(page.getByLabel('I have read this chapter')).toBeChecked();
});

test('the home page shows what the learner has read', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('home-progress')).toContainText('Nothing recorded in this browser yet');
  await page.locator('.outline a').first().click();
  await page.getByLabel('I have read this chapter').check();
  await page.goto('./');
  await expect(page.locator('home-progress')).toContainText(/You have read 1 of \d+ chapters/);
  await expect(page.locator('.outline li').first()).toContainText('✓ Read');
});
