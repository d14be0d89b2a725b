/**
 * The four showcase deals, read through the whole chain (CRM page → content script →
 * background → cache → metrics and coaching → sidebar), checked as a person reads the sidebar.
 */
import { mkdirSync } from 'node:fs';
import { DEMO_USER, expect, recordUrl, test } from './fixtures';
import { figure, opportunity, typicalCycle } from './expected';

const SHOTS = 'artifacts/e2e';
const ready = (name: string) => (text: string) => text.includes(name) && !text.includes('Reading this deal');

/** Open every finding (risks start open; warnings and notes collapsed). */
async function expandAll(sidebar: import('./sidebar').SidebarProbe): Promise<void> {
  if ((await sidebar.controls()).includes('Expand all')) await sidebar.click('Expand all');
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('DEMO-STALE: older than the rep’s own typical cycle, with the pushed close date', async ({ page, crm, sidebar }) => {
  const deal = await opportunity(crm, 'DEMO-STALE', DEMO_USER);
  const cycle = await typicalCycle(crm, DEMO_USER);
  await page.goto(recordUrl(crm, 'DEMO-STALE', '?theme=light'));
  const text = await sidebar.waitForText(ready(deal.name), 30_000);

  // The rep's numbers, computed here from the CRM's own records.
  expect(cycle.n).toBeGreaterThanOrEqual(10);
  expect(text).toContain('Older than 9 in 10 won deals');
  expect(text).toContain(`your won deals close in ${figure(cycle.median)} days (median of ${cycle.n} won deals), and 9 in 10 within ${figure(cycle.p90)} days`);
  const history = deal.close_date_history;
  expect(text).toContain(`Close date pushed ${history.length} times`);
  expect(text).toContain(`to ${deal.close_date}`);
  expect(text).toContain(`from ${history[0]!.old_value}`);
  expect(await sidebar.hostCount()).toBe(1);
  await page.screenshot({ path: `${SHOTS}/deal-light.png` });
});

test('DEMO-STALE in the dark theme: the sidebar follows the page', async ({ page, crm, sidebar }) => {
  await page.goto(recordUrl(crm, 'DEMO-STALE', '?theme=dark'));
  await sidebar.waitForText(ready('Rangreen'), 30_000);
  const theme = await sidebar.theme();
  expect(theme?.theme).toBe('dark');
  await page.screenshot({ path: `${SHOTS}/deal-dark.png` });
});

test('DEMO-UNQUALIFIED: missing qualification', async ({ page, crm, sidebar }) => {
  const deal = await opportunity(crm, 'DEMO-UNQUALIFIED', DEMO_USER);
  await page.goto(recordUrl(crm, 'DEMO-UNQUALIFIED'));
  await sidebar.waitForText(ready(deal.name), 30_000);
  await expandAll(sidebar);
  const text = (await sidebar.text())!;
  // Most of the 15 Dealmaker questions are empty on this deal; the finding and the checklist agree.
  const unanswered = Number(/(\d+) qualification questions unanswered/.exec(text)?.[1]);
  const answered = Number(/(\d+) of 15 tracked questions answered/.exec(text)?.[1]);
  expect(unanswered).toBeGreaterThanOrEqual(8);
  expect(unanswered + answered).toBe(15);
  // Empty in the CRM, so listed as missing, with the question to ask.
  expect(text).toContain('Budget allocated');
  expect(text).toContain('Compelling event');
});

test('DEMO-NODM: no decision maker, and the champion not reached', async ({ page, crm, sidebar }) => {
  const deal = await opportunity(crm, 'DEMO-NODM', DEMO_USER);
  await page.goto(recordUrl(crm, 'DEMO-NODM'));
  await sidebar.waitForText(ready(deal.name), 30_000);
  await expandAll(sidebar);
  const text = (await sidebar.text())!;
  expect(text).toContain('No decision maker identified');
  expect(text).toMatch(/Champion not reached in 30 days/);
  expect(text).toContain('Priya Nair');
});

test('DEMO-HEALTHY: no findings', async ({ page, crm, sidebar }) => {
  const deal = await opportunity(crm, 'DEMO-HEALTHY', DEMO_USER);
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  const text = await sidebar.waitForText(ready(deal.name), 30_000);
  expect(text).toContain('No risks found');
  // No finding of any severity is listed.
  expect((await sidebar.controls()).filter((name) => /^(risk|warning|note|info):/i.test(name))).toEqual([]);
  expect(await sidebar.visible()).toBe(true);
});
