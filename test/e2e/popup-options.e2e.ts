/**
 * The popup's personal summary and the options page, against figures computed here from the
 * Maven CSV by plain counting.
 */
import { DEMO_USER, expect, recordUrl, test } from './fixtures';
import { mavenWinRate } from './expected';

const percent = (rate: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(rate * 100)}%`;

test('popup: the rep’s unit win rate equals the CSV’s, and Review opens their risky deals', async ({ page, context, crm, sidebar, extensionId }) => {
  // The rep works in the CRM: Deal Coach learns the connection from the deal page.
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await sidebar.waitForText((t) => t.includes('Rangreen') && !t.includes('Reading this deal'), 30_000);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('By deals')).toBeVisible({ timeout: 30_000 });

  // Independent figure: Darcel Schlecht's won ÷ (won + lost) in sales_pipeline.csv.
  const csv = mavenWinRate(DEMO_USER);
  expect(csv.won + csv.lost).toBeGreaterThan(100);
  const byDeals = popup.locator('.dc-stat', { hasText: 'By deals' });
  await expect(byDeals).toContainText(percent(csv.rate));
  await expect(byDeals).toContainText(`${csv.won} of ${csv.won + csv.lost} won`);
  await expect(popup.getByText(DEMO_USER)).toBeVisible();
  await popup.screenshot({ path: 'artifacts/e2e/popup.png' });

  // "Review" opens the review page on the rep's deals with a risk.
  const riskLine = (await popup.locator('.dc-pop-risk__text').textContent())!;
  const riskDeals = Number(/^\s*(\d+)/.exec(riskLine)?.[1]);
  expect(riskDeals).toBeGreaterThan(0);
  const [review] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: /Review/ }).click()]);
  await review.waitForLoadState();
  expect(review.url()).toContain('review.html?owner=');
  expect(review.url()).toContain('severity=risk');
  await expect(review.locator('table.review__table tbody tr')).toHaveCount(riskDeals, { timeout: 30_000 });
  await expect(review.getByRole('link', { name: 'Rangreen – GTX Plus Pro fleet' })).toBeVisible();
  // Every listed deal has at least one risk.
  const rows = await review.locator('table.review__table tbody tr').all();
  for (const row of rows.slice(0, 10)) await expect(row.locator('.review__sev--risk').first()).toBeVisible();
  await review.setViewportSize({ width: 1280, height: 800 });
  await review.screenshot({ path: 'artifacts/e2e/review.png' });
  await review.close();
});

test('options: the connection with today’s API calls; a playbook change reaches the sidebar', async ({ page, context, crm, sidebar, extensionId }) => {
  await page.goto(recordUrl(crm, 'DEMO-NODM'));
  await sidebar.waitForText((t) => t.includes('Isdom') && t.includes('Dealmaker'), 30_000);

  const options = await context.newPage();
  await options.setViewportSize({ width: 1100, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const instance = new URL(crm.url).host;
  const row = options.locator('tr', { hasText: instance });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('Demo CRM');
  await expect(row).toContainText(DEMO_USER);
  // One deal read plus the rep's history pages and who-am-I: a handful, counted.
  const calls = Number((await row.locator('td.dc-num').textContent())!.replace(/,/g, ''));
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(calls).toBeLessThan(20);
  await options.screenshot({ path: 'artifacts/e2e/options.png', fullPage: true });

  // Switch the playbook to BANT: the next coaching uses it.
  await options.getByRole('radio', { name: /BANT/ }).check();
  await page.reload();
  await sidebar.waitForText((t) => t.includes('Isdom') && /BANT/.test(t) && !t.includes('Reading this deal'), 30_000);
  await options.close();
});

test('popup without a CRM tab: the no-CRM state first, then the cached summary with its age', async ({ page, context, crm, sidebar, extensionId }) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('Open a deal in your CRM first')).toBeVisible({ timeout: 15_000 });

  // Read once through the CRM tab, then close it: the popup answers from the cache.
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  await sidebar.waitForText((t) => t.includes('Cancity') && !t.includes('Reading this deal'), 30_000);
  await popup.reload();
  await expect(popup.getByText('By deals')).toBeVisible({ timeout: 30_000 });
  await page.close();
  const before = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { total: number };
  await popup.reload();
  await expect(popup.getByText('By deals')).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByText(/Updated (just now|\d+ min ago)/)).toBeVisible();
  const after = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { total: number };
  expect(after.total, 'no CRM request without a CRM tab').toBe(before.total);
});
