import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Presses Tab until the target has focus, as a keyboard user would, failing after 40 presses. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Answers whatever drill is showing, with the keyboard only, and moves on. */
async function answerByKeyboard(page: Page): Promise<void> {
  const drill = page.locator('article.drill');
  const type = await drill.getAttribute('data-type');
  if (type === 'concept') {
    await tabTo(page, drill.getByRole('button', { name: 'Show answer' }));
    await page.keyboard.press('Enter');
    await expect(drill.getByRole('button', { name: /^Good/ })).toBeFocused();
    await page.keyboard.press('Enter');
  } else if (type === 'choice' || type === 'diagnosis') {
    await tabTo(page, drill.getByRole('radio').first());
    await page.keyboard.press('Space');
    await tabTo(page, drill.getByRole('button', { name: 'Check answer' }));
    await page.keyboard.press('Enter');
  } else if (type === 'estimation') {
    await tabTo(page, drill.getByRole('textbox'));
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
  } else if (type === 'ordering') {
    await tabTo(page, drill.getByRole('button', { name: /^Move down/ }).first());
    await page.keyboard.press('Enter');
    await tabTo(page, drill.getByRole('button', { name: 'Check order' }));
    await page.keyboard.press('Enter');
  } else {
    throw new Error(`the practice chapter has a ${type} drill this test does not answer; pick another chapter`);
  }
  await expect(page.getByText(/^Scheduled as (Again|Hard|Good|Easy)\./)).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Next drill|Finish session)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
}

const dueCount = (page: Page) => page.locator('[data-due-count]').first();

test('a keyboard-only practice session lowers the due count, and a reload keeps it', async ({ page }) => {
  await page.goto('./drills/');
  await expect(dueCount(page)).toHaveText('10');

  await page.goto('./drills/practice/addresses-ports-and-names/');
  await expect(page.locator('article.drill')).toBeVisible();
  await answerByKeyboard(page);
  await expect(page.locator('article.drill')).toContainText('Drill 2 of');
  await answerByKeyboard(page);
  await expect(page.locator('article.drill')).toContainText('Drill 3 of');

  await page.goto('./drills/');
  await expect(dueCount(page)).toHaveText('8');
  await page.reload();
  await expect(dueCount(page)).toHaveText('8');
  await page.goto('./');
  await expect(dueCount(page)).toHaveText('8');
  await page.goto('./progress/');
  await expect(dueCount(page)).toHaveText('8');
  await expect(page.locator('tr[data-drill-chapter="addresses-ports-and-names"] [data-drill-practised]')).toHaveText(/^2 of \d+/);
});

test('a drill answered wrongly comes back at the end of the session', async ({ page }) => {
  await page.goto('./drills/practice/wsgi-and-asgi/');
  const drill = page.locator('article.drill');
  await expect(drill).toContainText('Drill 1 of 16');
  const first = await drill.getAttribute('data-drill');
  // The first wsgi-and-asgi drill is a diagnosis: choose a wrong option on purpose.
  await expect(drill).toHaveAttribute('data-type', 'diagnosis');
  await drill.getByRole('radio', { name: /^Application server: Uvicorn/ }).check();
  await drill.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Scheduled as Again. It comes back once more at the end of this session.')).toBeVisible();
  await page.getByRole('button', { name: 'Next drill' }).click();
  await expect(drill).toContainText('Drill 2 of 17');
  // Answer the rest of the chapter (other misses come back too) until the missed drill returns.
  let returned = false;
  for (let step = 0; step < 40 && !returned; step += 1) {
    await answerByKeyboard(page);
    returned = (await drill.getAttribute('data-drill')) === first;
  }
  expect(returned).toBe(true);
  await expect(drill).toContainText(/Drill (1[7-9]|[2-3][0-9]) of/);
});

test('the daily review starts with the day\'s new drills and puts focus on the first prompt', async ({ page }) => {
  await page.goto('./drills/review/');
  await expect(page.locator('article.drill')).toContainText('Drill 1 of 10');
  const drill = page.locator('article.drill');
  await expect(drill.locator('h2')).toBeFocused();
});

test('a mock interview ends at its time limit with a score and a review of every miss', async ({ page }) => {
  await page.clock.install();
  await page.goto('./drills/mock/');
  await page.getByLabel('Questions').selectOption('5');
  await page.getByLabel('Minutes').selectOption('5');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.locator('[data-clock]')).toHaveText('5:00');
  await expect(page.locator('article.drill')).toContainText('Question 1 of 5');

  await page.clock.runFor('01:00');
  await expect(page.locator('[data-clock]')).toHaveText('4:00');
  await page.clock.runFor('04:01');

  const result = page.locator('[data-mock-result]');
  await expect(result).toContainText('Time is up.');
  await expect(result.getByRole('heading', { name: 'Score: 0 of 5' })).toBeFocused();
  await expect(result.locator('.drill-review > li')).toHaveCount(5);
  for (const miss of await result.locator('.drill-review > li').all()) {
    await expect(miss).toContainText('(not answered in time)');
    await expect(miss.getByRole('link')).toHaveAttribute('href', /\/chapters\/[a-z0-9-]+\/#[a-z0-9-]+$/);
  }
});

test('a mock interview scores a right answer and lists only the misses', async ({ page }) => {
  await page.clock.install();
  await page.goto('./drills/mock/');
  await page.getByLabel('Questions').selectOption('5');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const drill = page.locator('article.drill');
  await expect(drill).toContainText('Question 1 of 5');
  // No feedback during the interview: answering shows only the way on.
  const type = await drill.getAttribute('data-type');
  if (type === 'choice' || type === 'diagnosis') {
    await drill.getByRole('radio').first().check();
    await drill.getByRole('button', { name: 'Check answer' }).click();
  } else if (type === 'estimation') {
    await drill.getByRole('textbox').fill('1');
    await drill.getByRole('button', { name: 'Check answer' }).click();
  } else {
    await drill.getByRole('button', { name: 'Check order' }).click();
  }
  await expect(drill.locator('.drill-message')).toHaveText('');
  await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
  await page.clock.runFor('10:01');
  const result = page.locator('[data-mock-result]');
  await expect(result).toContainText('Time is up.');
  await expect(result.getByRole('heading', { name: /^Score: [01] of 5$/ })).toBeVisible();
  const score = Number((await result.getByRole('heading', { name: /^Score/ }).textContent())?.match(/Score: (\d)/)?.[1]);
  await expect(result.locator('.drill-review > li')).toHaveCount(5 - score);
});

test.describe('accessibility of the drill pages', () => {
  test('the drills home has no serious or critical violations', async ({ page }) => {
    await page.goto('./drills/');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a practice drill after an answer has no serious or critical violations', async ({ page }) => {
    await page.goto('./drills/practice/hit-a-url/');
    const drill = page.locator('article.drill');
    await expect(drill).toBeVisible();
    await answerByKeyboard(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('each drill type renders without serious or critical violations', async ({ page }) => {
    // Eleven drills, each scanned once or twice: more scans than one default test budget allows.
    test.setTimeout(120_000);
    await page.goto('./drills/practice/a-million-requests-per-second/');
    const seen = new Set<string>();
    for (let index = 0; index < 11 && (await page.locator('article.drill').count()) > 0; index += 1) {
      const drill = page.locator('article.drill');
      seen.add((await drill.getAttribute('data-type')) ?? '');
      expect(await seriousViolations(page)).toEqual([]);
      if ((await drill.getAttribute('data-type')) === 'design') {
        await drill.getByRole('button', { name: 'Show model answer' }).click();
        await drill.getByRole('button', { name: 'Rate my answer' }).click();
        await expect(drill.getByText(/^You covered 0 of \d+: rated Again\.$/)).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: /^(Next drill|Finish session)$/ }).click();
      } else {
        await answerByKeyboard(page);
      }
    }
    expect([...seen].sort()).toEqual(['concept', 'design', 'estimation', 'choice', 'diagnosis'].sort());
  });

  test('the mock interview result has no serious or critical violations', async ({ page }) => {
    await page.clock.install();
    await page.goto('./drills/mock/');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.clock.runFor('10:01');
    await expect(page.locator('[data-mock-result]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('a chapter ends with a link to practise its drills', async ({ page }) => {
  await page.goto('./chapters/caching/');
  await page.getByRole('link', { name: /^Practise this chapter: \d+ drills$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice: Caching');
  await expect(page.locator('article.drill')).toContainText('Drill 1 of');
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('an answered practice drill has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto('./drills/practice/caching/');
    await expect(page.locator('article.drill')).toBeVisible();
    await answerByKeyboard(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
