import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CrmError } from '../../../lib/crm/types';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { countRounds } from '../../../lib/crm/shared/rounds';
import { createPipedriveAdapter, matchPipedrive } from '../../../lib/crm/pipedrive';
import { activitiesPath, changelogPath, dealPath, ME_PATH, organizationPath, ownerDealsPath, participantsPath, stagesPath, teamsOfUserPath, USERS_PATH } from '../../../lib/crm/pipedrive/queries';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/pipedrive/${name}`, import.meta.url), 'utf8'));

const BASE = 'https://acme.pipedrive.com';
const adapter = createPipedriveAdapter();
const ref = (id: string) => ({ crm: 'pipedrive', instance: 'acme.pipedrive.com', id, url: `${BASE}/deal/${id}` });
const at = (path: string, file: string, status = 200): Recording => ({ url: `${BASE}${path}`, status, body: fixture(file) });
const CUSTOM = '8d5f9a2e6b1c4f7a0e3d9b2c5a8f1e4d7b0c3a6e';
const MONEY = 'a3c1e5f7b9d2a4c6e8f0b1d3c5e7a9f2b4d6c8e0';

function openDeal(): Recording[] {
  return [
    at(dealPath('1234'), 'deal-open.json'),
    at(participantsPath('1234'), 'participants-page1.json'),
    at(participantsPath('1234', 100), 'participants-page2.json'),
    at(activitiesPath('1234'), 'activities-page1.json'),
    at(activitiesPath('1234', 'eyJpZCI6ODAyfQ'), 'activities-page2.json'),
    at(changelogPath('1234'), 'changelog.json'),
    at(stagesPath(), 'stages-page1.json'),
    at(stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), 'stages-page2.json'),
    at(USERS_PATH, 'users.json'),
    at(organizationPath('301'), 'organization.json'),
  ];
}

describe('pipedrive matches()', () => {
  it('recognises deal pages on company domains', () => {
    expect(matchPipedrive(`${BASE}/deal/1234`)).toEqual(ref('1234'));
    expect(matchPipedrive('https://acme-sales.pipedrive.com/deal/1234/?tab=activity#x')).toMatchObject({ instance: 'acme-sales.pipedrive.com', id: '1234' });
  });

  it('refuses other pages, non-company hosts and look-alikes', () => {
    const no = [
      `${BASE}/person/1234`,
      `${BASE}/pipeline/1/user/everyone`,
      `${BASE}/deal/abc`,
      'https://app.pipedrive.com/deal/1234',
      'https://api.pipedrive.com/deal/1234',
      'https://acme.pipedrive.com.evil.com/deal/1234',
      'https://evil.com/acme.pipedrive.com/deal/1234',
      'http://acme.pipedrive.com/deal/1234',
      'https://pipedrive.com/deal/1234',
    ];
    for (const url of no) expect(matchPipedrive(url), url).toBeNull();
  });
});

describe('pipedrive readDeal()', () => {
  it('reads a cold record view with the exact requests, paging v1 offsets and v2 cursors, each follow-up as soon as it can go', async () => {
    const { io: recorded, requests, missing } = recordedIo(openDeal());
    const { io, rounds } = countRounds(recorded);
    await adapter.readDeal(ref('1234'), io);
    expect(missing).toEqual([]);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
    const path = (line: string) => line.replace(`GET ${BASE}`, '');
    expect(rounds.map((r) => r.map(path))).toEqual([
      [dealPath('1234'), participantsPath('1234'), activitiesPath('1234'), changelogPath('1234'), stagesPath(), USERS_PATH],
      // Further pages, and the organization's name (v2 deals carry its id only); the owner's name came with the user list.
      [participantsPath('1234', 100), activitiesPath('1234', 'eyJpZCI6ODAyfQ'), stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), organizationPath('301')],
    ]);
  });

  it('maps the deal: value 0 is unknown, status gives the category, custom fields by key', async () => {
    const deal = await adapter.readDeal(ref('1234'), recordedIo(openDeal()).io);
    expect(deal).toMatchObject({
      name: 'Initrode – Fleet tracking',
      accountName: 'Initrode GmbH',
      owner: { id: '11001', name: 'Mia Schulz' },
      amount: null,
      currency: 'EUR',
      stage: { name: 'Demo Scheduled', category: 'open', order: 3 },
      probability: 0.4, // from the stage, the deal has none of its own
      createdAt: '2025-10-06T08:00:00Z',
      closeDate: '2026-03-31',
      closedAt: null,
    });
    expect(deal.fields).toMatchObject({ value: 0, status: 'open', [CUSTOM]: 'Yes', [MONEY]: 2300, [`${MONEY}_currency`]: 'EUR', c7e9a1b3d5f7c9e1a3b5d7f9e1c3a5b7d9f1e3a5: null, f2d4b6a8c0e2f4d6b8a0c2e4f6d8b0a2c4e6f8d0: '11,12' });
  });

  it('maps 128 participants (no roles in Pipedrive), activities with participants, and pushes from the changelog', async () => {
    const deal = await adapter.readDeal(ref('1234'), recordedIo(openDeal()).io);
    expect(deal.stakeholders).toHaveLength(128); // one removed participant left out
    expect(deal.stakeholders[0]).toEqual({ id: '501', name: 'Hannah Becker', title: 'Head of Logistics', roles: [], influence: 'other', isPrimary: true });
    expect(deal.stakeholders[1]).toMatchObject({ id: '502', isPrimary: false });
    expect(deal.activities.map((a) => [a.id, a.kind, a.at, a.done, a.stakeholderIds])).toEqual([
      ['801', 'call', '2025-10-08T09:35:00Z', true, ['501']],
      ['802', 'meeting', '2025-11-20T16:00:00Z', true, ['502', '501']],
      ['803', 'email', '2026-01-09T11:00:00Z', true, ['501']],
      ['804', 'meeting', '2026-02-04T10:00:00Z', false, ['501']],
      ['805', 'task', '2026-02-15', false, []],
    ]);
    expect(deal.history).toEqual({
      tracked: true,
      closeDateChanges: [
        { at: '2025-12-15T17:30:00Z', from: '2025-12-19', to: '2026-02-27' },
        { at: '2026-01-20T09:00:00Z', from: '2026-02-27', to: '2026-03-31' },
      ],
      stageChanges: [
        { at: '2025-10-20T12:00:00Z', from: 'Qualified', to: 'Contact Made' },
        { at: '2026-01-08T10:00:00Z', from: 'Contact Made', to: 'Demo Scheduled' },
      ],
    });
  });

  it('takes won from status with a German stage name; no people, no organization; untracked without changelog', async () => {
    const { io, requests } = recordedIo([
      at(dealPath('1240'), 'deal-won-de.json'),
      at(participantsPath('1240'), 'participants-empty.json'),
      at(activitiesPath('1240'), 'activities-empty.json'),
      at(changelogPath('1240'), 'error-403.json', 403),
      at(stagesPath(), 'stages-page1.json'),
      at(stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), 'stages-page2.json'),
      at(USERS_PATH, 'users.json'),
    ]);
    const deal = await adapter.readDeal(ref('1240'), io);
    expect(requests).toHaveLength(7);
    expect(deal.stage).toEqual({ name: 'Verhandlung', category: 'won', order: 2 });
    expect(deal.amount).toBe(64000);
    expect(deal.closedAt).toBe('2025-12-18T15:04:05Z');
    expect(deal.owner).toEqual({ id: '11002', name: 'Jan Roth' });
    expect(deal.accountName).toBeNull();
    expect(deal.stakeholders).toEqual([]);
    expect(deal.history).toEqual({ tracked: false, closeDateChanges: [], stageChanges: [] });
  });

  it('maps token, permission, missing deal and rate-limit errors', async () => {
    const cases: [number, string, string, RegExp][] = [
      [401, 'error-401.json', 'not-configured', /API token[\s\S]*Options/],
      [403, 'error-403.json', 'forbidden', /permissions/],
      [404, 'error-404.json', 'not-found', /could not find this deal/],
      [429, 'error-429.json', 'rate-limited', /slow down/],
    ];
    for (const [status, file, kind, words] of cases) {
      const recs = openDeal();
      recs[0] = at(dealPath('1234'), file, status);
      const error = (await adapter.readDeal(ref('1234'), recordedIo(recs).io).catch((e: unknown) => e)) as CrmError;
      expect(error.kind, error.message).toBe(kind);
      expect(error.message).toMatch(words);
    }
  });
});

describe('pipedrive readHistory()', () => {
  it('reads each owner’s deals to the last cursor and keeps those created or closed since the date', async () => {
    const { io, requests, missing } = recordedIo([
      at(stagesPath(), 'stages-page1.json'),
      at(stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), 'stages-page2.json'),
      at(USERS_PATH, 'users.json'),
      at(ownerDealsPath('11001'), 'deals-owner-11001-page1.json'),
      at(ownerDealsPath('11001', 'eyJpZCI6MjAwMn0'), 'deals-owner-11001-page2.json'),
      at(ownerDealsPath('11002'), 'deals-owner-11002.json'),
    ]);
    const deals = await adapter.readHistory(ref('1234'), { ownerId: '11001', teamOwnerIds: ['11002'], since: '2025-01-01' }, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(6);
    expect(deals.map((d) => [d.ref.id, d.stage.category, d.amount, d.owner.name, d.closedAt, d.history.tracked])).toEqual([
      ['2001', 'won', 20000, 'Mia Schulz', '2025-03-14T10:00:00Z', false],
      // 2002 was lost in 2024: left out
      ['2003', 'open', 40000, 'Mia Schulz', null, false],
      ['2101', 'lost', 15000, 'Jan Roth', '2025-05-02T10:00:00Z', false],
    ]);
    expect(deals[0]!.ref.url).toBe(`${BASE}/deal/2001`);
  });
});

describe('pipedrive whoAmI()', () => {
  it('reads users/me and the teams the user manages', async () => {
    const { io } = recordedIo([at(ME_PATH, 'users-me.json'), at(teamsOfUserPath('11001'), 'legacy-teams-user.json')]);
    expect(await adapter.whoAmI(ref('1234'), io)).toEqual({ id: '11001', name: 'Mia Schulz', teamOwnerIds: ['11002', '11003'] });
  });

  it('has no team when the plan has no teams', async () => {
    const { io } = recordedIo([at(ME_PATH, 'users-me.json'), at(teamsOfUserPath('11001'), 'error-403.json', 403)]);
    expect(await adapter.whoAmI(ref('1234'), io)).toEqual({ id: '11001', name: 'Mia Schulz', teamOwnerIds: [] });
  });
});
