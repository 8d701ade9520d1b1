import { defineConfig } from '@playwright/test';
import { findChromium, chromiumArgs } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
// Tests navigate relative to the base ('./', './progress/'), so the suite also runs against a
// build made with BASE_PATH set.
const base = ('/' + (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
