/**
 * HubSpot, end to end in Chromium: `app.hubspot.com/contacts/<portal>/record/0-3/<deal>` pages, the
 * public API on `api.hubapi.com` answered from the recordings. The private app token and the rep's
 * HubSpot email are entered in Options, as a person would; stage categories come from the pipelines.
 */
import { expect, saveTokenInOptions, SECRETS, test } from './vendors/fixtures';
import { HS } from './vendors/routes';
import { SHAPES } from './vendors/pages';

const url = (id: string) => SHAPES.hubspot.recordUrl('app.hubspot.com', id);
const ready = (name: string) => (t: string) => t.includes(name) && !t.includes('Reading this deal');

test('token saved in options; two deals through SPA navigation; the token goes to the portal’s API only', async ({ page, sidebar, vendors, openOptions }) => {
  // Before a token: the sidebar says where to add one, and nothing is sent.
  await page.goto(url(HS.open));
  await sidebar.waitForText((t) => t.includes('No HubSpot private app token'), 30_000);
  expect(vendors.apiRequests('hubspot')).toEqual([]);

  const options = await openOptions();
  await saveTokenInOptions(options, 'HubSpot', HS.portal, SECRETS.hubspot);
  const group = options.getByRole('group', { name: 'HubSpot', exact: true });
  await group.getByLabel('Your HubSpot login email').fill(HS.email);
  await group.getByRole('button', { name: 'Save email' }).click();
  // Shown redacted, never in full.
  await expect(group.getByRole('list', { name: 'Saved HubSpot tokens' })).toContainText(`${HS.portal} pat-…5b`);
  await expect(options.getByText(SECRETS.hubspot)).toHaveCount(0);
  await options.screenshot({ path: 'artifacts/e2e/hubspot-options-token.png', fullPage: true });

  await sidebar.click('Try again').catch(() => page.reload());
  const open = await sidebar.waitForText(ready('Northwind – Analytics suite'), 30_000);
  test.info().annotations.push({ type: 'sidebar-open', description: open });
  await page.screenshot({ path: 'artifacts/e2e/hubspot-open.png' });

  await page.getByRole('link', { name: 'Fabrikam – Jahreslizenz' }).click();
  const won = await sidebar.waitForText((t) => ready('Fabrikam – Jahreslizenz')(t) && !t.includes('Northwind'), 30_000);
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

test('token revoked (401): the sidebar says so', async ({ page, sidebar, vendors, openOptions }) => {
  await saveTokenInOptions(await openOptions(), 'HubSpot', HS.portal, SECRETS.hubspot);
  vendors.expire('hubspot');
  await page.goto(url(HS.open));
  const text = await sidebar.waitForText((t) => /token|session/i.test(t) && !t.includes('Reading this deal') && !t.includes('Northwind'), 30_000);
  test.info().annotations.push({ type: 'sidebar-401', description: text });
  expect(text).toMatch(/HubSpot/);
  await page.screenshot({ path: 'artifacts/e2e/hubspot-expired.png' });
});
