/**
 * One "rig" per CRM (a worker fixture, so one browser per CRM serves its eight cells): the CRM's
 * server, Chromium with the built extension, one record tab read through the closed shadow root,
 * an extension page for IndexedDB and messages, and watchers for uncaught exceptions in the page
 * AND in the extension's service worker. Each spec file picks its CRM with `test.use({ crm })`.
 */
import { test as base, type Page } from '@playwright/test';
import { launchChromium, type LaunchedBrowser } from '../browser';
import { SidebarProbe } from '../sidebar';
import type { CrmName } from './cells';
import { createTarget, type Target } from './targets';
import { watchServiceWorker, type WorkerWatch } from './worker-errors';

export interface CachedDeal {
  key: string;
  fetchedAt: string;
  deal: { name: string } & Record<string, unknown>;
}

export interface Rig {
  target: Target;
  browser: LaunchedBrowser;
  page: Page;
  sidebar: SidebarProbe;
  /** Uncaught exceptions in the CRM tab (pageerror), since the rig started. */
  pageErrors: string[];
  worker: WorkerWatch;
  /** Requests the browser made to the deal's endpoint (every read starts there), offline attempts included. */
  dealRequests(): number;
  /** The CRM API unreachable, as when offline: every request to it fails with ERR_INTERNET_DISCONNECTED. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  /** Send a message to the background as an extension page does. */
  message<T>(type: string, data?: unknown): Promise<T>;
  /** The deal entries of the extension's cache (IndexedDB `deal-coach`, store `deals`). */
  cachedDeals(): Promise<CachedDeal[]>;
  /** Make every cached deal look `hours` old (stale: the next view serves it and re-reads the CRM). */
  ageCachedDeals(hours: number): Promise<void>;
  /** Set when a cell leaves state behind (a failure, a rate limit's back-off): the next cell starts clean. */
  dirty: boolean;
  /** Delete all local data, sign in again, read the deal once: cached, fresh, no back-off. */
  startClean(): Promise<void>;
}

export const test = base.extend<object, { crm: CrmName; rig: Rig }>({
  crm: ['demo', { scope: 'worker', option: true }],

  rig: [
    async ({ crm }, use) => {
      const target = await createTarget(crm);
      const browser = await launchChromium({ headless: !process.env.E2E_HEADED, extraArgs: target.chromiumArgs });
      const { context } = browser;
      const worker = await watchServiceWorker(browser);

      // Counted from the browser's request events (the page's and the service worker's): offline attempts never reach a server.
      let dealRequests = 0;
      context.on('request', (request) => {
        if (target.isDealRequest(new URL(request.url()), request.method(), request.headers())) dealRequests++;
      });
      // 'offline': the CRM's API fails in the browser as with no network (page and service worker alike).
      let offline = false;
      await context.route(target.apiUrls, (route) => (offline && (target.offlineAffects?.(route.request().headers()) ?? true) ? route.abort('internetdisconnected') : route.fallback()));

      const extPage = await context.newPage();
      await extPage.goto(`chrome-extension://${browser.extensionId}/review.html`);

      const page = await context.newPage();
      await page.setViewportSize({ width: 1600, height: 1000 });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
      const sidebar = await SidebarProbe.attach(page);

      const rig: Rig = {
        target,
        browser,
        page,
        sidebar,
        pageErrors,
        worker,
        dirty: true,
        dealRequests: () => dealRequests,
        goOffline: async () => void (offline = true),
        goOnline: async () => void (offline = false),
        message: async (type, data) => {
          const reply = await extPage.evaluate(
            ([t, d]) =>
              (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: unknown }> } } }).chrome.runtime.sendMessage({ id: Date.now(), type: t, data: d, timestamp: Date.now() }),
            [type, data] as const,
          );
          if (reply?.err) throw new Error(`extension message ${type} failed: ${JSON.stringify(reply.err)}`);
          return reply?.res as never;
        },
        cachedDeals: () => extPage.evaluate(() => {
          const { withDeals, requestResult } = globalThis as unknown as IdbHelpers;
          return withDeals((store) => requestResult<CachedDeal[]>(store.getAll()));
        }),
        ageCachedDeals: async (hours) => {
          await extPage.evaluate((ms) => {
            const { withDeals, requestResult } = globalThis as unknown as IdbHelpers;
            return withDeals(async (store) => {
              for (const entry of await requestResult<CachedDeal[]>(store.getAll())) store.put({ ...entry, fetchedAt: new Date(Date.now() - ms).toISOString() });
            });
          }, hours * 3_600_000);
        },
        startClean: async () => {
          offline = false;
          await target.clear();
          await rig.message('deleteAllData');
          await context.clearCookies();
          await target.signIn(context, async () => {
            const options = await context.newPage();
            await options.setViewportSize({ width: 1100, height: 1000 });
            await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
            return options;
          });
          await page.goto(target.recordUrl);
          await sidebar.waitForText((t) => t.includes(target.dealName) && /Updated just now/.test(t), 30_000);
          rig.dirty = false;
        },
      };
      // In the extension page's context (serialised by Playwright): the helpers the evaluations above use.
      await extPage.addInitScript(IDB_HELPERS);
      await extPage.reload();

      await use(rig);
      await sidebar.detach();
      await browser.close();
      await target.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** IndexedDB access for the extension page (plain JS: it runs in the page). */
const IDB_HELPERS = `
globalThis.requestResult = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
globalThis.withDeals = async (work) => {
  const db = await requestResult(indexedDB.open('deal-coach'));
  try {
    const tx = db.transaction('deals', 'readwrite');
    const done = new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    const result = await work(tx.objectStore('deals'));
    await done;
    return result;
  } finally { db.close(); }
};`;

interface IdbHelpers {
  requestResult<T>(request: IDBRequest): Promise<T>;
  withDeals<T>(work: (store: IDBObjectStore) => Promise<T>): Promise<T>;
}

export { expect } from '@playwright/test';
