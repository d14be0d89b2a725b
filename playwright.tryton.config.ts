import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The Tryton suite's own build (global-setup.ts builds it when missing or built without these hosts):
 * its own output dir, and a test host granted as a REQUIRED host permission but outside the content
 * script's matches, so custom-origin.e2e.ts sees the sidebar there only through the runtime registration
 * (lib/platform/content-scripts.ts). Set here, before workers start, so they load the same build.
 */
export const TRYTON_E2E_HOST = 'tryton-e2e.test';
process.env.DEAL_COACH_OUT ??= '.output-e2e-tryton';
process.env.DEAL_COACH_E2E_HOSTS ??= `http://${TRYTON_E2E_HOST}/*`;

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
