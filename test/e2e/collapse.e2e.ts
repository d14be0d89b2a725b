/**
 * Collapse to a tab and expand again; remembered across SPA navigation and reloads; reachable
 * and operable from the keyboard.
 */
import { expect, recordUrl, test } from './fixtures';

const ready = (t: string) => t.length > 0 && !t.includes('Reading this deal');

test('collapse to a tab, remembered across navigation and reload, then expand', async ({ page, crm, sidebar }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await sidebar.waitForText((t) => t.includes('Rangreen') && ready(t), 30_000);

  await sidebar.click('Hide Deal Coach');
  // Collapsed: a small tab that still says how the deal stands.
  const tab = await sidebar.waitForText((t) => /Deal Coach · 3 risks/.test(t));
  expect(tab).not.toContain('Rangreen');
  expect((await sidebar.controls()).some((name) => /Show coaching/.test(name))).toBe(true);

  // Next record (SPA): still collapsed.
  await page.getByRole('link', { name: 'Next ›' }).click();
  await expect(page.locator('main[data-record-id]')).not.toHaveAttribute('data-record-id', 'DEMO-STALE');
  await page.waitForTimeout(500);
  expect((await sidebar.controls()).some((name) => /Show coaching/.test(name))).toBe(true);
  expect(await sidebar.hostCount()).toBe(1);

  // Reload: still collapsed.
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await sidebar.waitForText((t) => /Deal Coach · 3 risks/.test(t), 30_000);
  await page.screenshot({ path: 'artifacts/e2e/deal-collapsed.png' });

  // Expand: the full sidebar again, and that is remembered too.
  await sidebar.click(/Show coaching/);
  await sidebar.waitForText((t) => t.includes('Rangreen') && t.includes('Close date pushed'));
  await page.reload();
  await sidebar.waitForText((t) => t.includes('Rangreen') && ready(t), 30_000);
  expect(await sidebar.controls()).toContain('Hide Deal Coach');
});

test('keyboard: Tab reaches the toggle, Enter collapses, focus stays on the tab', async ({ page, crm, sidebar }) => {
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  await sidebar.waitForText((t) => t.includes('Cancity') && ready(t), 30_000);
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  let reached = false;
  for (let i = 0; i < 150 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.tagName)) === 'DEAL-COACH-SIDEBAR' && (await sidebar.focused()) === 'Hide Deal Coach';
  }
  expect(reached, 'Tab reaches the Hide Deal Coach button').toBe(true);

  await page.keyboard.press('Enter');
  await sidebar.waitForText((t) => /Deal Coach · no risks/.test(t));
  // Focus moved to the tab that expands it again; Enter expands.
  expect(await sidebar.focused()).toMatch(/Show coaching/);
  await page.keyboard.press('Enter');
  await sidebar.waitForText((t) => t.includes('Cancity') && t.includes('No risks found'));
  expect(await sidebar.focused()).toBe('Hide Deal Coach');
});
