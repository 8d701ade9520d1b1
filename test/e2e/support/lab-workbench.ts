// What every lab spec does first: open labs on the Local runtime, and wait until the workbench
// can be used. The WebContainer cannot boot offline; its adapter is tested against a fake.
import { expect, test, type Page } from '@playwright/test';

/** Registers, for the calling spec file, what ?runtime=local does on a first lab page. */
export function useLocalRuntime(): void {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => sessionStorage.setItem('port-to-production:runtime', 'local'));
  });
}

/** Resolves once the editor, the Local runner and the Check button are ready. */
export async function workbenchReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__labEditor !== undefined);
  await expect(page.locator('[data-runtime-badge]')).toContainText('Local runner');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
}

/** The checks panel's one-line summary ("All 6 checks pass", "2 of 6 checks pass. Failed: …"). */
export const checksSummary = (page: Page) => page.locator('[data-checks-summary]');
