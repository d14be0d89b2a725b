/**
 * Fixtures for the vendor CRM e2e tests: per worker, the fake vendor HTTPS server (server.ts) and a
 * Chromium with the built extension whose DNS maps the real CRM hosts to that server; per test, a clean
 * extension ("Delete all local data"), no cookies, a reset server and a guard against page errors.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchChromium, type LaunchedBrowser } from '../browser';
import { SidebarProbe } from '../sidebar';
import { SECRETS, startVendorServer, type VendorServer } from './server';

interface WorkerFixtures {
  vendors: VendorServer;
  vendorBrowser: LaunchedBrowser;
}

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  page: Page;
  sidebar: SidebarProbe;
  pageErrors: string[];
  /** Send a message to the background as an extension page would. */
  extensionMessage: <T>(type: string, data?: unknown) => Promise<T>;
  /** The options page, open (a new tab each call). */
  openOptions: () => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  vendors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
    async ({}, use) => {
      const server = await startVendorServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  vendorBrowser: [
    async ({ vendors }, use) => {
      const launched = await launchChromium({
        headless: !process.env.E2E_HEADED,
        extraArgs: [`--host-resolver-rules=${vendors.hostRules}`, '--ignore-certificate-errors'],
      });
      await use(launched);
      await launched.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  context: async ({ vendorBrowser }, use) => {
    await use(vendorBrowser.context);
  },

  extensionId: async ({ vendorBrowser }, use) => {
    await use(vendorBrowser.extensionId!);
  },

  extensionMessage: async ({ context, extensionId }, use) => {
    const pages: Page[] = [];
    await use(async (type, data) => {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(`chrome-extension://${extensionId}/review.html`);
      const reply = await page.evaluate(
        ([t, d]) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } }).chrome.runtime.sendMessage({ id: Date.now(), type: t, data: d, timestamp: Date.now() }),
        [type, data] as const,
      );
      await page.close();
      if (reply?.err) throw new Error(`extension message ${type} failed: ${JSON.stringify(reply.err)}`);
      return reply?.res as never;
    });
    for (const p of pages) await p.close().catch(() => undefined);
  },

  openOptions: async ({ context, extensionId }, use) => {
    const pages: Page[] = [];
    await use(async () => {
      const page = await context.newPage();
      pages.push(page);
      await page.setViewportSize({ width: 1100, height: 1000 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByRole('heading', { name: 'Deal Coach options' })).toBeVisible();
      return page;
    });
    for (const p of pages) await p.close().catch(() => undefined);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  pageErrors: async ({}, use) => {
    await use([]);
  },

  page: async ({ context, vendors, extensionMessage, pageErrors }, use) => {
    await extensionMessage('deleteAllData');
    await context.clearCookies();
    vendors.reset();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
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

test.afterEach(async ({ pageErrors, vendors }) => {
  expect(pageErrors, 'uncaught exceptions in the CRM page').toEqual([]);
  expect(vendors.missing, 'requests no recording answers').toEqual([]);
});

export { expect, SECRETS };

/** Save a token through the options page, as a person would. */
export async function saveTokenInOptions(options: Page, crm: 'HubSpot' | 'Pipedrive', owner: string, token: string): Promise<void> {
  const group = options.getByRole('group', { name: crm, exact: true });
  await group.getByLabel(crm === 'HubSpot' ? 'Portal ID' : 'Company domain').fill(owner);
  await group.getByLabel(crm === 'HubSpot' ? 'Private app token' : 'Personal API token').fill(token);
  await group.getByRole('button', { name: `Save ${crm} token` }).click();
  await expect(group.getByText(`${crm} token saved.`)).toBeVisible();
}
