/**
 * HubSpot, end to end in Chromium: `app.hubspot.com/contacts/<portal>/record/0-3/<deal>` pages, the
 * public API on `api.hubapi.com` answered from the recordings. The private app token is entered and
 * the rep picks themselves among the portal's owners in Options, as a person would; stage categories
 * come from the pipelines (cached between views).
 */
import { expect, saveTokenInOptions, SECRETS, test } from './vendors/fixtures';
import type { Page } from '@playwright/test';
import { HS } from './vendors/routes';
import { associationsPath, batchReadPath, dealPath as hsDealPath, SEARCH_DEALS_PATH } from '../../lib/crm/hubspot/queries';
import { SHAPES } from './vendors/pages';

const url = (id: string) => SHAPES.hubspot.recordUrl('app.hubspot.com', id);

/** Pick "who am I" among the portal's owners in options, finding them by a bit of their name or email. */
async function pickOwnerInOptions(options: Page, name: string, search: string): Promise<void> {
  const group = options.getByRole('group', { name: 'HubSpot', exact: true });
  await group.getByLabel('Find yourself').fill(search);
  const select = group.getByLabel(/^HubSpot owner/);
  await expect(select.locator('option', { hasText: name })).toHaveCount(1);
  await select.selectOption({ label: (await select.locator('option', { hasText: name }).textContent())! });
  await group.getByRole('button', { name: 'Save: this is me' }).click();
  await expect(group.getByText(`Saved: Deal Coach treats you as ${name}`)).toBeVisible();
}
const ready = (name: string) => (t: string) => t.includes(name) && !t.includes('Reading this deal');

test('token saved in options; two deals through SPA navigation; the token goes to the portal’s API only', async ({ page, sidebar, vendors, openOptions }) => {
  // Before a token: the sidebar says where to add one, and nothing is sent.
  await page.goto(url(HS.open));
  await sidebar.waitForText((t) => t.includes('No HubSpot private app token'), 30_000);
  expect(vendors.apiRequests('hubspot')).toEqual([]);

  const options = await openOptions();
  await saveTokenInOptions(options, 'HubSpot', HS.portal, SECRETS.hubspot);
  const group = options.getByRole('group', { name: 'HubSpot', exact: true });
  await pickOwnerInOptions(options, 'Riley Chen', 'riley');
  await options.locator('section', { has: options.getByRole('heading', { name: 'CRM tokens' }) }).screenshot({ path: 'artifacts/e2e/hubspot-options-owner.png' });
  // Shown redacted, never in full.
  await expect(group.getByRole('list', { name: 'Saved HubSpot tokens' })).toContainText(`${HS.portal} pat-…5b`);
  await expect(options.getByText(SECRETS.hubspot)).toHaveCount(0);
  await options.screenshot({ path: 'artifacts/e2e/hubspot-options-token.png', fullPage: true });

  await sidebar.click('Try again').catch(() => page.reload());
  const open = await sidebar.waitForText(ready('Northwind – Analytics suite'), 30_000);
  test.info().annotations.push({ type: 'sidebar-open', description: open });
  await page.screenshot({ path: 'artifacts/e2e/hubspot-open.png' });

  // The second view has warm metadata (pipelines, property names): one round of three requests,
  // no pipelines, properties or owners (the deal has nothing associated).
  const before = vendors.apiRequests('hubspot').length;
  await page.getByRole('link', { name: 'Fabrikam – Jahreslizenz' }).click();
  const won = await sidebar.waitForText((t) => ready('Fabrikam – Jahreslizenz')(t) && !t.includes('Northwind'), 30_000);
  const since = vendors.apiRequests('hubspot').slice(before).map((r) => `${r.method} ${r.path}`);
  test.info().annotations.push({ type: 'requests-after-navigation', description: since.join('\n') });
  expect(since.filter((r) => /\/crm\/v3\/(pipelines|properties)\//.test(r))).toEqual([]);
  // The owner's history (search, owner names) may still be loading from the first view: not part of this record view.
  const wonView = since.filter((r) => !r.includes(SEARCH_DEALS_PATH) && !r.includes('/crm/v3/owners?limit='));
  expect(wonView.sort()).toEqual([`GET ${associationsPath(HS.won, 'contacts')}`, `GET ${new URL(hsDealPath(HS.won), 'https://x').pathname}${new URL(hsDealPath(HS.won), 'https://x').search}`, `POST ${batchReadPath('deals')}`].sort());
  test.info().annotations.push({ type: 'sidebar-won', description: won });
  expect(won).toContain('Geschlossen und gewonnen');
  expect(await sidebar.hostCount()).toBe(1);
  await page.screenshot({ path: 'artifacts/e2e/hubspot-won.png' });

  for (const r of vendors.apiRequests('hubspot')) {
    expect(r.host).toBe('api.hubapi.com');
    expect(r.credential).toBe(`Bearer ${SECRETS.hubspot}`);
  }
  // Options: the connection knows who is signed in (owner found by the email) and counts today's calls.
  await options.reload();
  const row = options.locator('tr', { hasText: `api.hubapi.com/${HS.portal}` });
  await expect(row).toContainText('HubSpot');
  await expect(row).toContainText(/Riley Chen/);
});

test('who am I: the owner picked in options is the popup’s rep, and picking another switches its history', async ({ page, context, sidebar, vendors, openOptions, extensionId }) => {
  const options = await openOptions();
  await saveTokenInOptions(options, 'HubSpot', HS.portal, SECRETS.hubspot);
  await pickOwnerInOptions(options, 'Riley Chen', 'chen');
  await page.goto(url(HS.open));
  await sidebar.waitForText(ready('Northwind – Analytics suite'), 30_000);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const byDeals = popup.locator('.dc-stat', { hasText: 'By deals' });
  // Riley's history (search-page1/2.json): one won, nothing lost.
  await expect(byDeals).toContainText('1 of 1 won', { timeout: 30_000 });
  await expect(popup.getByText('Riley Chen').first()).toBeVisible();

  await options.bringToFront();
  await pickOwnerInOptions(options, 'Sam Ortiz', 'sam');
  await popup.reload();
  // Sam's own history (search-owner-sam.json): one won of three closed.
  await expect(popup.locator('.dc-stat', { hasText: 'By deals' })).toContainText('1 of 3 won', { timeout: 30_000 });
  await expect(popup.getByText('Sam Ortiz').first()).toBeVisible();
  await popup.screenshot({ path: 'artifacts/e2e/hubspot-popup-picked-owner.png' });
  const searches = vendors.apiRequests('hubspot').filter((r) => r.path === SEARCH_DEALS_PATH);
  expect(searches.length).toBeGreaterThanOrEqual(2);
  await popup.close();
});

test('owners cannot be listed (token rejected): options says why and asks for the email instead', async ({ page, vendors, openOptions }) => {
  // (`page` starts each test from "Delete all local data": no token saved yet.)
  expect(page.url()).toBe('about:blank');
  const options = await openOptions();
  vendors.expire('hubspot');
  await saveTokenInOptions(options, 'HubSpot', HS.portal, SECRETS.hubspot);
  const group = options.getByRole('group', { name: 'HubSpot', exact: true });
  await expect(group.getByRole('alert')).toContainText(/Could not list this portal’s owners: HubSpot rejected the private app token/);
  await expect(group.getByLabel('Your HubSpot login email')).toBeVisible();
  await options.locator('section', { has: options.getByRole('heading', { name: 'CRM tokens' }) }).screenshot({ path: 'artifacts/e2e/hubspot-options-owner-fallback.png' });
});

test('token revoked (401): the sidebar says so', async ({ page, sidebar, vendors, openOptions }) => {
  await saveTokenInOptions(await openOptions(), 'HubSpot', HS.portal, SECRETS.hubspot);
  vendors.expire('hubspot');
  await page.goto(url(HS.open));
  const text = await sidebar.waitForText((t) => /token|session/i.test(t) && !t.includes('Reading this deal') && !t.includes('Northwind'), 30_000);
  test.info().annotations.push({ type: 'sidebar-401', description: text });
  expect(text).toMatch(/HubSpot/);
  await page.screenshot({ path: 'artifacts/e2e/hubspot-expired.png' });
});
