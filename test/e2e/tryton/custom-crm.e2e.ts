/**
 * A custom CRM profile on a single-page app with hash routing (issue #7): Tryton's sao form,
 * configured through Options as an admin would (typing the URL rule, picking a value on the form),
 * then the sidebar reading records by hash navigation. The built-in Tryton adapter also matches
 * these URLs: where a profile is configured, the profile wins and the sidebar says so.
 * Expected values come from the seed's facts (test/tryton/seed.py), never from the extension.
 */
import { expect, test } from './fixtures';
import { PickProbe } from '../custom-site/pick-probe';
import { fill, mapByLabel, pick } from '../custom-site/options-ui';

const ACTIVE = '#tabcontent > .tab-pane.active';

test.describe.configure({ mode: 'serial' });

// The browser is shared with the other Tryton tests, which expect the built-in adapter: leave no profile behind.
test.afterAll(async ({ browser_ }) => {
  const page = await browser_.context.newPage();
  await page.goto(`chrome-extension://${browser_.extensionId}/options.html`);
  await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('customCrms'));
  await page.close();
});

test('an admin maps the sao form in Options; the sidebar coaches by the custom profile across hash navigation', async ({ sao, tryton, browser_ }) => {
  const past = tryton.facts.showcase.pastClose;
  await sao.openByHash(past.id);
  await expect(sao.page.locator(`${ACTIVE} [name="end_date"]`)).toBeVisible({ timeout: 30_000 });
  // Before any profile: the built-in Tryton adapter.
  expect(await sao.sidebar.waitForText((t) => t.includes(past.description) && !t.includes('Reading this deal'), 30_000)).not.toContain('custom profile');

  const probe = await PickProbe.attach(sao.page);
  const options = await browser_.context.newPage();
  await options.goto(`chrome-extension://${browser_.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Add a custom CRM', exact: true }).click();
  await fill(options, 'Name', 'Acme Tryton');
  await fill(options, 'Id', 'acme-tryton');
  await fill(options, 'CRM pages (match pattern)', 'http://127.0.0.1/*');
  await options.getByLabel('Record id is in the').selectOption('hash-route');
  await fill(options, 'Hash route', '#*/model/sale.opportunity/:id');
  await options.getByRole('button', { name: 'Look for tabs again' }).click();
  await expect(options.getByLabel('CRM tab for the preview and “Pick on page”')).toContainText(`sale.opportunity/${past.id}`);

  // The amount is picked on the form; sao keeps earlier records as hidden tab panes, so the admin
  // limits every label to the active pane.
  await options.getByRole('row', { name: /^Amount/ }).getByRole('button', { name: 'Map', exact: true }).click();
  const banner = await pick(options, sao.page, probe, /^Amount/, 'Pick on page', () => sao.page.locator(`${ACTIVE} input[type="text"][name="amount"]`).click());
  // sao links the label to its input: the label is what Deal Coach will look for, on every record.
  expect(banner).toContain('next to the label “Amount”');
  await mapByLabel(options, 'Deal name', 'Description');
  await mapByLabel(options, 'Account', 'Party');
  await mapByLabel(options, 'Owner', 'Employee');
  await mapByLabel(options, 'Stage', 'State');
  await options.getByLabel('Stage map').fill('Won = won\nLost = lost\nCancelled = lost');
  await mapByLabel(options, 'Close date', 'End Date');
  await mapByLabel(options, 'Created date', 'Start Date');
  for (const field of ['Deal name', 'Account', 'Owner', 'Amount', 'Stage', 'Close date', 'Created date']) await fill(options, `${field}: only inside (CSS, optional)`, ACTIVE);

  const preview = options.getByRole('region', { name: 'Live preview' });
  await options.getByRole('button', { name: 'Read the page again' }).click();
  await expect(preview).toContainText(past.account.name);
  await expect(preview.getByRole('row', { name: /Close date/ })).toContainText(past.closeDate);
  await expect(preview.getByRole('row', { name: /Amount/ })).toContainText((past.amount ?? NaN).toLocaleString('en-US'));
  await options.locator('.dc-cc-editor').screenshot({ path: 'artifacts/e2e/custom-crm-tryton-editor.png' });
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved Acme Tryton' })).toBeVisible();
  await options.close();

  // The rep's view: the custom profile now reads the sao form (the built-in adapter is not used here).
  await sao.page.bringToFront();
  await sao.sidebar.click('Refresh');
  const text = await sao.sidebar.waitForText((t) => t.includes('Acme Tryton (custom profile)') && t.includes(past.description) && !t.includes('Reading this deal'), 30_000);
  // Read from the form, as the seed wrote it: open, its close date passed, owner and account as shown.
  expect(text).toContain('Close date has passed');
  expect(text).toContain(past.owner.name);
  expect(text).toContain(past.account.name);
  // What the profile does not map is named, not guessed.
  expect(text).toContain('Stakeholder coaching unavailable: no stakeholder list mapped');
  expect(text).toContain('Qualification coaching unavailable');
  await sao.page.screenshot({ path: 'artifacts/e2e/custom-crm-tryton-sidebar.png' });

  // Hash navigation to another record: the profile reads the newly active form, not the previous one.
  const healthy = tryton.facts.showcase.healthy;
  await sao.openByHash(healthy.id);
  const next = await sao.sidebar.waitForText((t) => t.includes(healthy.description) && t.includes('Acme Tryton (custom profile)') && !t.includes('Reading this deal'), 30_000);
  expect(next).not.toContain('Close date has passed');
  expect(next).toContain((healthy.amount ?? NaN).toLocaleString('en-US'));
  expect(next).not.toContain(past.description);
  expect(sao.pageErrors).toEqual([]);
  await probe.detach();
});
