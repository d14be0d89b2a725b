/**
 * Pipedrive record views and histories with the metadata cache: rounds (waits for an answer before
 * the next request can go) and requests, warm, cold and with a stage the cache does not know.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPipedriveAdapter } from '../../../lib/crm/pipedrive';
import { activitiesPath, changelogPath, dealPath, organizationPath, ownerDealsPath, participantsPath, stagePath, stagesPath, USERS_PATH } from '../../../lib/crm/pipedrive/queries';
import { memoryMetadataCache } from '../../../lib/crm/shared/metadata';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { countRounds } from '../../../lib/crm/shared/rounds';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/pipedrive/${name}`, import.meta.url), 'utf8'));
const BASE = 'https://acme.pipedrive.com';
const ref = (id: string) => ({ crm: 'pipedrive', instance: 'acme.pipedrive.com', id, url: `${BASE}/deal/${id}` });
const at = (path: string, body: string | unknown, status?: number): Recording => ({ url: `${BASE}${path}`, body: typeof body === 'string' ? fixture(body) : body, ...(status ? { status } : {}) });
const STAGES_NEXT = 'eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9';

/** The company's answers. `stagesPage1Only`: the stage list as it was before the second page's stages existed. */
function company(options: { stagesPage1Only?: boolean; quietOpenDeal?: boolean } = {}): Recording[] {
  const page1 = options.stagesPage1Only ? { ...(fixture('stages-page1.json') as object), additional_data: { next_cursor: null } } : fixture('stages-page1.json');
  return [
    at(dealPath('1234'), 'deal-open.json'),
    // quietOpenDeal: the same deal with one page of everything (no paging rounds).
    at(participantsPath('1234'), options.quietOpenDeal ? 'participants-empty.json' : 'participants-page1.json'),
    at(participantsPath('1234', 100), 'participants-page2.json'),
    at(activitiesPath('1234'), options.quietOpenDeal ? 'activities-empty.json' : 'activities-page1.json'),
    at(activitiesPath('1234', 'eyJpZCI6ODAyfQ'), 'activities-page2.json'),
    at(changelogPath('1234'), 'changelog.json'),
    at(dealPath('1240'), 'deal-won-de.json'),
    at(participantsPath('1240'), 'participants-empty.json'),
    at(activitiesPath('1240'), 'activities-empty.json'),
    at(changelogPath('1240'), 'error-403.json', 403),
    at(stagesPath(), page1),
    at(stagesPath(STAGES_NEXT), 'stages-page2.json'),
    at(stagePath('14'), 'stage-14.json'),
    at(USERS_PATH, 'users.json'),
    at(organizationPath('301'), 'organization.json'),
    at(ownerDealsPath('11001'), 'deals-owner-11001-page1.json'),
    at(ownerDealsPath('11001', 'eyJpZCI6MjAwMn0'), 'deals-owner-11001-page2.json'),
    at(ownerDealsPath('11002'), 'deals-owner-11002.json'),
  ];
}

async function view(adapter: ReturnType<typeof createPipedriveAdapter>, id: string, recordings = company()) {
  const recorded = recordedIo(recordings);
  const { io, rounds } = countRounds(recorded.io);
  const deal = await adapter.readDeal(ref(id), io);
  expect(recorded.missing).toEqual([]);
  return { deal, rounds: rounds.map((r) => r.map((line) => line.replace(`GET ${BASE}`, '')).sort()), requests: recorded.requests.length };
}

const sorted = (lines: string[]) => [...lines].sort();
const adapterWithCache = () => createPipedriveAdapter({ metadata: memoryMetadataCache() });
const RECORD = (id: string) => [dealPath(id), participantsPath(id), activitiesPath(id), changelogPath(id)];

describe('pipedrive record view rounds', () => {
  it('a deal with one page of everything: cold 2 rounds (organization), warm ONE round of 4 requests', async () => {
    const adapter = adapterWithCache();
    const quiet = company({ quietOpenDeal: true });
    const cold = await view(adapter, '1234', quiet);
    expect(cold.rounds).toEqual([sorted([...RECORD('1234'), stagesPath(), USERS_PATH]), sorted([stagesPath(STAGES_NEXT), organizationPath('301')])]);
    const warm = await view(adapter, '1234', quiet);
    expect(warm.rounds).toEqual([sorted(RECORD('1234'))]);
    expect(warm.requests).toBe(4);
    expect(warm.deal).toEqual(cold.deal);
    expect(warm.deal).toMatchObject({ accountName: 'Initrode GmbH', owner: { id: '11001', name: 'Mia Schulz' }, stage: { name: 'Demo Scheduled', category: 'open', order: 3 }, probability: 0.4 });
  });

  it('the paged deal: warm, only the further pages follow (2 rounds, 6 requests; cold 2 rounds, 10 requests; was 3 rounds, 10)', async () => {
    const adapter = adapterWithCache();
    const cold = await view(adapter, '1234');
    expect(cold.rounds).toHaveLength(2);
    expect(cold.requests).toBe(10);
    const warm = await view(adapter, '1234');
    expect(warm.rounds).toEqual([sorted(RECORD('1234')), sorted([participantsPath('1234', 100), activitiesPath('1234', 'eyJpZCI6ODAyfQ')])]);
    expect(warm.requests).toBe(6);
    expect(warm.deal.stakeholders).toHaveLength(128);
    expect(warm.deal.accountName).toBe('Initrode GmbH');
  });

  it('another deal of a warm company: its owner comes from the cached user list (1 round, was 3)', async () => {
    const adapter = adapterWithCache();
    await view(adapter, '1234');
    const won = await view(adapter, '1240');
    expect(won.rounds).toEqual([sorted(RECORD('1240'))]);
    expect(won.deal).toMatchObject({ owner: { id: '11002', name: 'Jan Roth' }, stage: { name: 'Verhandlung', category: 'won' } });
  });

  it('a stage the cached list does not know: that stage is read once in round 2; the cache learns it', async () => {
    const adapter = adapterWithCache();
    await view(adapter, '1234', company({ stagesPage1Only: true }));
    const won = await view(adapter, '1240');
    expect(won.rounds).toEqual([sorted(RECORD('1240')), [stagePath('14')]]);
    expect(won.deal.stage).toEqual({ name: 'Verhandlung', category: 'won', order: 2 });
    expect((await view(adapter, '1240')).rounds).toHaveLength(1);
  });

  it('without a cache every view is cold', async () => {
    const adapter = createPipedriveAdapter();
    await view(adapter, '1240');
    expect((await view(adapter, '1240')).rounds[0]).toContain(USERS_PATH);
  });
});

describe('pipedrive history with the metadata cache', () => {
  it('reads stages and users alongside the deals when cold, only the deals when warm', async () => {
    const adapter = adapterWithCache();
    const run = async () => {
      const recorded = recordedIo(company());
      const deals = await adapter.readHistory(ref('1234'), { ownerId: '11001', teamOwnerIds: ['11002'], since: '2025-01-01' }, recorded.io);
      expect(recorded.missing).toEqual([]);
      return { deals, urls: recorded.requests.map((r) => r.url.replace(BASE, '')) };
    };
    const cold = await run();
    expect(cold.urls).toHaveLength(6);
    const warm = await run();
    expect(warm.urls).toEqual([ownerDealsPath('11001'), ownerDealsPath('11001', 'eyJpZCI6MjAwMn0'), ownerDealsPath('11002')]);
    expect(warm.deals).toEqual(cold.deals);
    expect(warm.deals.map((d) => d.owner.name)).toEqual(['Mia Schulz', 'Mia Schulz', 'Jan Roth']);
  });
});
