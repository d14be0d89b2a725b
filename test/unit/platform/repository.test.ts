import { describe, expect, it } from 'vitest';
import type { Cache, DealEntry, HistoryEntry, UserEntry } from '../../../lib/platform/cache';
import { createRepository, ReadFailure } from '../../../lib/platform/repository';
import { CrmError, type CrmAdapter } from '../../../lib/crm/types';
import type { Deal, RecordRef } from '../../../lib/model';

function memoryCache(): Cache & { deals: Map<string, DealEntry> } {
  const deals = new Map<string, DealEntry>();
  const history = new Map<string, HistoryEntry>();
  const users = new Map<string, UserEntry>();
  return {
    deals,
    getDeal: async (k) => deals.get(k),
    putDeal: async (e) => void deals.set(e.key, e),
    getHistory: async (k) => history.get(k),
    putHistory: async (e) => void history.set(e.key, e),
    historyOwners: async () => [...history.values()].map((e) => e.ownerId),
    getUser: async (k) => users.get(k),
    putUser: async (e) => void users.set(e.key, e),
    addUsage: async () => undefined,
    usage: async () => 0,
    clearAll: async () => deals.clear(),
  };
}

const ref: RecordRef = { crm: 'demo', instance: '127.0.0.1:4300', id: 'D1', url: 'http://127.0.0.1:4300/opportunities/D1' };
const deal = { ref, name: 'Deal one', owner: { id: 'o1', name: 'Owner' } } as unknown as Deal;

function adapter(readDeal: () => Promise<Deal>, readHistory: () => Promise<Deal[]> = async () => []): CrmAdapter {
  return {
    id: 'demo',
    label: 'Demo CRM',
    transport: 'page',
    matches: () => ref,
    readDeal,
    readHistory,
    whoAmI: async () => ({ id: 'o1', name: 'Owner', teamOwnerIds: [] }),
  };
}

describe('repository', () => {
  it('runs at most one read per record at a time', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = adapter(async () => {
      calls++;
      await gate;
      return deal;
    });
    const repo = createRepository({ cache: memoryCache(), now: () => 0 });
    const io = async () => ({ status: 200, headers: {}, body: null });
    const reads = [repo.readDeal(a, ref, io), repo.readDeal(a, ref, io), repo.readDeal(a, ref, io)];
    release();
    const entries = await Promise.all(reads);
    expect(calls).toBe(1);
    expect(entries[0]).toBe(entries[2]);
  });

  it('records a back-off with the error in words after a failure, and clears it on success', async () => {
    let fail = true;
    const a = adapter(async () => {
      if (fail) throw new CrmError('server', 'Demo CRM answered with an error (HTTP 500).', 500);
      return deal;
    });
    let now = 1_000;
    const repo = createRepository({ cache: memoryCache(), now: () => now });
    const io = async () => ({ status: 200, headers: {}, body: null });
    await expect(repo.readDeal(a, ref, io)).rejects.toBeInstanceOf(ReadFailure);
    const b = repo.backoff('demo|127.0.0.1:4300|D1');
    expect(b).toMatchObject({ failures: 1, lastError: { errorKind: 'server', message: 'Demo CRM answered with an error (HTTP 500).' } });
    fail = false;
    now += 10_000;
    await expect(repo.readDeal(a, ref, io)).resolves.toMatchObject({ deal });
    expect(repo.backoff('demo|127.0.0.1:4300|D1')).toBeUndefined();
  });

  it('serves cached history without a request while fresh, and null without io or cache', async () => {
    let reads = 0;
    const a = adapter(async () => deal, async () => {
      reads++;
      return [deal];
    });
    const now = Date.parse('2026-03-02T10:00:00Z');
    const repo = createRepository({ cache: memoryCache(), now: () => now });
    expect(await repo.history(a, ref, 'o1', null)).toBeNull();
    const io = async () => ({ status: 200, headers: {}, body: null });
    expect((await repo.history(a, ref, 'o1', io))?.deals).toEqual([deal]);
    expect((await repo.history(a, ref, 'o1', io))?.deals).toEqual([deal]);
    expect(reads).toBe(1);
  });

  it("adds the team's history (read once, cached as team:<owner>) only below minOwnWon own wins", async () => {
    const won = (id: string, owner: string) =>
      ({ ref: { ...ref, id }, owner: { id: owner, name: owner }, stage: { name: 'Won', category: 'won' }, createdAt: '2026-01-01', closedAt: '2026-02-01', history: { closeDateChanges: [], stageChanges: [] } }) as unknown as Deal;
    const own = [won('A', 'o1'), won('B', 'o1')];
    const team = [won('A', 'o1'), won('B', 'o1'), won('C', 'o2'), won('D', 'o3')];
    const queries: unknown[] = [];
    const teamOfCalls: string[] = [];
    const a: CrmAdapter = {
      ...adapter(async () => deal),
      readHistory: async (_at, query) => {
        queries.push(query);
        return query.teamOwnerIds ? team : own;
      },
      teamOf: async (_at, ownerId) => {
        teamOfCalls.push(ownerId);
        return ['o1', 'o2', 'o3'];
      },
    };
    const now = Date.parse('2026-03-02T10:00:00Z');
    const cache = memoryCache();
    const repo = createRepository({ cache, now: () => now });
    const io = async () => ({ status: 200, headers: {}, body: null });
    const history = (await repo.history(a, ref, 'o1', io))!;
    // Two own wins, enough at minOwnWon 2: no team read.
    expect((await repo.benchmarkHistory(a, ref, history, io, 2)).deals).toEqual(own);
    expect(teamOfCalls).toEqual([]);
    // Below it: the team's deals are added once (deduplicated), then served from cache.
    const combined = await repo.benchmarkHistory(a, ref, history, io, 10);
    expect(combined.deals.map((d) => d.ref.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(combined.stamp).toContain('|');
    await repo.benchmarkHistory(a, ref, history, io, 10);
    expect(teamOfCalls).toEqual(['o1']);
    expect(queries).toEqual([{ ownerId: 'o1' }, { teamOwnerIds: ['o1', 'o2', 'o3'] }]);
    expect(await cache.historyOwners('demo', ref.instance)).toEqual(['o1', 'team:o1']);
    // The hourly refresh walks cached owner ids: a team entry is refreshed as a team.
    expect((await repo.history(a, ref, 'team:o1', io, { await: true }))?.deals).toEqual(team);
    // An adapter that cannot name the team: the owner's own history only.
    const plain = adapter(async () => deal, async () => own);
    expect((await repo.benchmarkHistory(plain, ref, history, io, 10)).deals).toEqual(own);
  });
});
