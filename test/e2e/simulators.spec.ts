import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('.sim').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function advance(simulator: Locator, seconds: number): Promise<void> {
  const button = simulator.getByRole('button', { name: 'Advance 1 s' });
  for (let second = 0; second < seconds; second += 1) await button.click();
}

test.describe('the load-balancer simulator', () => {
  test('deals weights 5, 1, 1 in nginx order: A A B A C A A', async ({ page }) => {
    await page.goto('./chapters/load-balancing/');
    const simulator = page.locator('lb-simulator');
    await simulator.getByLabel('Server A weight').fill('5');
    await advance(simulator, 1);
    await expect(simulator.locator('[data-recent]')).toHaveText(/^A\s*A\s*B\s*A\s*C\s*A\s*A/);
  });

  test('a stopped server leaves rotation at the third failed check and returns after two passes', async ({ page }) => {
    await page.goto('./chapters/load-balancing/');
    const simulator = page.locator('lb-simulator');
    const serverB = simulator.getByRole('region', { name: 'Server B' });
    const status = simulator.getByRole('status');
    await advance(simulator, 1);
    await simulator.getByRole('button', { name: 'Stop server B' }).click();
    await expect(status).toContainText('B stopped');

    await advance(simulator, 28);
    await expect(simulator.locator('[data-clock]')).toHaveText('Time 0:29');
    await expect(serverB.locator('[data-state]')).toHaveText('stopped, still in rotation');
    await expect(serverB.locator('[data-checks]')).toHaveText('Checks: fail fail');
    await expect(serverB.locator('[data-load]')).not.toContainText(' 0 failed');

    await advance(simulator, 1);
    await expect(serverB.locator('[data-state]')).toHaveText('stopped, out of rotation');
    await expect(status).toHaveText('B failed 3 checks in a row: out of rotation.');
    const failedAtRemoval = await serverB.locator('[data-load]').textContent();
    await advance(simulator, 3);
    await expect(serverB.locator('[data-load]')).toHaveText(failedAtRemoval!.replace(/^\d+ in progress/, '0 in progress'));
    await expect(simulator.locator('[data-recent]')).not.toContainText('B');

    await simulator.getByRole('button', { name: 'Start server B' }).click();
    await advance(simulator, 7);
    await expect(serverB.locator('[data-state]')).toHaveText('out of rotation, 1 passed check');
    await advance(simulator, 10);
    await expect(serverB.locator('[data-state]')).toHaveText('in rotation');
    await expect(status).toHaveText('B passed 2 checks in a row: back in rotation.');
  });

  test('runs from the keyboard and passes an accessibility scan while running', async ({ page }) => {
    await page.goto('./chapters/load-balancing/');
    const simulator = page.locator('lb-simulator');
    const run = simulator.getByRole('button', { name: 'Run' });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(simulator.getByRole('button', { name: 'Pause' })).toBeFocused();
    await expect(simulator.locator('[data-clock]')).not.toHaveText('Time 0:00');
    await page.keyboard.press('Enter');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('turns off the load bars’ animation when the learner asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./chapters/load-balancing/');
    const duration = await page.locator('lb-simulator .lb-bar > span').first().evaluate((bar) => getComputedStyle(bar).transitionDuration);
    expect(duration).toBe('0s');
  });
});

test.describe('the capacity calculator', () => {
  test('shows the chapter’s worked example, then doubles the pods when the CDN hit ratio falls to 60 %', async ({ page }) => {
    await page.goto('./chapters/a-million-requests-per-second/');
    const calculator = page.locator('capacity-calculator');
    const pods = calculator.locator('[data-layer="pods"]');
    await expect(pods.locator('[data-headline]')).toHaveText('1,000 pods');
    await expect(calculator.locator('[data-layer="cache"] [data-headline]')).toHaveText('8 shards');
    await expect(calculator.locator('[data-layer="database"] [data-headline]')).toHaveText('4 replicas');

    await calculator.getByLabel('Availability zones (survive losing one)').fill('1');
    await calculator.getByLabel('CDN hit ratio').fill('60');
    await expect(pods.locator('[data-headline]')).toHaveText('1,334 pods');
    await expect(pods).toContainText('400,000 / 300 ≈ 1,334 pods');
    await expect(calculator.getByRole('status')).toContainText('1,334 pods');
  });

  test('says which input is wrong and what range it accepts', async ({ page }) => {
    await page.goto('./chapters/a-million-requests-per-second/');
    const calculator = page.locator('capacity-calculator');
    const input = calculator.getByLabel('CDN hit ratio');
    await input.fill('120');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('CDN hit ratio must be from 0 to 99.9; you entered 120.');
    await expect(calculator.getByRole('status')).toHaveText('Fix the highlighted input to recompute.');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('the HPA simulator', () => {
  test('scales a spike up at once and down only when the 300 s window has passed', async ({ page }) => {
    await page.goto('./chapters/a-million-requests-per-second/');
    const simulator = page.locator('hpa-simulator');
    await expect(simulator.getByRole('status')).toHaveText('Starts at 4 replicas, peaks at 16. Changes: 2:00 4 → 8, 2:15 8 → 16, 10:45 16 → 4.');
    await expect(simulator.getByRole('img')).toHaveAccessibleName(/10:45 16 → 4/);

    await simulator.getByLabel('Scale-down stabilization window').fill('0');
    await expect(simulator.getByRole('status')).toContainText('6:00 16 → 4');
  });

  test('stops a step at maxReplicas and lists the decisions with the formula', async ({ page }) => {
    await page.goto('./chapters/a-million-requests-per-second/');
    const simulator = page.locator('hpa-simulator');
    await simulator.getByLabel('Shape').selectOption('step');
    await simulator.getByLabel('Peak traffic').fill('2000');
    await expect(simulator.getByRole('status')).toHaveText('Starts at 4 replicas, peaks at 20. Changes: 2:00 4 → 8, 2:15 8 → 16, 2:30 16 → 20.');
    await simulator.getByText('Every sync where the formula asked for a change').click();
    await expect(simulator.getByRole('row', { name: /^2:30 / })).toContainText('ceil(16 × 125 / 60) = 34; capped at maxReplicas 20');
  });

});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('a load balancer with a failing server and a recomputed plan pass the accessibility scan', async ({ page }) => {
    await page.goto('./chapters/load-balancing/');
    const simulator = page.locator('lb-simulator');
    await advance(simulator, 1);
    await simulator.getByRole('button', { name: 'Stop server C' }).click();
    await advance(simulator, 2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('./chapters/a-million-requests-per-second/');
    await page.locator('capacity-calculator').getByLabel('Cache hit rate').fill('101');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const [chapter, selectors] of [
    ['a-million-requests-per-second', ['hpa-simulator', 'capacity-calculator']],
    ['load-balancing', ['lb-simulator']],
  ] as const) {
    test(`the simulators of ${chapter} fit the screen without scrolling sideways`, async ({ page }) => {
      await page.goto(`./chapters/${chapter}/`);
      for (const selector of selectors) {
        const overflow = await page.locator(selector).evaluate((element) => element.scrollWidth - element.clientWidth);
        expect(overflow, selector).toBeLessThanOrEqual(0);
      }
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
