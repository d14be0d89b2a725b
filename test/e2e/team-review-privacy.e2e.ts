/**
 * The "team" typical cycle when a rep has too few won deals of their own, the sidebar's
 * "Open pipeline review", and "Delete all local data" leaving nothing behind.
 */
import type { Page } from '@playwright/test';
import { expect, recordUrl, test } from './fixtures';

type Chrome = { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } } };

/** Records per object store of the extension's IndexedDB. */
async function idbCounts(extensionPage: Page): Promise<Record<string, number>> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deal-coach');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const counts: Record<string, number> = {};
    for (const name of [...db.objectStoreNames]) {
      counts[name] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });
}

async function requests(crmUrl: string, route: string): Promise<number> {
  const stats = (await (await fetch(`${crmUrl}/__test/stats`)).json()) as { paths: Record<string, number> };
  return stats.paths[route] ?? 0;
}

test('below minOwnWon own wins, the typical cycle is the team’s, read through /api/users, and the sidebar says how many the rep has', async ({ page, crm, sidebar, extensionPage }) => {
  // Darcel Schlecht has a few hundred won deals: a threshold of 1,000 puts him below it.
  await (await extensionPage()).evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.set({ settings: { thresholds: { minOwnWon: 1000 } } }));
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  const text = await sidebar.waitForText((t) => t.includes('Rangreen') && t.includes('team median') && !t.includes('Reading this deal'), 60_000);
  const teamWon = Number(/team median, ([\d,]+) won deals/.exec(text)?.[1]?.replace(/,/g, ''));
  expect(await requests(crm.url, 'GET /api/users')).toBeGreaterThanOrEqual(1);

  // Risks start open; open the rest too.
  if ((await sidebar.controls()).includes('Expand all')) await sidebar.click('Expand all');
  const expanded = await sidebar.waitForText((t) => t.includes('fewer than 1000'), 10_000);
  const ownWon = Number(/you have ([\d,]+) won deals, fewer than 1000/.exec(expanded)?.[1]?.replace(/,/g, ''));
  expect(ownWon).toBeGreaterThan(10);
  // The team's wins include his and his colleagues'.
  expect(teamWon).toBeGreaterThan(ownWon);
});

test('"Open pipeline review" in the sidebar opens the review page on the deal owner’s pipeline', async ({ page, context, crm, sidebar }) => {
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await sidebar.waitForText((t) => t.includes('Rangreen') && !t.includes('Reading this deal'), 30_000);
  const [review] = await Promise.all([context.waitForEvent('page'), sidebar.click('Open pipeline review')]);
  await review.waitForLoadState();
  expect(review.url()).toMatch(/\/review\.html\?owner=u-darcel-schlecht$/);
  await review.close();
});

test('"Delete all local data" leaves no IndexedDB record and an empty storage.local', async ({ page, context, crm, sidebar, extensionId, extensionPage }) => {
  // Fill the cache, a setting and the connection list.
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  await sidebar.waitForText((t) => t.includes('Cancity') && !t.includes('Reading this deal'), 30_000);
  const probe = await extensionPage();
  await probe.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.set({ settings: { playbookId: 'bant' } }));
  const before = await idbCounts(probe);
  expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(Object.keys(await probe.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null)))).toEqual(expect.arrayContaining(['settings', 'connections']));
  // No CRM tab may write anything back while we delete.
  await page.goto('about:blank');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Delete all local data' }).click();
  await expect(options.getByText(/settings, saved access tokens and CRM connections/)).toBeVisible();
  await options.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(options.getByText('All local data deleted')).toBeVisible({ timeout: 15_000 });

  const after = await idbCounts(probe);
  expect(Object.keys(after).length).toBeGreaterThan(0);
  expect(after, 'no record in any object store').toEqual(Object.fromEntries(Object.keys(after).map((name) => [name, 0])));
  expect(await probe.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null))).toEqual({});
  await options.close();
});
