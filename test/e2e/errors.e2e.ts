/**
 * When the CRM fails: the sidebar says what went wrong in plain words, the page never sees an
 * exception, cached data is shown with its age, and errors do not turn into retry storms.
 */
import type { Page } from '@playwright/test';
import { DEMO_USER, expect, recordUrl, test } from './fixtures';
import { opportunity } from './expected';

async function requestsTo(crmUrl: string, path: string): Promise<number> {
  const stats = (await (await fetch(`${crmUrl}/__test/stats`)).json()) as { paths: Record<string, number> };
  return stats.paths[`GET ${path}`] ?? 0;
}

/** Make every cached deal look `hours` old, as if the CRM was last read then (IndexedDB of the extension). */
async function ageCache(extensionPage: Page, hours: number): Promise<number> {
  return extensionPage.evaluate(async (ms) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deal-coach');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('deals', 'readwrite');
    const store = tx.objectStore('deals');
    const all = await new Promise<Array<{ fetchedAt: string }>>((resolve) => {
      const req = store.getAll();
      req.onsuccess = () => resolve(req.result as Array<{ fetchedAt: string }>);
    });
    for (const entry of all) store.put({ ...entry, fetchedAt: new Date(Date.now() - ms).toISOString() });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return all.length;
  }, hours * 3_600_000);
}

test('HTTP 500 on a record never read: a clear message, no page error, no retry storm', async ({ page, crm, sidebar, fault }) => {
  const path = '/api/opportunities/DEMO-HEALTHY';
  await fault({ route: path, status: 500 });
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  const text = await sidebar.waitForText((t) => t.includes('HTTP 500'), 20_000);
  expect(text).toContain('Demo CRM answered with an error (HTTP 500).');
  expect(await sidebar.controls()).toContain('Try again');

  // Leaving and coming back during the back-off: the page asks again each time, Deal Coach does not.
  const before = await requestsTo(crm.url, path);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('link', { name: 'Back to opportunities' }).click();
    await sidebar.waitForGone();
    await page.goBack();
    await expect(page.getByText('Could not load this opportunity')).toBeVisible();
    await sidebar.waitForText((t) => t.includes('HTTP 500'), 20_000);
  }
  const after = await requestsTo(crm.url, path);
  expect(after - before, 'requests for the record: only the page’s own, one per visit').toBe(3);
});

test('HTTP 401: tells the rep to reload the CRM tab and sign in', async ({ page, crm, sidebar, fault }) => {
  await fault({ route: '/api/opportunities/DEMO-NODM', status: 401 });
  await page.goto(recordUrl(crm, 'DEMO-NODM'));
  const text = await sidebar.waitForText((t) => t.includes('session has expired'), 20_000);
  expect(text).toContain('Demo CRM says your session has expired. Reload your CRM tab and sign in again.');
});

test('an error after a successful read shows the cached deal with its age', async ({ page, crm, sidebar, fault, extensionPage }) => {
  const deal = await opportunity(crm, 'DEMO-UNQUALIFIED', DEMO_USER);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(recordUrl(crm, 'DEMO-UNQUALIFIED'));
  await sidebar.waitForText((t) => t.includes(deal.name) && t.includes('Updated'), 30_000);

  // Three hours later (the cache says so), the CRM starts failing.
  expect(await ageCache(await extensionPage(), 3)).toBeGreaterThan(0);
  await fault({ route: '/api/opportunities/DEMO-UNQUALIFIED', status: 500 });

  // Coming back to the record: served from cache at once, the refresh fails, the sidebar says both.
  await page.getByRole('link', { name: 'Opportunities' }).first().click();
  await sidebar.waitForGone();
  await page.goBack();
  const text = await sidebar.waitForText((t) => t.includes('HTTP 500') && t.includes(deal.name), 20_000);
  expect(text).toContain('Demo CRM answered with an error (HTTP 500).');
  // Says the data is cached and how old it is (wording belongs to the component).
  expect(text).toMatch(/cached[^\n]*3 h ago/i);
  // The cached coaching is still there.
  expect(text).toMatch(/qualification questions unanswered/);

  // Refresh (forced) fails the same way, still with the cached deal.
  await sidebar.click('Refresh');
  const again = await sidebar.waitForText((t) => t.includes('HTTP 500') && t.includes(deal.name), 20_000);
  expect(again).toMatch(/3 h ago/);

  // The CRM recovers: Refresh reads it again.
  await fetch(`${crm.url}/__test/reset`, { method: 'POST' });
  await sidebar.click('Refresh');
  const recovered = await sidebar.waitForText((t) => !t.includes('HTTP 500') && t.includes(deal.name) && /Updated just now/.test(t), 20_000);
  expect(recovered).not.toMatch(/cached/i);
  await page.screenshot({ path: 'artifacts/e2e/deal-recovered.png' });
});
