/**
 * Pipedrive, end to end in Chromium: `<company>.pipedrive.com/deal/<id>` pages and the API on the same
 * company host, answered from the recordings; the API token is entered in Options.
 */
import { expect, saveTokenInOptions, SECRETS, test } from './vendors/fixtures';
import { PD } from './vendors/routes';
import * as pd from '../../lib/crm/pipedrive/queries';
import { SHAPES } from './vendors/pages';

const url = (id: string) => SHAPES.pipedrive.recordUrl('acme.pipedrive.com', id);
const ready = (name: string) => (t: string) => t.includes(name) && !t.includes('Reading this deal');

test('token saved in options; two deals through SPA navigation; the token goes to the company’s API only', async ({ page, sidebar, vendors, openOptions }) => {
  const options = await openOptions();
  await saveTokenInOptions(options, 'Pipedrive', 'acme', SECRETS.pipedrive);
  await expect(options.getByRole('list', { name: 'Saved Pipedrive tokens' })).toContainText('acme.pipedrive.com 0123…67');

  await page.goto(url(PD.open));
  const open = await sidebar.waitForText(ready('Initrode – Fleet tracking'), 30_000);
  test.info().annotations.push({ type: 'sidebar-open', description: open });
  await page.screenshot({ path: 'artifacts/e2e/pipedrive-open.png' });

  // The second view has warm metadata (stages, the user list): one round of four requests, no stage,
  // user or organization lookup (was: stages twice and the owner's user record, in three rounds).
  const before = vendors.apiRequests('pipedrive').length;
  await page.getByRole('link', { name: 'Soylent – Jahresvertrag' }).click();
  const won = await sidebar.waitForText((t) => ready('Soylent – Jahresvertrag')(t) && !t.includes('Initrode'), 30_000);
  const since = vendors.apiRequests('pipedrive').slice(before).map((r) => r.path);
  test.info().annotations.push({ type: 'requests-after-navigation', description: since.join('\n') });
  expect(since.filter((p) => /\/stages|\/users\/\d|\/organizations\//.test(p))).toEqual([]);
  // The first deal's owner history (deals by owner, users, teams) may still be loading: not part of this record view.
  const wonView = since.filter((p) => !p.startsWith('/api/v2/deals?') && !p.startsWith('/api/v1/users') && !p.startsWith('/api/v1/legacyTeams'));
  expect(wonView.sort()).toEqual([pd.dealPath(PD.won), pd.participantsPath(PD.won), pd.activitiesPath(PD.won), pd.changelogPath(PD.won)].sort());
  test.info().annotations.push({ type: 'sidebar-won', description: won });
  expect(await sidebar.hostCount()).toBe(1);
  await page.screenshot({ path: 'artifacts/e2e/pipedrive-won.png' });

  for (const r of vendors.apiRequests('pipedrive')) {
    expect(r.host).toBe('acme.pipedrive.com');
    expect(r.path).toMatch(/^\/api\/v[12]\//);
    expect(r.method).toBe('GET');
    expect(r.credential).toBe(SECRETS.pipedrive);
  }
});

test('token revoked (401): the sidebar says so', async ({ page, sidebar, vendors, openOptions }) => {
  await saveTokenInOptions(await openOptions(), 'Pipedrive', 'acme.pipedrive.com', SECRETS.pipedrive);
  vendors.expire('pipedrive');
  await page.goto(url(PD.open));
  const text = await sidebar.waitForText((t) => /token|session/i.test(t) && !t.includes('Reading this deal') && !t.includes('Initrode'), 30_000);
  test.info().annotations.push({ type: 'sidebar-401', description: text });
  expect(text).toMatch(/Pipedrive/);
  await page.screenshot({ path: 'artifacts/e2e/pipedrive-expired.png' });
});
