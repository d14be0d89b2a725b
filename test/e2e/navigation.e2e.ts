/**
 * SPA navigation: the sidebar follows the CRM from record to record without reloads, there is
 * exactly one sidebar at every step, nothing accumulates (hosts, listeners, heap), and it
 * leaves with the record (list page).
 */
import { expect, test } from './fixtures';

const STEPS = 20;

test('follows 20 records through Next links and leaves on the list page', async ({ page, crm, sidebar }) => {
  test.setTimeout(180_000);
  // A common desktop width: the CRM's centred content is not under the sidebar, so its links are clickable.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${crm.url}/opportunities?state=open`);
  await page.locator('a[data-record-link]').first().click();

  const seen: string[] = [];
  const samples: Array<{ step: number; listeners: number; jsListeners: number; heapMb: number; nodes: number }> = [];
  for (let step = 1; step <= STEPS; step++) {
    const recordMain = page.locator('main[data-record-id]');
    await expect(recordMain).toBeVisible();
    const id = (await recordMain.getAttribute('data-record-id'))!;
    const name = (await page.locator('h1[data-field="name"]').textContent())!.trim();
    // The sidebar shows this record's name, and only this record's.
    await sidebar.waitForText((text) => text.includes(name) && !text.includes('Reading this deal'), 30_000);
    expect(await sidebar.hostCount(), `one sidebar at step ${step}`).toBe(1);
    expect(seen).not.toContain(id);
    seen.push(id);

    if (step === 5 || step === STEPS) {
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      const metrics = await sidebar.metrics();
      samples.push({
        step,
        listeners: await sidebar.globalListenerCount(),
        jsListeners: metrics.JSEventListeners ?? 0,
        heapMb: (metrics.JSHeapUsedSize ?? 0) / 2 ** 20,
        nodes: metrics.Nodes ?? 0,
      });
    }
    if (step < STEPS) await page.getByRole('link', { name: 'Next ›' }).click();
  }

  // Bounded: 15 more navigations add no window/document listeners and no sidebars.
  const [early, late] = samples as [(typeof samples)[0], (typeof samples)[0]];
  test.info().annotations.push({ type: 'resources', description: JSON.stringify(samples) });
  expect(late.listeners, 'window/document listeners after 15 more navigations').toBeLessThanOrEqual(early.listeners);
  expect(late.jsListeners - early.jsListeners, 'event listeners (all nodes, all worlds)').toBeLessThan(60);
  expect(late.heapMb - early.heapMb, 'JS heap growth, MB').toBeLessThan(8);

  // The list page is not a record: the sidebar goes away.
  await page.getByRole('link', { name: 'Opportunities' }).first().click();
  await expect(page.locator('main[data-view="list"]')).toBeVisible();
  await sidebar.waitForGone();

  // And comes back for the next record.
  await page.locator('a[data-record-link]').nth(3).click();
  const name = (await page.locator('h1[data-field="name"]').textContent())!.trim();
  await sidebar.waitForText((text) => text.includes(name), 30_000);
  expect(await sidebar.hostCount()).toBe(1);
});

test('back and forward keep the sidebar on the shown record', async ({ page, crm, sidebar }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${crm.url}/opportunities/DEMO-STALE`);
  await sidebar.waitForText((t) => t.includes('Rangreen') && !t.includes('Reading this deal'), 30_000);
  await page.getByRole('link', { name: 'Next ›' }).click();
  const next = (await page.locator('main[data-record-id]').getAttribute('data-record-id'))!;
  expect(next).not.toBe('DEMO-STALE');
  const nextName = (await page.locator('h1[data-field="name"]').textContent())!.trim();
  await sidebar.waitForText((t) => t.includes(nextName), 30_000);
  await page.goBack();
  await sidebar.waitForText((t) => t.includes('Rangreen') && !t.includes(nextName), 30_000);
  await page.goForward();
  await sidebar.waitForText((t) => t.includes(nextName) && !t.includes('Rangreen'), 30_000);
  expect(await sidebar.hostCount()).toBe(1);
});
