/**
 * One cell of the fault matrix, the same for every CRM:
 *  1. the deal was read (cached), then ages 3 h; the CRM's API starts failing with the fault;
 *  2. the record is opened again: the cached deal shows at once, the re-read fails, and the sidebar
 *     says which failure in plain words, with the cached deal and its age;
 *  3. two more views during the back-off make no request to the CRM (no retry storm);
 *  4. the cache is intact (same deal, same date); nothing threw in the page or the service worker;
 *  5. the fault is cleared and Refresh reads the deal again — except after a rate limit, where
 *     Refresh must keep waiting (the CRM asked us to), and the cached deal stays.
 */
import { BACKOFF_FLOOR_MS, errorWaitMs, expected, FAULTS, MAX_READS_PER_BACKOFF, type CrmName, type FaultKind } from './cells';
import { expect, test, type Rig } from './fixtures';

const CACHE_AGE_H = 3;

export function faultMatrix(crm: CrmName): void {
  test.use({ crm });
  for (const fault of FAULTS) {
    test(`${crm} × ${fault}`, async ({ rig }) => {
      await runCell(rig, fault);
    });
  }
}

async function runCell(rig: Rig, fault: FaultKind): Promise<void> {
  const { target, page, sidebar } = rig;
  const want = expected(fault, target.crm, target.label);
  const annotate = (type: string, description: string) => test.info().annotations.push({ type, description });
  if (rig.dirty) await rig.startClean();
  rig.dirty = true;
  const errorsBefore = { page: rig.pageErrors.length, worker: (await rig.worker.errors()).length };

  // 1. A cached deal, 3 h old; then the fault.
  const [before] = (await rig.cachedDeals()).filter((e) => e.deal.name === target.dealName);
  expect(before, 'the deal is cached before the fault').toBeDefined();
  await rig.ageCachedDeals(CACHE_AGE_H);
  const aged = (await rig.cachedDeals()).find((e) => e.key === before!.key)!;
  if (fault === 'offline') await rig.goOffline();
  else await target.inject(fault);
  const start = rig.dealRequests();

  // 2. Open the record again: the failure in plain words, over the cached deal and its age.
  await page.reload();
  const shown = await sidebar.waitForText((t) => want.title.test(t) && t.includes(target.dealName), errorWaitMs(fault));
  annotate('sidebar', shown);
  expect(shown).toMatch(want.message);
  expect(shown).toMatch(new RegExp(`Cached data · read ${CACHE_AGE_H} h ago`));
  expect(shown).toMatch(new RegExp(`Cached data from ${CACHE_AGE_H} h ago — refresh failed`));
  expect(await sidebar.controls(), 'cached data is shown: Refresh, not "Try again"').not.toContain('Try again');
  expect(rig.dealRequests() - start, 'the one re-read that failed').toBe(1);
  if (target.pageFailsToo?.(fault)) {
    // The content script waits up to 5 s (RECORD_RENDER_TIMEOUT_MS) for a record the broken page never
    // shows; when it gives up, the failure must still be shown, not the cached answer it got first.
    await page.waitForTimeout(6_000);
    expect(await sidebar.text()).toMatch(want.title);
  }

  // 3. Two more views during the back-off: the cached deal and the same words, no request.
  for (let i = 0; i < 2; i++) {
    await page.reload();
    const again = await sidebar.waitForText((t) => t.includes(target.dealName) && want.message.test(t) && t.includes(`${CACHE_AGE_H} h ago`), 15_000);
    if (i === 1) annotate('sidebar-during-backoff', again);
  }
  expect(rig.dealRequests() - start, `requests to the deal's endpoint within one back-off (≥ ${BACKOFF_FLOOR_MS / 1000} s)`).toBeLessThanOrEqual(MAX_READS_PER_BACKOFF);

  // 4. The cache is intact: the same deal, still dated when it was read.
  const during = (await rig.cachedDeals()).find((e) => e.key === before!.key);
  expect(during?.deal, 'the cached deal survives the fault').toEqual(before!.deal);
  expect(during?.fetchedAt).toBe(aged.fetchedAt);

  // 5. The CRM recovers.
  if (fault === 'offline') await rig.goOnline();
  else await target.clear();
  const recoveredAt = rig.dealRequests();
  await sidebar.click('Refresh');
  if (fault === '429') {
    // Refresh skips Deal Coach's own back-off, never the CRM's rate limit: still cached, no request.
    const waiting = await sidebar.waitForText((t) => t.includes(target.dealName) && want.message.test(t), 15_000);
    annotate('sidebar-refresh-while-limited', waiting);
    expect(rig.dealRequests() - recoveredAt, 'Refresh during a rate limit asks nothing').toBe(0);
    expect((await rig.cachedDeals()).find((e) => e.key === before!.key)?.fetchedAt).toBe(aged.fetchedAt);
  } else {
    const recovered = await sidebar.waitForText((t) => t.includes(target.dealName) && /Updated just now/.test(t), 20_000);
    expect(recovered).not.toMatch(want.title);
    expect(recovered).not.toMatch(/cached/i);
    expect(rig.dealRequests() - recoveredAt, 'Refresh reads the deal again').toBe(1);
    const after = (await rig.cachedDeals()).find((e) => e.key === before!.key);
    expect(Date.parse(after!.fetchedAt)).toBeGreaterThan(Date.parse(aged.fetchedAt));
    expect(after!.deal.name).toBe(target.dealName);
  }

  // Nothing uncaught, in the page or in the extension.
  expect(rig.pageErrors.slice(errorsBefore.page), 'uncaught exceptions in the CRM page').toEqual([]);
  expect((await rig.worker.errors()).slice(errorsBefore.worker), 'uncaught exceptions / console errors in the service worker').toEqual([]);
  // A rate limit leaves a back-off behind: the next cell starts clean.
  rig.dirty = fault === '429';
}
