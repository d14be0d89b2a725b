import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against a real Tryton (installed from Debian, seeded; test/tryton/), kept apart
 * from `npm test` so that suite needs no Tryton. One worker, one Tryton server and one Chromium per
 * run (test/e2e/tryton/fixtures.ts).
 *   npm run test:tryton                                   install/start Tryton, build, run, stop
 *   E2E_SKIP_BUILD=1 npx playwright test -c playwright.tryton.config.ts   reuse the last build
 * The first run on a machine installs Debian packages (root) and builds the seeded database.
 */
export default defineConfig({
  testDir: 'test/e2e/tryton',
  testMatch: '*.e2e.ts',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-tryton/junit.xml' }]] : [['list']],
  outputDir: 'test-results/e2e-tryton',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
