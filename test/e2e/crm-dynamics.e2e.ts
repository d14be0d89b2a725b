/**
 * Dynamics 365, end to end in Chromium: `<org>.crm4.dynamics.com/main.aspx?…etn=opportunity&id=…`
 * forms; the Web API is read same-origin from the page ('page' transport) with the page's own session
 * cookie, answered from the recordings. The extension holds no Dynamics credential.
 */
import { expect, SECRETS, test } from './vendors/fixtures';
import { DYN } from './vendors/routes';
import { SHAPES } from './vendors/pages';

const url = (id: string) => SHAPES.dynamics.recordUrl('contoso.crm4.dynamics.com', id);
const ready = (name: string) => (t: string) => t.includes(name) && !t.includes('Reading this deal');

test('two opportunities through SPA navigation, read with the page’s own session', async ({ page, sidebar, vendors }) => {
  await page.goto(url(DYN.open));
  const open = await sidebar.waitForText(ready('Contoso Pharma – CRM rollout'), 30_000);
  test.info().annotations.push({ type: 'sidebar-open', description: open });
  await page.screenshot({ path: 'artifacts/e2e/dynamics-open.png' });

  await page.getByRole('link', { name: 'Fabrikam – Field service' }).click();
  const won = await sidebar.waitForText((t) => ready('Fabrikam – Field service')(t) && !t.includes('CRM rollout'), 30_000);
  test.info().annotations.push({ type: 'sidebar-won', description: won });
  expect(await sidebar.hostCount()).toBe(1);
  await page.screenshot({ path: 'artifacts/e2e/dynamics-won.png' });

  for (const r of vendors.apiRequests('dynamics')) {
    expect(r.host).toBe('contoso.crm4.dynamics.com');
    expect(r.path).toMatch(/^\/api\/data\/v9\.2\//);
    expect(r.method).toBe('GET');
    expect(r.credential ?? '').toContain(SECRETS.dynamics);
  }
});

test('expired session (401): the sidebar says to reload Dynamics 365 and sign in', async ({ page, sidebar, vendors }) => {
  vendors.expire('dynamics');
  await page.goto(url(DYN.open));
  const text = await sidebar.waitForText((t) => t.includes('session has expired'), 30_000);
  expect(text).toContain('Reload your Dynamics 365 tab and sign in again');
  await page.screenshot({ path: 'artifacts/e2e/dynamics-expired.png' });
});
