/**
 * Fixtures: per worker, one demo CRM on a free port and one Chromium with the built extension;
 * per test, a fresh page, a clean extension (its own "Delete all local data") and a clean CRM
 * (faults and counters reset), and a guard that fails the test on any uncaught page error.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startDemoCrm, type DemoCrm } from '../demo-crm/server';
import { extensionBrowser, type LaunchedBrowser } from './browser';
import { SidebarProbe } from './sidebar';

export const DEMO_USER = 'Darcel Schlecht';

interface WorkerFixtures {
  crm: DemoCrm;
  browser_: LaunchedBrowser;
}

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  page: Page;
  sidebar: SidebarProbe;
  /** Uncaught exceptions in CRM pages during the test (must stay empty). */
  pageErrors: string[];
  /** An extension page (same origin as the background: its storage and IndexedDB). */
  extensionPage: () => Promise<Page>;
  /** Send a message to the background as an extension page would (popup, options). */
  extensionMessage: <T>(type: string, data?: unknown) => Promise<T>;
  /** Inject a fault into the demo CRM (see test/demo-crm/test-control.ts). */
  fault: (fault: { route: string; status?: number; method?: string; times?: number; delayMs?: number; drop?: boolean }) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  crm: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
    async ({}, use) => {
      const crm = await startDemoCrm({ port: 0, host: '127.0.0.1', latencyMs: 20 });
      await use(crm);
      await crm.close();
    },
    { scope: 'worker' },
  ],

  browser_: extensionBrowser,

  context: async ({ browser_ }, use) => {
    await use(browser_.context);
  },

  extensionId: async ({ browser_ }, use) => {
    await use(browser_.extensionId!);
  },

  extensionPage: async ({ context, extensionId }, use) => {
    let page: Page | null = null;
    await use(async () => {
      if (page && !page.isClosed()) return page;
      page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/review.html`);
      return page;
    });
    await (page as Page | null)?.close();
  },

  extensionMessage: async ({ extensionPage }, use) => {
    await use(async (type, data) => {
      const page = await extensionPage();
      // The @webext-core/messaging wire format: { id, type, data, timestamp } → { res } | { err }.
      const reply = await page.evaluate(
        ([t, d]) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } }).chrome.runtime.sendMessage({
            id: Date.now(),
            type: t,
            data: d,
            timestamp: Date.now(),
          }),
        [type, data] as const,
      );
      if (reply?.err) throw new Error(`extension message ${type} failed: ${JSON.stringify(reply.err)}`);
      return reply?.res as never;
    });
  },

  fault: async ({ crm }, use) => {
    await use(async (fault) => {
      const response = await fetch(`${crm.url}/__test/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      expect(response.ok, `inject fault ${JSON.stringify(fault)}`).toBe(true);
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  pageErrors: async ({}, use) => {
    await use([]);
  },

  page: async ({ context, crm, extensionMessage, extensionPage, pageErrors }, use) => {
    // A clean start: the extension's own "Delete all local data", a reset CRM, the demo user signed in.
    await fetch(`${crm.url}/__test/reset`, { method: 'POST' });
    await extensionMessage('deleteAllData');
    await (await extensionPage()).close();
    await context.clearCookies();
    await context.addCookies([{ name: 'demo_user', value: encodeURIComponent(DEMO_USER), url: crm.url }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await use(page);
    await page.close();
    for (const other of context.pages()) if (!other.url().startsWith('chrome-extension://')) await other.close().catch(() => undefined);
  },

  sidebar: async ({ page }, use) => {
    const probe = await SidebarProbe.attach(page);
    await use(probe);
    await probe.detach();
  },
});

test.afterEach(async ({ pageErrors }) => {
  expect(pageErrors, 'uncaught exceptions in the CRM page').toEqual([]);
});

export { expect };

/** The record page of one opportunity. */
export function recordUrl(crm: DemoCrm, id: string, query = ''): string {
  return `${crm.url}/opportunities/${encodeURIComponent(id)}${query}`;
}
