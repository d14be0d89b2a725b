import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3) loaded into Debian's Chromium
 * against the demo CRM (test/e2e/fixtures.ts). One worker: the machine has 2 cores, and
 * Chromium plus the demo CRM use both.
 *   npm run test:e2e                 build, then run every test
 *   E2E_SKIP_BUILD=1 npx playwright test sidebar   reuse the last build
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  // The Tryton suite needs a real Tryton: npm run test:tryton (playwright.tryton.config.ts).
  testIgnore: 'tryton/**',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e/junit.xml' }]] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
