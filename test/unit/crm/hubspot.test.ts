import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/types';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { createHubSpotAdapter, hubspotPortalOf, listHubSpotOwners, matchHubSpot } from '../../../lib/crm/hubspot';
import {
  associationBatchPath,
  associationsPath,
  batchReadPath,
  companyPath,
  DEAL_PROPERTIES_PATH,
  dealPath,
  historySearchBody,
  ownerPath,
  PIPELINES_PATH,
  SEARCH_DEALS_PATH,
} from '../../../lib/crm/hubspot/queries';
import { API, DEAL, DEAL_WON, fixture, INSTANCE, post, ref } from './hubspot-recordings';

const NOW = new Date('2026-01-25T12:00:00Z');
const adapter = createHubSpotAdapter({ now: () => NOW, userEmail: () => 'riley.chen@contoso-sales.example' });
const cid = (i: number) => String(701000 + i);
const inputsOf = (b: unknown) => (b as { inputs: { id: string }[] }).inputs.map((i) => i.id);

function openDeal(): Recording[] {
  return [
    { url: `${API}${dealPath(DEAL)}`, body: fixture('deal-open.json') },
    { url: `${API}${DEAL_PROPERTIES_PATH}`, body: fixture('properties-deals.json') },
    { url: `${API}${PIPELINES_PATH}`, body: fixture('pipelines-deals.json') },
    { url: `${API}${associationsPath(DEAL, 'contacts')}`, body: fixture('deal-contacts-page1.json') },
    { url: `${API}${associationsPath(DEAL, 'contacts', 'NTA%3D')}`, body: fixture('deal-contacts-page2.json') },
    { url: `${API}${associationsPath(DEAL, 'emails')}`, body: fixture('deal-emails.json') },
    post(batchReadPath('deals'), 'batch-deal-custom.json'),
    post(batchReadPath('contacts'), 'batch-contacts.json'),
    { url: `${API}${companyPath('5123401')}`, body: fixture('company.json') },
    { url: `${API}${ownerPath('81234567')}`, body: fixture('owner.json') },
    post(batchReadPath('calls'), 'batch-calls.json'),
    post(batchReadPath('meetings'), 'batch-meetings.json'),
    post(batchReadPath('emails'), 'batch-emails.json'),
    post(batchReadPath('tasks'), 'batch-tasks.json'),
    post(associationBatchPath('calls', 'contacts'), 'assoc-calls-contacts.json'),
    post(associationBatchPath('meetings', 'contacts'), 'assoc-meetings-contacts.json'),
    post(associationBatchPath('emails', 'contacts'), 'assoc-emails-contacts.json'),
  ];
}

describe('hubspot matches()', () => {
  it('recognises deal records on app and app-eu1, new and older URL shapes', () => {
    expect(matchHubSpot(`https://app.hubspot.com/contacts/20417345/record/0-3/${DEAL}`)).toEqual(ref(DEAL));
    expect(matchHubSpot(`https://app-eu1.hubspot.com/contacts/143641506/record/0-3/${DEAL}/view/1?interaction=note`)).toMatchObject({ instance: 'api-eu1.hubapi.com/143641506', id: DEAL });
    expect(matchHubSpot(`https://app.hubspot.com/contacts/20417345/deal/${DEAL}/`)).toMatchObject({ instance: INSTANCE, id: DEAL });
    expect(hubspotPortalOf('https://app-eu1.hubspot.com/settings/143641506/integrations/private-apps')).toEqual({ apiHost: 'api-eu1.hubapi.com', portalId: '143641506' });
  });

  it('refuses contacts, companies, lists and look-alike hosts', () => {
    const no = [
      `https://app.hubspot.com/contacts/20417345/record/0-1/${DEAL}`,
      `https://app.hubspot.com/contacts/20417345/record/0-2/${DEAL}`,
      'https://app.hubspot.com/contacts/20417345/objects/0-3/views/all/list',
      `https://app.hubspot.com.evil.com/contacts/20417345/record/0-3/${DEAL}`,
      `https://evil.com/app.hubspot.com/contacts/20417345/record/0-3/${DEAL}`,
      `http://app.hubspot.com/contacts/20417345/record/0-3/${DEAL}`,
      `https://app-na9.hubspot.com/contacts/20417345/record/0-3/${DEAL}`,
      `https://app.hubspot.com/contacts/20417345/record/0-3/abc`,
    ];
    for (const url of no) expect(matchHubSpot(url), url).toBeNull();
  });
});

describe('hubspot readDeal()', () => {
  it('reads a record view in two rounds with the exact requests', async () => {
    const { io, requests, missing } = recordedIo(openDeal());
    await adapter.readDeal(ref(DEAL), io);
    expect(missing).toEqual([]);
    const lines = requests.map((r) => `${r.method} ${r.url.replace(API, '')}`);
    expect(lines.slice(0, 4)).toEqual([`GET ${dealPath(DEAL)}`, `GET ${DEAL_PROPERTIES_PATH}`, `GET ${PIPELINES_PATH}`, `GET ${associationsPath(DEAL, 'contacts')}`]);
    expect(new Set(lines.slice(4))).toEqual(
      new Set([
        `GET ${associationsPath(DEAL, 'contacts', 'NTA%3D')}`, // paging.next.after
        `GET ${associationsPath(DEAL, 'emails')}`, // the deal embedded only the first page of emails
        `POST ${batchReadPath('deals')}`,
        `POST ${batchReadPath('contacts')}`,
        `GET ${companyPath('5123401')}`,
        `GET ${ownerPath('81234567')}`,
        `POST ${batchReadPath('calls')}`,
        `POST ${batchReadPath('meetings')}`,
        `POST ${batchReadPath('emails')}`,
        `POST ${batchReadPath('tasks')}`,
        `POST ${associationBatchPath('calls', 'contacts')}`,
        `POST ${associationBatchPath('meetings', 'contacts')}`,
        `POST ${associationBatchPath('emails', 'contacts')}`,
      ]),
    );
    expect(requests).toHaveLength(17);
    expect(decodeURIComponent(requests[0]!.url)).toContain('propertiesWithHistory=closedate,dealstage&associations=companies,calls,meetings,emails,tasks');
    const custom = requests.find((r) => r.url.endsWith(batchReadPath('deals')))!.body as { properties: string[]; inputs: { id: string }[] };
    expect(custom).toEqual({ properties: ['description', 'hs_priority', 'num_associated_contacts', 'budget_confirmed', 'economic_buyer_identified', 'decision_criteria', 'paper_process'], inputs: [{ id: DEAL }] });
    expect(inputsOf(requests.find((r) => r.url.endsWith(batchReadPath('contacts')))!.body)).toHaveLength(62);
    expect(inputsOf(requests.find((r) => r.url.endsWith(batchReadPath('emails')))!.body)).toEqual(['62001', '62002']);
  });

  it('maps the deal: unknown amount, stage from the pipeline, custom properties, owner and company', async () => {
    const deal = await adapter.readDeal(ref(DEAL), recordedIo(openDeal()).io);
    expect(deal).toMatchObject({
      name: 'Northwind – Analytics suite',
      accountName: 'Northwind Traders',
      owner: { id: '81234567', name: 'Riley Chen' },
      amount: null,
      currency: 'EUR',
      stage: { name: 'Presentation Scheduled', category: 'open', order: 2 },
      probability: 0.6,
      forecastCategory: 'BEST_CASE',
      nextStep: 'Pricing call with procurement',
      createdAt: '2025-10-14T08:21:03.114Z',
      closeDate: '2026-03-31',
      closedAt: null,
      isNewBusiness: true,
    });
    expect(deal.fields).toMatchObject({ dealname: 'Northwind – Analytics suite', amount: null, budget_confirmed: 'true', economic_buyer_identified: 'false', decision_criteria: 'SSO, EU hosting', paper_process: null });
  });

  it('turns association labels into roles for 62 contacts, and reads pushes from property history', async () => {
    const deal = await adapter.readDeal(ref(DEAL), recordedIo(openDeal()).io);
    expect(deal.stakeholders).toHaveLength(62);
    expect(deal.stakeholders.slice(0, 3)).toEqual([
      { id: cid(1), name: 'Grace Hopper', title: 'VP Finance', roles: ['Decision maker'], influence: 'decision-maker', isPrimary: null },
      { id: cid(2), name: 'Alan Kay', title: 'Head of Data', roles: ['Champion'], influence: 'champion', isPrimary: null },
      { id: cid(3), name: 'Ada Lovelace', title: 'CIO', roles: ['Budget holder', 'Technical evaluator'], influence: 'economic-buyer', isPrimary: null },
    ]);
    expect(deal.stakeholders[10]).toMatchObject({ name: 'First11', roles: [], influence: 'other' });
    expect(deal.stakeholders[61]).toMatchObject({ id: cid(62), name: 'Contact you cannot see' });
    expect(deal.history).toEqual({
      tracked: true,
      closeDateChanges: [
        { at: '2025-12-19T15:30:00.000Z', from: '2026-01-30', to: '2026-02-27' },
        { at: '2026-01-16T09:00:00.000Z', from: '2026-02-27', to: '2026-03-31' },
      ],
      stageChanges: [
        { at: '2025-11-04T13:45:00.000Z', from: 'Appointment Scheduled', to: 'Qualified To Buy' },
        { at: '2025-12-02T11:00:00.000Z', from: 'Qualified To Buy', to: 'Presentation Scheduled' },
      ],
    });
  });

  it('reads calls, meetings, emails and tasks with the contacts who took part', async () => {
    const deal = await adapter.readDeal(ref(DEAL), recordedIo(openDeal()).io);
    expect(deal.activities.map((a) => [a.id, a.kind, a.at, a.done, a.stakeholderIds])).toEqual([
      ['60001', 'call', '2025-10-20T14:00:00Z', true, [cid(1)]],
      ['61001', 'meeting', '2025-12-02T10:00:00Z', true, [cid(1), cid(3)]],
      ['62001', 'email', '2026-01-05T08:00:00Z', true, [cid(3)]],
      ['60002', 'call', '2026-01-10T09:30:00Z', false, [cid(2)]], // no answer
      ['62002', 'email', '2026-01-18T17:20:00Z', true, [cid(3), cid(4)]],
      ['63001', 'task', '2026-01-28T00:00:00Z', false, []],
      ['61002', 'meeting', '2026-02-03T15:00:00Z', false, [cid(2)]],
    ]);
  });

  it('takes won from the pipeline metadata with a German stage label; no contacts, no owner', async () => {
    const { io, requests } = recordedIo([
      { url: `${API}${dealPath(DEAL_WON)}`, body: fixture('deal-won-de.json') },
      { url: `${API}${DEAL_PROPERTIES_PATH}`, body: { results: [] } },
      { url: `${API}${PIPELINES_PATH}`, body: fixture('pipelines-deals.json') },
      { url: `${API}${associationsPath(DEAL_WON, 'contacts')}`, body: fixture('deal-contacts-empty.json') },
    ]);
    const deal = await adapter.readDeal(ref(DEAL_WON), io);
    expect(requests).toHaveLength(4); // nothing associated: no second round
    expect(deal.stage).toEqual({ name: 'Geschlossen und gewonnen', category: 'won', order: 2 });
    expect(deal.amount).toBe(98000);
    expect(deal.closedAt).toBe('2025-12-12T16:45:10.000Z');
    expect(deal.owner).toEqual({ id: '', name: 'No owner' });
    expect(deal.isNewBusiness).toBe(false);
    expect(deal.stakeholders).toEqual([]);
    expect(deal.history.stageChanges).toEqual([{ at: '2025-12-12T16:45:10.000Z', from: 'Angebot', to: 'Geschlossen und gewonnen' }]);
  });

  it('maps token, scope, rate-limit and not-found errors', async () => {
    const cases: [number, string, string, RegExp][] = [
      [401, 'error-401.json', 'not-configured', /private app token[\s\S]*Options/],
      [403, 'error-403-scopes.json', 'forbidden', /crm\.objects\.deals\.read/],
      [429, 'error-429.json', 'rate-limited', /slow down/],
      [404, 'error-404.json', 'not-found', /could not find this deal/],
    ];
    for (const [status, file, kind, words] of cases) {
      const recs = openDeal();
      recs[0] = { ...recs[0]!, status, body: fixture(file) };
      const error = (await adapter.readDeal(ref(DEAL), recordedIo(recs).io).catch((e: unknown) => e)) as CrmError;
      expect(error.kind, error.message).toBe(kind);
      expect(error.message).toMatch(words);
    }
  });
});

describe('hubspot readHistory()', () => {
  it('searches by owner and date, following paging.next.after to the end', async () => {
    const query = { ownerId: '81234567', teamOwnerIds: ['81234568'], since: '2025-01-01' };
    const { io, requests, missing } = recordedIo([
      { url: `${API}${PIPELINES_PATH}`, body: fixture('pipelines-deals.json') },
      { url: `${API}/crm/v3/owners?limit=500`, body: fixture('owners.json') },
      post(SEARCH_DEALS_PATH, 'search-page1.json', (b) => !(b as { after?: string }).after),
      post(SEARCH_DEALS_PATH, 'search-page2.json', (b) => (b as { after?: string }).after === '2'),
    ]);
    const deals = await adapter.readHistory(ref(DEAL), query, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(4);
    expect(requests[2]!.body).toEqual(historySearchBody(['81234567', '81234568'], '2025-01-01'));
    expect(requests[2]!.body).toMatchObject({
      filterGroups: [
        { filters: [{ propertyName: 'hubspot_owner_id', operator: 'IN', values: ['81234567', '81234568'] }, { propertyName: 'createdate', operator: 'GTE', value: '1735689600000' }] },
        { filters: [{ propertyName: 'hubspot_owner_id', operator: 'IN', values: ['81234567', '81234568'] }, { propertyName: 'closedate', operator: 'GTE', value: '1735689600000' }] },
      ],
      limit: 200,
    });
    expect(deals.map((d) => [d.ref.id, d.stage.name, d.stage.category, d.amount, d.owner.name, d.history.tracked])).toEqual([
      ['1001', 'Closed Won', 'won', 20000, 'Riley Chen', false],
      ['1002', 'Geschlossen und verloren', 'lost', null, 'Sam Ortiz', false],
      ['1003', 'Contract Sent', 'open', 40000, 'Riley Chen', false],
    ]);
    expect(deals[0]!.ref.url).toBe('https://app.hubspot.com/contacts/20417345/record/0-3/1001');
  });
});

describe('hubspot whoAmI()', () => {
  it('finds the user among owners by the email from options', async () => {
    const { io } = recordedIo([{ url: `${API}/crm/v3/owners?email=riley.chen%40contoso-sales.example&limit=1`, body: fixture('owners-by-email.json') }]);
    expect(await adapter.whoAmI(ref(DEAL), io)).toEqual({ id: '81234567', name: 'Riley Chen', teamOwnerIds: [] });
  });

  it('says what to configure when no email is set or it matches no owner', async () => {
    const none = createHubSpotAdapter({ userEmail: () => null });
    expect(((await none.whoAmI(ref(DEAL), recordedIo([]).io).catch((e: unknown) => e)) as CrmError).kind).toBe('not-configured');
    const { io } = recordedIo([{ url: `${API}/crm/v3/owners?email=riley.chen%40contoso-sales.example&limit=1`, body: fixture('owners-none.json') }]);
    const error = (await adapter.whoAmI(ref(DEAL), io).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('not-configured');
    expect(error.message).toMatch(/No HubSpot owner has the email/);
  });

  it('lists owners for the options picker', async () => {
    const { io } = recordedIo([{ url: `${API}/crm/v3/owners?limit=500`, body: fixture('owners.json') }]);
    expect(await listHubSpotOwners(INSTANCE, io)).toEqual([
      { id: '81234567', name: 'Riley Chen', email: 'riley.chen@contoso-sales.example' },
      { id: '81234568', name: 'Sam Ortiz', email: 'sam.ortiz@contoso-sales.example' },
    ]);
  });
});
