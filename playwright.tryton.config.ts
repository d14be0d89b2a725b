import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * End-to-end tests against a real Tryton (installed from Debian, seeded; test/tryton/), kept apart
 * from `npm test` so that suite needs no Tryton. One worker, one Tryton server and one Chromium per
 * run (test/e2e/tryton/fixtures.ts).
 *   npm run test:tryton                                   install/start Tryton, build, run, stop
 *   E2E_SKIP_BUILD=1 npx playwright test -c playwright.tryton.config.ts   reuse the last build
 * The first run on a machine installs Debian packages (root) and builds the seeded database.
 * Everything else (one worker, timeouts, traces) is the main suite's configuration.
 */
export default defineConfig({
  ...base,
  testDir: 'test/e2e/tryton',
  testMatch: '*.e2e.ts',
  testIgnore: [],
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-tryton/junit.xml' }]] : [['list']],
  outputDir: 'test-results/e2e-tryton',
});
