import { describe, expect, it } from 'vitest';
import { CACHE_OFF_MS, createCache, evictOldest, type CacheDb, type DealEntry, type HistoryEntry } from '../../../lib/platform/cache';
import type { Deal } from '../../../lib/model';

type Row = { key: string; fetchedAt?: string } & Record<string, unknown>;

/**
 * A stand-in for the IndexedDB database with a storage quota counted in records: a put beyond
 * `capacity` records throws QuotaExceededError as IndexedDB does (a DOMException of that name).
 */
function quotaDb(capacity: number) {
  const stores = { deals: new Map<string, Row>(), history: new Map<string, Row>(), user: new Map<string, Row>(), usage: new Map<string, Row>() };
  const state = { capacity, puts: 0 };
  const total = () => Object.values(stores).reduce((n, m) => n + m.size, 0);
  const objectStore = (name: string) => {
    const map = stores[name as keyof typeof stores];
    return {
      get: async (key: string) => map.get(key),
      put: async (value: Row) => {
        state.puts++;
        if (!map.has(value.key) && total() >= state.capacity) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        map.set(value.key, value);
        return value.key;
      },
      delete: async (key: string) => void map.delete(key),
      openCursor: async () => {
        const entries = [...map.entries()];
        const at = (i: number): unknown =>
          i < entries.length ? { key: entries[i]![0], value: entries[i]![1], continue: async () => at(i + 1) } : null;
        return at(0);
      },
    };
  };
  const db = {
    get: (name: string, key: string) => objectStore(name).get(key),
    put: (name: string, value: Row) => objectStore(name).put(value),
    getAllFromIndex: async (name: string) => [...stores[name as keyof typeof stores].values()],
    transaction: (names: string | string[]) => ({
      store: objectStore(Array.isArray(names) ? names[0]! : names),
      objectStore,
      done: Promise.resolve(),
    }),
  };
  return { db: db as unknown as CacheDb, stores, state };
}

const deal = (id: string) => ({ ref: { crm: 'demo', instance: 'i', id, url: `http://127.0.0.1/opportunities/${id}` } }) as unknown as Deal;
const dealEntry = (id: string, fetchedAt: string): DealEntry => ({ key: `demo|i|${id}`, crm: 'demo', instance: 'i', id, deal: deal(id), fetchedAt });
const historyEntry = (owner: string, fetchedAt: string): HistoryEntry => ({ key: `demo|i|${owner}`, crm: 'demo', instance: 'i', ownerId: owner, deals: [], fetchedAt });

function setup(capacity: number) {
  const fake = quotaDb(capacity);
  const logs: string[] = [];
  const full: boolean[] = [];
  let clock = Date.parse('2026-11-23T12:00:00Z');
  const cache = createCache((message) => logs.push(message), { open: async () => fake.db, onFull: (f) => full.push(f), now: () => clock });
  return { ...fake, cache, logs, full, advance: (ms: number) => (clock += ms) };
}

describe('cache writes when storage is full', () => {
  it('evicts the oldest deals and histories, then stores the new entry', async () => {
    const { cache, stores, logs, full } = setup(4);
    await cache.putDeal(dealEntry('old', '2026-11-20T00:00:00Z'));
    await cache.putHistory(historyEntry('o1', '2026-11-21T00:00:00Z'));
    await cache.putDeal(dealEntry('mid', '2026-11-22T00:00:00Z'));
    await cache.putHistory(historyEntry('o2', '2026-11-23T00:00:00Z'));

    await cache.putDeal(dealEntry('new', '2026-11-23T12:00:00Z'));

    // The oldest half (old deal, first history) made room; the newest entries and the new deal stay.
    expect([...stores.deals.keys()].sort()).toEqual(['demo|i|mid', 'demo|i|new']);
    expect([...stores.history.keys()]).toEqual(['demo|i|o2']);
    expect(stores.deals.get('demo|i|new')?.fetchedAt).toBe('2026-11-23T12:00:00Z');
    expect(logs.join('\n')).toMatch(/quota exceeded.*evicted the 2 oldest/);
    expect(full).toEqual([]);
  });

  it('still full after eviction: keeps working without the cache, says so, and tries again later', async () => {
    const { cache, stores, state, logs, full, advance } = setup(0);
    // Never throws to the caller: coaching goes on.
    await expect(cache.putDeal(dealEntry('a', '2026-11-23T00:00:00Z'))).resolves.toBeUndefined();
    expect(stores.deals.size).toBe(0);
    expect(full).toEqual([true]);
    expect(logs.at(-1)).toMatch(/storage still full, working without the cache/);

    // While off, writes are skipped (no write storm against a full disk), reads still answer.
    const putsWhileFull = state.puts;
    await cache.putDeal(dealEntry('b', '2026-11-23T00:01:00Z'));
    await cache.putHistory(historyEntry('o', '2026-11-23T00:01:00Z'));
    await cache.addUsage('i', '2026-11-23', 1);
    expect(state.puts).toBe(putsWhileFull);
    expect(await cache.getDeal('demo|i|b')).toBeUndefined();

    // Later, with room again, the cache is back on.
    state.capacity = 10;
    advance(CACHE_OFF_MS + 1);
    await cache.putDeal(dealEntry('c', '2026-11-23T01:01:00Z'));
    expect(full).toEqual([true, false]);
    expect(stores.deals.has('demo|i|c')).toBe(true);
  });

  it('"Delete all local data" turns the cache back on at once', async () => {
    const { cache, full } = setup(0);
    await cache.putDeal(dealEntry('a', '2026-11-23T00:00:00Z'));
    expect(full).toEqual([true]);
    await cache.clearAll().catch(() => undefined);
    expect(full).toEqual([true, false]);
  });

  it('other write errors are logged once, without eviction', async () => {
    const { cache, stores, logs, db } = setup(10);
    await cache.putDeal(dealEntry('keep', '2026-11-01T00:00:00Z'));
    (db as unknown as { put: () => never }).put = () => {
      throw new DOMException('Data cannot be cloned.', 'DataCloneError');
    };
    await cache.putDeal(dealEntry('x', '2026-11-23T00:00:00Z'));
    expect(stores.deals.has('demo|i|keep')).toBe(true);
    expect(logs).toEqual(['Deal Coach: cache write failed (deal)']);
  });

  it('evictOldest removes the older half by fetch time, at least one', async () => {
    const one = quotaDb(10);
    one.stores.deals.set('a', { key: 'a', fetchedAt: '2026-01-01' });
    expect(await evictOldest(one.db)).toBe(1);
    expect(one.stores.deals.size).toBe(0);
    expect(await evictOldest(one.db)).toBe(0);
  });
});
