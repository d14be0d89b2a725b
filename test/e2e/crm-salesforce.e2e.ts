/**
 * Salesforce Lightning, end to end in Chromium: the real URL shapes (`<org>.lightning.force.com` pages,
 * REST on `<org>.my.salesforce.com`) answered by the fake org (test/e2e/vendors) from the recordings.
 * The background calls the org's API host with the `sid` cookie of the sender tab's own org only.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, SECRETS, test } from './vendors/fixtures';
import { SF } from './vendors/routes';
import { SHAPES } from './vendors/pages';

const GLOBEX = 'globex.lightning.force.com';
const GLOBEX_API = 'globex.my.salesforce.com';
const INITECH = 'initech.lightning.force.com';
const INITECH_API = 'initech.my.salesforce.com';
const url = (host: string, id: string) => SHAPES.salesforce.recordUrl(host, id);

/** Signed in to an org: its API host's `sid` (what the background reads) and the Lightning host's own. */
async function signIn(context: BrowserContext, apiHost: string, lightningHost: string): Promise<void> {
  const sid = SECRETS.salesforce[apiHost]!;
  await context.addCookies([
    { name: 'sid', value: sid, url: `https://${apiHost}`, secure: true, httpOnly: true, sameSite: 'None' },
    { name: 'sid', value: `${sid.slice(0, 18)}UiSession`, url: `https://${lightningHost}`, secure: true, httpOnly: true, sameSite: 'None' },
  ]);
}

const ready = (name: string) => (t: string) => t.includes(name) && !t.includes('Reading this deal');

test('coaches two records through SPA navigation with the org’s own session; options show the org’s API usage', async ({ page, context, sidebar, vendors, openOptions }) => {
  await signIn(context, GLOBEX_API, GLOBEX);
  await page.goto(url(GLOBEX, SF.open));
  const open = await sidebar.waitForText(ready('Globex – Platform renewal'), 30_000);
  test.info().annotations.push({ type: 'sidebar-open', description: open });
  // Findings from the recording: stage categories from Salesforce's own metadata, unknown amount, stakeholders.
  expect(open).toContain('Proposal/Price Quote');
  expect(open).toContain('amount unknown');
  expect(open).toMatch(/2 key people not reached in 30 days/);
  expect(open).toContain('Priya Natarajan (Economic buyer)');
  // Benchmarks from the owner's history (OpportunityHistory subqueries): the own median of won deals.
  expect(open).toMatch(/typical 45 \(your median, 1 won deal\)/);
  await page.screenshot({ path: 'artifacts/e2e/salesforce-open.png' });

  // SPA navigation (pushState) to the won deal: no reload, one sidebar, the new record.
  const requestsBefore = vendors.apiRequests('salesforce').length;
  await page.getByRole('link', { name: 'Initech – Rollout DACH' }).click();
  const won = await sidebar.waitForText((t) => ready('Initech – Rollout DACH')(t) && !t.includes('Globex – Platform renewal'), 30_000);
  test.info().annotations.push({ type: 'sidebar-won', description: won });
  expect(won).toMatch(/Geschlossen und gewonnen/);
  expect(await sidebar.hostCount()).toBe(1);
  await page.screenshot({ path: 'artifacts/e2e/salesforce-won.png' });

  // One round per record view: a single Composite call for the won deal.
  const wonCalls = vendors.apiRequests('salesforce').slice(requestsBefore).filter((r) => r.path.includes('/composite'));
  expect(wonCalls).toHaveLength(1);
  // Every request went to the org's API host, with that org's session and nothing else.
  for (const r of vendors.apiRequests('salesforce')) {
    expect(r.host).toBe(GLOBEX_API);
    expect(r.credential).toBe(`Bearer ${SECRETS.salesforce[GLOBEX_API]}`);
    expect(r.method === 'GET' || r.path.endsWith('/composite')).toBe(true);
  }

  // Back to the first record: served from the cache, no new Composite call.
  const beforeBack = vendors.apiRequests('salesforce').filter((r) => r.path.endsWith('/composite')).length;
  await page.goBack();
  await sidebar.waitForText(ready('Globex – Platform renewal'), 30_000);
  expect(vendors.apiRequests('salesforce').filter((r) => r.path.endsWith('/composite')).length).toBe(beforeBack);

  // Options: the connection with today's calls and the org's own API usage (Sforce-Limit-Info).
  const options = await openOptions();
  const row = options.locator('tr', { hasText: GLOBEX_API });
  await expect(row).toContainText('Salesforce');
  await expect(row).toContainText('org: 1,200 of 15,000 (8%)');
  const calls = Number((await row.locator('td.dc-num').textContent())!.replace(/org:.*$/, '').replace(/,/g, '').trim());
  expect(calls).toBe(vendors.apiRequests('salesforce').length);
  await options.screenshot({ path: 'artifacts/e2e/salesforce-options.png', fullPage: true });
});

test('expired session (401): the sidebar says to reload Salesforce and sign in', async ({ page, context, sidebar, vendors }) => {
  await signIn(context, GLOBEX_API, GLOBEX);
  vendors.expire('salesforce');
  await page.goto(url(GLOBEX, SF.open));
  const text = await sidebar.waitForText((t) => t.includes('session has expired'), 30_000);
  expect(text).toContain('Reload your Salesforce tab and sign in again');
  await page.screenshot({ path: 'artifacts/e2e/salesforce-expired.png' });
});

test('no sid cookie for the org: no request is made, the sidebar asks to sign in', async ({ page, sidebar, vendors }) => {
  await page.goto(url(GLOBEX, SF.open));
  await sidebar.waitForText((t) => t.includes('No Salesforce session for this org'), 30_000);
  expect(vendors.apiRequests('salesforce')).toEqual([]);
});

test('an org above 80% of its daily API calls: Deal Coach stops calling it', async ({ page, context, sidebar, vendors }) => {
  await signIn(context, GLOBEX_API, GLOBEX);
  vendors.setSalesforceUsage(13_500, 15_000);
  await page.goto(url(GLOBEX, SF.open));
  await sidebar.waitForText(ready('Globex – Platform renewal'), 30_000);
  const after = vendors.apiRequests('salesforce').length;
  await page.getByRole('link', { name: 'Initech – Rollout DACH' }).click();
  const text = await sidebar.waitForText((t) => t.includes('90% of its daily API calls'), 30_000);
  expect(text).toContain('13,500 of 15,000');
  expect(vendors.apiRequests('salesforce').length, 'no call while above the threshold').toBe(after);
});

/** Evaluate in the content script's isolated world of `page` (what a compromised content script could do). */
async function inContentScript<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { isDefault?: boolean } } }) => void contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.isDefault === false && c.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error(`no content-script world in ${page.url()}`);
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string };
  };
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

test('a tab of org A cannot get org B’s data, even when signed in to both', async ({ page, context, sidebar, vendors, extensionId }) => {
  await signIn(context, GLOBEX_API, GLOBEX);
  await signIn(context, INITECH_API, INITECH);
  await page.goto(url(INITECH, SF.won));
  await sidebar.waitForText(ready('Initech – Rollout DACH'), 30_000);
  // Initech's tab read Initech's API with Initech's session only.
  expect(vendors.apiRequests('salesforce').length).toBeGreaterThan(0);
  for (const r of vendors.apiRequests('salesforce')) {
    expect(r.host).toBe(INITECH_API);
    expect(r.credential).toBe(`Bearer ${SECRETS.salesforce[INITECH_API]}`);
  }

  // The content script of Initech's tab asks the background for a Globex record: refused, nothing sent to Globex.
  vendors.reset();
  const reply = await inContentScript<{ res?: { kind: string; errorKind?: string; message?: string } }>(
    page,
    extensionId,
    `chrome.runtime.sendMessage({ id: 1, type: 'getCoaching', data: { url: ${JSON.stringify(url(GLOBEX, SF.open))} }, timestamp: Date.now() })`,
  );
  expect(reply.res).toMatchObject({ kind: 'error', errorKind: 'refused' });
  expect(reply.res?.message).toContain('not the tab');
  await page.waitForTimeout(500);
  expect(vendors.requests.filter((r) => r.host === GLOBEX_API)).toEqual([]);
});
