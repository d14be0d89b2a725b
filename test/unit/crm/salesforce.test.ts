import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CrmError } from '../../../lib/crm/types';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { createSalesforceAdapter, createUsageGuard, matchSalesforce, parseLimitInfo } from '../../../lib/crm/salesforce';
import { toId18 } from '../../../lib/crm/salesforce/match';
import { historySoql, queryPath, recordViewSubrequests } from '../../../lib/crm/salesforce/queries';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/salesforce/${name}`, import.meta.url), 'utf8'));

const HOST = 'globex.my.salesforce.com';
const BASE = `https://${HOST}`;
const V = '/services/data/v62.0';
const OPP = '0065g00000Q7kLmAAJ';
const USER = '0055g00000Ab1CdAAJ';
const NOW = new Date('2026-01-25T12:00:00Z');
const adapter = createSalesforceAdapter({ now: () => NOW });
const ref = (id: string) => ({ crm: 'salesforce', instance: HOST, id, url: `https://globex.lightning.force.com/lightning/r/Opportunity/${id}/view` });

const composite = (file: string, status = 200): Recording => ({
  method: 'POST',
  url: `${BASE}${V}/composite`,
  status,
  headers: { 'Sforce-Limit-Info': 'api-usage=1200/15000' },
  body: fixture(file),
});

describe('salesforce matches()', () => {
  it('recognises Lightning opportunity pages in production, sandboxes and partitioned orgs', () => {
    expect(matchSalesforce(`https://globex.lightning.force.com/lightning/r/Opportunity/${OPP}/view`)).toEqual({
      crm: 'salesforce',
      instance: 'globex.my.salesforce.com',
      id: OPP,
      url: `https://globex.lightning.force.com/lightning/r/Opportunity/${OPP}/view`,
    });
    expect(matchSalesforce(`https://globex--uat.sandbox.lightning.force.com/lightning/r/Opportunity/${OPP}/view`)?.instance).toBe('globex--uat.sandbox.my.salesforce.com');
    expect(matchSalesforce(`https://globex-dev-ed.develop.lightning.force.com/lightning/r/Opportunity/${OPP}/view`)?.instance).toBe('globex-dev-ed.develop.my.salesforce.com');
    expect(matchSalesforce(`https://fun-app-1234.scratch.lightning.force.com/lightning/r/opportunity/${OPP}/view/`)?.instance).toBe('fun-app-1234.scratch.my.salesforce.com');
  });

  it('takes the 15-character id, object-less paths with the 006 prefix and console query strings', () => {
    expect(matchSalesforce('https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000Q7kLm/view')?.id).toBe(OPP);
    expect(matchSalesforce(`https://globex.lightning.force.com/lightning/r/${OPP}/view`)?.id).toBe(OPP);
    expect(matchSalesforce(`https://globex.lightning.force.com/lightning/r/Opportunity/${OPP}/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000Zx9YwAAJ%2Fview`)?.id).toBe(OPP);
    expect(toId18('0065g00000Q7kLm')).toBe(OPP);
  });

  it('refuses other objects, other paths and look-alike or proxied hosts', () => {
    const no = [
      'https://globex.lightning.force.com/lightning/r/Account/0015g00000Zx9YwAAJ/view',
      'https://globex.lightning.force.com/lightning/r/0015g00000Zx9YwAAJ/view', // no object, not 006
      `https://globex.lightning.force.com/lightning/r/Opportunity/${OPP}/related/OpportunityContactRoles/view`,
      `https://globex.lightning.force.com/lightning/o/Opportunity/list`,
      `http://globex.lightning.force.com/lightning/r/Opportunity/${OPP}/view`,
      `https://globex.lightning.force.com.evil.com/lightning/r/Opportunity/${OPP}/view`,
      `https://globex.lightning.force.com.mcas.ms/lightning/r/Opportunity/${OPP}/view`,
      `https://evil.com/globex.lightning.force.com/lightning/r/Opportunity/${OPP}/view`,
      `https://globex.uat.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, // not a partition
      `https://globex.sandbox.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, // sandbox without --name
      `https://lightning.force.com/lightning/r/Opportunity/${OPP}/view`,
      `https://globex.my.salesforce.com/${OPP}`,
      `https://globex.lightning.force.com:8443/lightning/r/Opportunity/${OPP}/view`,
      'not a url',
    ];
    for (const url of no) expect(matchSalesforce(url), url).toBeNull();
  });
});

describe('salesforce readDeal()', () => {
  it('reads one record view in one Composite call (plus the second batch of a long list)', async () => {
    const { io, requests, missing } = recordedIo([
      composite('composite-open.json'),
      { url: `${BASE}${V}/query/01gRO0000016PIAYA2-2000`, body: fixture('query-tasks-page2.json') },
    ]);
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(missing).toEqual([]);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${BASE}${V}/composite`, `GET ${BASE}${V}/query/01gRO0000016PIAYA2-2000`]);
    const body = requests[0]!.body as { allOrNone: boolean; compositeRequest: { method: string; url: string }[] };
    expect(body.allOrNone).toBe(false);
    expect(body.compositeRequest).toEqual(recordViewSubrequests(OPP));
    expect(body.compositeRequest.every((s) => s.method === 'GET')).toBe(true);
    expect(body.compositeRequest.filter((s) => s.url.includes('/query/')).length).toBeLessThanOrEqual(5);

    expect(deal.ref).toEqual(ref(OPP));
    expect(deal.name).toBe('Globex – Platform renewal');
    expect(deal.accountName).toBe('Globex Corporation');
    expect(deal.owner).toEqual({ id: USER, name: 'Dana Rep' });
    expect(deal.amount).toBeNull();
    expect(deal.currency).toBe('USD');
    expect(deal.stage).toEqual({ name: 'Proposal/Price Quote', category: 'open' });
    expect(deal.probability).toBe(0.75);
    expect(deal.forecastCategory).toBe('Pipeline');
    expect(deal.nextStep).toBe('Security review with IT');
    expect(deal.createdAt).toBe('2025-10-02T14:05:11.000+0000');
    expect(deal.closeDate).toBe('2026-03-31');
    expect(deal.closedAt).toBeNull();
    expect(deal.isNewBusiness).toBe(true);
    expect(deal.fields).toMatchObject({ Budget_Confirmed__c: true, Economic_Buyer__c: null, Decision_Criteria__c: 'Uptime SLA, SSO, EU data residency', Amount: null, PushCount: 2 });
    expect(deal.fields).not.toHaveProperty('attributes');
  });

  it('maps contact roles to stakeholders with their strongest influence', async () => {
    const { io } = recordedIo([composite('composite-open.json'), { url: `${BASE}${V}/query/01gRO0000016PIAYA2-2000`, body: fixture('query-tasks-page2.json') }]);
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(deal.stakeholders).toEqual([
      { id: '0035g00000Ct001AAB', name: 'Priya Natarajan', title: 'CFO', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: true },
      { id: '0035g00000Ct002AAB', name: 'Marco Bianchi', title: 'Head of IT', roles: ['Technical Buyer', 'Influencer'], influence: 'influencer', isPrimary: false },
      { id: '0035g00000Ct003AAB', name: 'Lena Vogel', title: 'COO', roles: ['Executive Sponsor'], influence: 'champion', isPrimary: false },
      { id: '0035g00000Ct004AAB', name: 'Contact you cannot see', title: null, roles: [], influence: 'other', isPrimary: false },
    ]);
  });

  it('reads calls, emails, tasks and meetings, and pushes from the stage history', async () => {
    const { io } = recordedIo([composite('composite-open.json'), { url: `${BASE}${V}/query/01gRO0000016PIAYA2-2000`, body: fixture('query-tasks-page2.json') }]);
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(deal.activities.map((a) => [a.kind, a.at, a.done, a.stakeholderIds])).toEqual([
      ['call', '2025-10-21T15:00:00.000+0000', true, ['0035g00000Ct001AAB']],
      ['meeting', '2025-11-05T14:00:00.000+0000', true, ['0035g00000Ct002AAB']],
      ['email', '2026-01-12T08:30:00.000+0000', true, ['0035g00000Ct002AAB']],
      ['task', '2026-02-01', false, ['0035g00000Ct002AAB']],
      ['meeting', '2026-02-10T14:00:00.000+0000', false, ['0035g00000Ct001AAB']],
    ]);
    expect(deal.history).toEqual({
      tracked: true,
      closeDateChanges: [
        { at: '2025-11-28T16:30:00.000+0000', from: '2025-12-15', to: '2026-01-31' },
        { at: '2026-01-10T10:00:00.000+0000', from: '2026-01-31', to: '2026-03-31' },
      ],
      stageChanges: [
        { at: '2025-10-20T09:00:00.000+0000', from: 'Prospecting', to: 'Qualification' },
        { at: '2026-01-10T10:00:00.000+0000', from: 'Qualification', to: 'Proposal/Price Quote' },
      ],
    });
  });

  it('takes the stage category from IsClosed/IsWon, not from a German stage label', async () => {
    const { io, requests } = recordedIo([composite('composite-won-de.json')]);
    const deal = await adapter.readDeal(ref('0065g00000Q7kWnAAJ'), io);
    expect(requests).toHaveLength(1);
    expect(deal.stage).toEqual({ name: 'Geschlossen und gewonnen', category: 'won' });
    expect(deal.amount).toBe(125000);
    expect(deal.currency).toBe('EUR');
    expect(deal.closedAt).toBe('2025-12-19');
    expect(deal.isNewBusiness).toBe(false);
    expect(deal.stakeholders).toEqual([]);
    // OpportunityHistory was refused: no history is known, which is not the same as "never pushed".
    expect(deal.history).toEqual({ tracked: false, closeDateChanges: [], stageChanges: [] });
  });

  it('keeps all 60 contacts of a big buying group and a lost deal with its amount', async () => {
    const { io } = recordedIo([composite('composite-many-contacts.json')]);
    const deal = await adapter.readDeal(ref('0065g00000Q7kMyAAJ'), io);
    expect(deal.stakeholders).toHaveLength(60);
    expect(deal.stakeholders.filter((s) => s.isPrimary)).toHaveLength(1);
    expect(new Set(deal.stakeholders.map((s) => s.influence))).toEqual(new Set(['user', 'evaluator', 'influencer', 'other']));
    expect(deal.stage.category).toBe('lost');
    expect(deal.amount).toBe(480000);
    expect(deal.accountName).toBeNull();
    expect(deal.isNewBusiness).toBeNull();
    expect(deal.history.stageChanges).toEqual([{ at: '2025-11-30T17:00:00.000+0000', from: 'Prospecting', to: 'Closed Lost' }]);
  });

  it('maps errors to plain words, with the admin fix for API access problems', async () => {
    const cases: [Recording, string, RegExp][] = [
      [composite('error-invalid-session.json', 401), 'session-expired', /Reload your Salesforce tab[\s\S]*API Access Control/],
      [composite('error-request-limit.json', 403), 'rate-limited', /API request limit/],
      [composite('error-api-disabled.json', 403), 'forbidden', /Admin fix: .*API Enabled/],
      [composite('composite-not-found.json'), 'not-found', /could not find this opportunity/],
      [{ ...composite('error-invalid-session.json'), status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }] }, 'server', /HTTP 503/],
      [{ ...composite('error-invalid-session.json'), status: 200, body: '<html>login</html>' }, 'malformed', /not JSON/],
    ];
    for (const [rec, kind, words] of cases) {
      const { io } = recordedIo([rec]);
      const error = await adapter.readDeal(ref(OPP), io).catch((e: unknown) => e);
      expect(error, kind).toBeInstanceOf(CrmError);
      expect((error as CrmError).kind, (error as CrmError).message).toBe(kind);
      expect((error as CrmError).message).toMatch(words);
    }
  });

  it('reads unreadable dates and negative amounts as unknown, not as values', async () => {
    const odd = structuredClone(fixture('composite-won-de.json')) as { compositeResponse: { body: Record<string, unknown> }[] };
    Object.assign(odd.compositeResponse[0]!.body, { Amount: -5, CreatedDate: 'yesterday', CloseDate: '2025-02-30', Probability: 140 });
    const { io } = recordedIo([{ ...composite('composite-won-de.json'), body: odd }]);
    const deal = await adapter.readDeal(ref('0065g00000Q7kWnAAJ'), io);
    expect([deal.amount, deal.createdAt, deal.closeDate, deal.probability]).toEqual([null, null, null, null]);
  });

  it('names what could not be read when the payload is not a deal', async () => {
    const broken = structuredClone(fixture('composite-won-de.json')) as { compositeResponse: { body: Record<string, unknown> }[] };
    delete broken.compositeResponse[0]!.body.Name;
    delete broken.compositeResponse[0]!.body.StageName;
    const { io } = recordedIo([{ ...composite('composite-won-de.json'), body: broken }]);
    const error = (await adapter.readDeal(ref('0065g00000Q7kWnAAJ'), io).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('Salesforce sent a record we could not read (name, stage).');
  });

  it('turns a failing network into offline, never an exception the page sees', async () => {
    const error = await adapter.readDeal(ref(OPP), async () => Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
    expect((error as CrmError).kind).toBe('offline');
  });
});

describe('salesforce readHistory()', () => {
  const owners = { ownerId: USER, teamOwnerIds: ['0055g00000Ab2EfAAJ'], since: '2025-01-01' };
  const first = `${BASE}${queryPath(historySoql([USER, '0055g00000Ab2EfAAJ'], '2025-01-01', true))}`;

  it('pages through nextRecordsUrl, including a long stage history subquery', async () => {
    const { io, requests, missing } = recordedIo([
      { url: first, body: fixture('history-page1.json') },
      { url: `${BASE}${V}/query/01gRO0000016PIAYA2-2000`, body: fixture('history-page2.json') },
      { url: `${BASE}${V}/query/01gRO0000016PIAYA3-200`, body: fixture('history-child-page2.json') },
    ]);
    const deals = await adapter.readHistory(ref(OPP), owners, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(3);
    expect(decodeURIComponent(requests[0]!.url)).toContain("WHERE OwnerId IN ('0055g00000Ab1CdAAJ', '0055g00000Ab2EfAAJ') AND (CreatedDate >= 2025-01-01T00:00:00Z OR CloseDate >= 2025-01-01)");
    expect(deals.map((d) => [d.name, d.stage.category, d.amount, d.currency])).toEqual([
      ['Deal 1', 'won', 10000, 'USD'],
      ['Deal 2', 'lost', null, 'USD'],
      ['Deal 3', 'open', 30000, 'EUR'],
    ]);
    expect(deals[0]!.history.closeDateChanges).toEqual([{ at: '2025-01-20T09:00:00.000+0000', from: '2025-02-01', to: '2025-02-15' }]);
    expect(deals[0]!.closedAt).toBe('2025-02-15');
    expect(deals[0]!.ref.url).toBe('https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000Hy001AAB/view'.replace('AAB', deals[0]!.ref.id.slice(15)));
    expect(deals[1]!.history).toEqual({ tracked: true, closeDateChanges: [], stageChanges: [] });
    expect(deals[2]!.history.closeDateChanges.map((c) => c.to)).toEqual(['2026-02-28', '2026-04-30']);
    expect(deals[2]!.history.stageChanges).toEqual([{ at: '2025-09-01T09:00:00.000+0000', from: 'Prospecting', to: 'Negotiation/Review' }]);
  });

  it('retries without CurrencyIsoCode in a single-currency org', async () => {
    const { io, requests } = recordedIo([
      { url: first, status: 400, body: fixture('error-invalid-field-currency.json') },
      { url: `${BASE}${queryPath(historySoql([USER, '0055g00000Ab2EfAAJ'], '2025-01-01', false))}`, body: fixture('history-single-currency.json') },
    ]);
    const deals = await adapter.readHistory(ref(OPP), owners, io);
    expect(requests).toHaveLength(2);
    expect(deals).toHaveLength(1);
    expect(deals[0]!.currency).toBeNull();
  });
});

describe('salesforce whoAmI()', () => {
  it('reads the user from UserInfo and the team from User.ManagerId', async () => {
    const { io, requests } = recordedIo([
      { url: `${BASE}/services/oauth2/userinfo`, body: fixture('userinfo.json') },
      { url: `${BASE}${queryPath(`SELECT Id FROM User WHERE ManagerId = '${USER}' AND IsActive = true`)}`, body: fixture('query-reports.json') },
    ]);
    expect(await adapter.whoAmI(ref(OPP), io)).toEqual({ id: USER, name: 'Dana Rep', teamOwnerIds: ['0055g00000Ab2EfAAJ', '0055g00000Ab3GhAAJ'] });
    expect(requests).toHaveLength(2);
  });
});

describe('salesforce API usage (Sforce-Limit-Info)', () => {
  it('parses the header', () => {
    expect(parseLimitInfo('api-usage=1200/15000', 0)).toEqual({ used: 1200, max: 15000, share: 0.08, at: 0 });
    expect(parseLimitInfo('api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)', 0)?.used).toBe(25);
    expect(parseLimitInfo(null, 0)).toBeNull();
    expect(parseLimitInfo('per-app-api-usage=17/250', 0)).toBeNull();
  });

  it('reports usage on every response and pauses above the threshold, probing again later', async () => {
    let t = 0;
    const seen: number[] = [];
    const guard = createUsageGuard({ threshold: 0.8, probeEveryMs: 1000, now: () => t, onUsage: (u) => seen.push(u.used) });
    let usage = 'api-usage=12000/15000';
    let calls = 0;
    const io = guard.wrap(async () => {
      calls++;
      return { status: 200, headers: { 'sforce-limit-info': usage }, body: {} };
    });
    await io(`${BASE}/x`);
    expect(guard.last()?.share).toBe(0.8);
    const paused = await io(`${BASE}/x`).catch((e: unknown) => e); // probe allowed once
    expect(paused).toEqual({ status: 200, headers: { 'sforce-limit-info': usage }, body: {} });
    const refused = await io(`${BASE}/x`).catch((e: unknown) => e);
    expect((refused as CrmError).kind).toBe('rate-limited');
    expect((refused as CrmError).message).toMatch(/80% of its daily API calls \(12,000 of 15,000\)/);
    expect(calls).toBe(2);
    t = 2000;
    usage = 'api-usage=9000/15000';
    await io(`${BASE}/x`);
    await io(`${BASE}/x`);
    expect(calls).toBe(4);
    expect(seen).toEqual([12000, 12000, 9000, 9000]);
  });
});
