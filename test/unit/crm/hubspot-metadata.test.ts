/**
 * HubSpot record views and histories with the metadata cache: how many rounds (waits for an answer
 * before the next request can go) and requests each costs, warm, cold and with stale metadata.
 */
import { describe, expect, it } from 'vitest';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot';
import { metadataKey } from '../../../lib/crm/hubspot/metadata';
import {
  associationBatchPath,
  associationsPath,
  batchReadPath,
  companyPath,
  DEAL_PROPERTIES_PATH,
  dealPath,
  OWNERS_PATH,
  ownerPath,
  PIPELINES_PATH,
  SEARCH_DEALS_PATH,
} from '../../../lib/crm/hubspot/queries';
import { memoryMetadataCache, type MetadataBacking } from '../../../lib/crm/shared/metadata';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { countRounds } from '../../../lib/crm/shared/rounds';
import { API, DEAL, DEAL_WON, fixture, pipelinesWithoutGerman, pipelinesWonStageOpen, portal, ref, INSTANCE } from './hubspot-recordings';

const NOW = new Date('2026-01-25T12:00:00Z');

/** One record view through a round counter: the requests of each round, as sorted `METHOD path` lines. */
async function view(adapter: ReturnType<typeof createHubSpotAdapter>, id: string, recordings: Recording[] = portal()) {
  const recorded = recordedIo(recordings);
  const { io, rounds } = countRounds(recorded.io);
  const deal = await adapter.readDeal(ref(id), io);
  expect(recorded.missing).toEqual([]);
  return { deal, rounds: rounds.map((r) => r.map((line) => line.replace(API, '')).sort()), requests: recorded.requests.length };
}

const fresh = (now = () => NOW.getTime()) => {
  const metadata = memoryMetadataCache({ now });
  return { metadata, adapter: createHubSpotAdapter({ now: () => NOW, metadata }) };
};

const sorted = (lines: string[]) => [...lines].sort();
const DETAILS_AFTER_PAGES = sorted([`POST ${batchReadPath('contacts')}`, `POST ${batchReadPath('emails')}`, `POST ${associationBatchPath('emails', 'contacts')}`]);
const DETAILS = [
  `GET ${associationsPath(DEAL, 'contacts', 'NTA%3D')}`, // second page of contacts
  `GET ${associationsPath(DEAL, 'emails')}`, // the deal embedded only the first page of emails
  `GET ${companyPath('5123401')}`,
  `POST ${batchReadPath('calls')}`,
  `POST ${batchReadPath('meetings')}`,
  `POST ${batchReadPath('tasks')}`,
  `POST ${associationBatchPath('calls', 'contacts')}`,
  `POST ${associationBatchPath('meetings', 'contacts')}`,
];

describe('hubspot record view rounds', () => {
  it('cold: metadata goes out with the deal; custom properties and the owner join the associated records (3 rounds, 2 of them paging; was 4)', async () => {
    const { adapter } = fresh();
    const { rounds, requests, deal } = await view(adapter, DEAL);
    expect(rounds).toEqual([
      sorted([`GET ${dealPath(DEAL)}`, `GET ${DEAL_PROPERTIES_PATH}`, `GET ${PIPELINES_PATH}`, `GET ${associationsPath(DEAL, 'contacts')}`]),
      sorted([...DETAILS, `POST ${batchReadPath('deals')}`, `GET ${ownerPath('81234567')}`]),
      DETAILS_AFTER_PAGES,
    ]);
    expect(requests).toBe(17);
    expect(deal).toMatchObject({ owner: { name: 'Riley Chen' }, stage: { name: 'Presentation Scheduled', category: 'open' }, accountName: 'Northwind Traders' });
    expect(deal.fields).toMatchObject({ budget_confirmed: 'true', decision_criteria: 'SSO, EU hosting' });
    expect(deal.stakeholders).toHaveLength(62);
    expect(deal.activities).toHaveLength(7);
  });

  it('warm: no metadata request; custom properties go out with the deal (14 requests instead of 17)', async () => {
    const { adapter } = fresh();
    const cold = await view(adapter, DEAL);
    const warm = await view(adapter, DEAL);
    expect(warm.rounds).toEqual([sorted([`GET ${dealPath(DEAL)}`, `GET ${associationsPath(DEAL, 'contacts')}`, `POST ${batchReadPath('deals')}`]), sorted(DETAILS), DETAILS_AFTER_PAGES]);
    expect(warm.requests).toBe(14);
    // Same deal either way.
    expect(warm.deal).toEqual(cold.deal);
  });

  it('a deal with nothing associated: cold 2 rounds (was 2), warm ONE round of 3 requests (was 5)', async () => {
    const { adapter } = fresh();
    const cold = await view(adapter, DEAL_WON);
    expect(cold.rounds).toEqual([sorted([`GET ${dealPath(DEAL_WON)}`, `GET ${DEAL_PROPERTIES_PATH}`, `GET ${PIPELINES_PATH}`, `GET ${associationsPath(DEAL_WON, 'contacts')}`]), [`POST ${batchReadPath('deals')}`]]);
    const warm = await view(adapter, DEAL_WON);
    expect(warm.rounds).toEqual([sorted([`GET ${dealPath(DEAL_WON)}`, `GET ${associationsPath(DEAL_WON, 'contacts')}`, `POST ${batchReadPath('deals')}`])]);
    expect(warm.requests).toBe(3);
    expect(warm.deal.stage).toEqual({ name: 'Geschlossen und gewonnen', category: 'won', order: 2 });
  });

  it('metadata that does not know the deal’s pipeline: the pipelines are read again once (2 rounds), the stage is won, and the cache learns it', async () => {
    const { adapter } = fresh();
    // Cached before the German pipeline existed.
    await view(adapter, DEAL, portal(pipelinesWithoutGerman()));
    const stale = await view(adapter, DEAL_WON);
    expect(stale.rounds).toEqual([sorted([`GET ${dealPath(DEAL_WON)}`, `GET ${associationsPath(DEAL_WON, 'contacts')}`, `POST ${batchReadPath('deals')}`]), [`GET ${PIPELINES_PATH}`]]);
    expect(stale.deal.stage).toEqual({ name: 'Geschlossen und gewonnen', category: 'won', order: 2 });
    expect((await view(adapter, DEAL_WON)).rounds).toHaveLength(1);
  });

  it('metadata whose stage contradicts the deal’s own closed flags (stage made "won" since): read again, never a wrong category', async () => {
    const { adapter } = fresh();
    await view(adapter, DEAL, portal(pipelinesWonStageOpen()));
    const stale = await view(adapter, DEAL_WON);
    expect(stale.rounds[1]).toEqual([`GET ${PIPELINES_PATH}`]);
    expect(stale.deal.stage.category).toBe('won');
  });

  it('expires after the TTL (1 h) and survives a service-worker restart through its backing store', async () => {
    let t = NOW.getTime();
    const stored = new Map<string, unknown>();
    const backing: MetadataBacking = { get: async (k) => stored.get(k), set: async (k, v) => void stored.set(k, structuredClone(v)) };
    const first = memoryMetadataCache({ now: () => t, backing });
    await view(createHubSpotAdapter({ now: () => NOW, metadata: first }), DEAL_WON);
    expect(stored.has(metadataKey(INSTANCE))).toBe(true);
    // A new worker: empty memory, same backing store.
    const restarted = createHubSpotAdapter({ now: () => NOW, metadata: memoryMetadataCache({ now: () => t, backing }) });
    expect((await view(restarted, DEAL_WON)).rounds).toHaveLength(1);
    t += 61 * 60_000;
    expect((await view(restarted, DEAL_WON)).rounds[0]).toContain(`GET ${PIPELINES_PATH}`);
  });

  it('ignores a cache entry that is not what it wrote (tampered or from another version)', async () => {
    const metadata = memoryMetadataCache({ now: () => NOW.getTime() });
    await metadata.set(metadataKey(INSTANCE), { v: 1, propertyNames: 'all', stages: [['x', { label: 1 }]], owners: {} });
    const { rounds } = await view(createHubSpotAdapter({ now: () => NOW, metadata }), DEAL_WON);
    expect(rounds[0]).toContain(`GET ${PIPELINES_PATH}`);
  });
});

describe('hubspot history with the metadata cache', () => {
  const query = { ownerId: '81234567', teamOwnerIds: ['81234568'], since: '2025-01-01' };
  it('reads pipelines and owners alongside the first search page when cold, only the search when warm', async () => {
    const { adapter } = fresh();
    const run = async () => {
      const recorded = recordedIo(portal());
      const { io, rounds } = countRounds(recorded.io);
      const deals = await adapter.readHistory(ref(DEAL), query, io);
      expect(recorded.missing).toEqual([]);
      return { deals, rounds: rounds.map((r) => r.map((l) => l.replace(API, '')).sort()) };
    };
    const cold = await run();
    expect(cold.rounds).toEqual([sorted([`GET ${PIPELINES_PATH}`, `GET ${OWNERS_PATH}?limit=500`, `POST ${SEARCH_DEALS_PATH}`]), [`POST ${SEARCH_DEALS_PATH}`]]);
    const warm = await run();
    expect(warm.rounds).toEqual([[`POST ${SEARCH_DEALS_PATH}`], [`POST ${SEARCH_DEALS_PATH}`]]);
    expect(warm.deals).toEqual(cold.deals);
    expect(warm.deals.map((d) => [d.stage.category, d.owner.name])).toEqual([
      ['won', 'Riley Chen'],
      ['lost', 'Sam Ortiz'],
      ['open', 'Riley Chen'],
    ]);
  });
});

describe('hubspot whoAmI() with the owner picked in options', () => {
  it('reads that owner (the email is not needed)', async () => {
    const adapter = createHubSpotAdapter({ userEmail: () => null });
    const { io, requests } = recordedIo([{ url: `${API}${ownerPath('81234567')}`, body: fixture('owner.json') }]);
    expect(await adapter.whoAmI(ref(DEAL), io, { ownerId: '81234567', email: 'someone.else@example.com' })).toEqual({ id: '81234567', name: 'Riley Chen', teamOwnerIds: [] });
    expect(requests.map((r) => r.url)).toEqual([`${API}${ownerPath('81234567')}`]);
  });

  it('says to choose again when the picked owner is gone', async () => {
    const adapter = createHubSpotAdapter();
    const { io } = recordedIo([{ url: `${API}${ownerPath('81234599')}`, status: 404, body: fixture('error-404.json') }]);
    const error = (await adapter.whoAmI(ref(DEAL), io, { ownerId: '81234599' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Options[\s\S]*no longer exists/);
  });
});
