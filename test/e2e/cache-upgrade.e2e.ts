/**
 * Cache upgrade in real Chromium (DESIGN §9 "no data loss on upgrade"): an IndexedDB left by
 * the previous version (schema v1: deals, history, user, usage — as 43d2457 created and wrote
 * them) is opened by the current extension, which migrates it to v2; every record must survive
 * with its data, and the sidebar must coach from the migrated cache without asking the CRM.
 *
 * Order: a fresh profile, and nothing in the background opens IndexedDB before a message needs
 * it (createCache is lazy, the hourly alarm fires after an hour). The test checks that no database
 * exists yet, seeds v1 from an extension page that sends no message, closes it, then opens a deal.
 */
import { expect, test } from '@playwright/test';
import { startDemoCrm, type DemoCrm } from '../demo-crm/server';
import { demoAdapter } from '../../lib/crm/demo';
import type { CrmFetch } from '../../lib/crm/types';
import type { Deal, RecordRef } from '../../lib/model';
import { usageDay } from '../../lib/platform/cache-policy';
import { launchChromium, type LaunchedBrowser } from './browser';
import { SidebarProbe } from './sidebar';

// Not from ./fixtures: its per-test fixtures would start another browser and clear the extension's data.
const DEMO_USER = 'Darcel Schlecht';

let crm: DemoCrm;
let browser: LaunchedBrowser;

test.beforeAll(async () => {
  crm = await startDemoCrm({ port: 0, host: '127.0.0.1', latencyMs: 20 });
  browser = await launchChromium({ headless: !process.env.E2E_HEADED });
});

test.afterAll(async () => {
  await browser?.close();
  await crm?.close();
});

/** The demo CRM read from Node as the signed-in rep (what the extension's page transport does). */
const io: CrmFetch = async (url, init) => {
  const response = await fetch(url, { method: init?.method ?? 'GET', headers: { ...init?.headers, cookie: `demo_user=${encodeURIComponent(DEMO_USER)}` }, body: init?.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
};

/** A Deal as version 1 stored it: `tracks` came later (3fd7fe8). */
function asV1(deal: Deal): Deal {
  const { tracks: _tracks, ...rest } = deal;
  return rest as Deal;
}

test('a v1 cache survives the upgrade to the current schema, every record intact, and serves the sidebar', async () => {
  const { context, extensionId } = browser;
  const instance = new URL(crm.url).host;
  const ref: RecordRef = { crm: 'demo', instance, id: 'DEMO-STALE', url: `${crm.url}/opportunities/DEMO-STALE` };
  const now = new Date().toISOString();

  // Records shaped as v1 wrote them, with real data from the CRM; the deal's name marks the cached copy.
  const deal = asV1(await demoAdapter.readDeal(ref, io));
  const cachedDeal = { ...deal, name: `${deal.name} (from the v1 cache)` };
  const history = (await demoAdapter.readHistory(ref, { ownerId: deal.owner.id }, io)).map(asV1);
  expect(history.length).toBeGreaterThan(100);
  const me = await demoAdapter.whoAmI!(ref, io);
  const day = usageDay(Date.now());
  const v1 = {
    deals: [
      { key: `demo|${instance}|DEMO-STALE`, crm: 'demo', instance, id: 'DEMO-STALE', deal: cachedDeal, fetchedAt: now },
      // An older entry of another deal: kept too, even though stale.
      { key: `demo|${instance}|DEMO-HEALTHY`, crm: 'demo', instance, id: 'DEMO-HEALTHY', deal: asV1(await demoAdapter.readDeal({ ...ref, id: 'DEMO-HEALTHY', url: `${crm.url}/opportunities/DEMO-HEALTHY` }, io)), fetchedAt: '2026-01-02T03:04:05.000Z' },
    ],
    history: [{ key: `demo|${instance}|${deal.owner.id}`, crm: 'demo', instance, ownerId: deal.owner.id, deals: history, fetchedAt: now }],
    user: [{ key: `demo|${instance}`, crm: 'demo', instance, user: me, fetchedAt: now }],
    usage: [
      { key: `${instance}|${day}`, instance, day, calls: 7 },
      { key: `${instance}|2026-01-02`, instance, day: '2026-01-02', calls: 41 },
    ],
  };

  // An extension page that sends the background nothing (options, popup and review would open the cache).
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/managed-schema.json`);
  const before = await page.evaluate(() => indexedDB.databases());
  expect(before, 'the background opened the cache before the test could seed v1; the seeding order no longer holds').toEqual([]);

  // Version 1 exactly as its migration created it (MIGRATIONS[0] of 43d2457), then its records.
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deal-coach', 1);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore('deals', { keyPath: 'key' }).createIndex('by-instance', ['crm', 'instance']);
        d.createObjectStore('history', { keyPath: 'key' }).createIndex('by-instance', ['crm', 'instance']);
        d.createObjectStore('user', { keyPath: 'key' });
        d.createObjectStore('usage', { keyPath: 'key' }).createIndex('by-day', 'day');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(Object.keys(records), 'readwrite');
    for (const [store, values] of Object.entries(records)) for (const value of values) tx.objectStore(store).put(value);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, v1);

  // The rep opens the deal: the background opens the cache (v1 → v2) and serves the cached deal.
  await fetch(`${crm.url}/__test/reset`, { method: 'POST' });
  await context.addCookies([{ name: 'demo_user', value: encodeURIComponent(DEMO_USER), url: crm.url }]);
  const tab = await context.newPage();
  const sidebar = await SidebarProbe.attach(tab);
  await tab.goto(ref.url);
  const text = await sidebar.waitForText((t) => t.includes('(from the v1 cache)'), 30_000);
  // Benchmarks from the migrated history: the rep's own won deals, counted here from the same records.
  const won = history.filter((d) => d.owner.id === deal.owner.id && d.stage.category === 'won').length;
  expect(text).toContain(`${won} won deals`);
  const stats = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { routes: Record<string, number> };
  expect(stats.routes['GET /api/opportunities'] ?? 0, 'history served from the migrated cache, not re-read').toBe(0);
  await sidebar.detach();
  await tab.close();

  // Every v1 record is still there, unchanged, in the v2 database.
  const after = await page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deal-coach');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: { version: number; stores: string[]; records: Record<string, unknown[]> } = { version: db.version, stores: [...db.objectStoreNames], records: {} };
    for (const store of stores) {
      out.records[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return out;
  }, Object.keys(v1));
  expect(after.version).toBe(2);
  expect(after.stores.sort()).toEqual(['deals', 'history', 'snapshots', 'teams', 'usage', 'user']);
  for (const [store, records] of Object.entries(v1)) {
    for (const record of records) {
      const found = after.records[store]!.find((r) => (r as { key: string }).key === record.key);
      expect(found, `${store} ${record.key}`).toEqual(JSON.parse(JSON.stringify(record)));
    }
  }
  await page.close();
});
