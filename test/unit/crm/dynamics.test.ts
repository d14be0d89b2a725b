import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CrmError } from '../../../lib/crm/types';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { createDynamicsAdapter, matchDynamics } from '../../../lib/crm/dynamics';
import { influenceFromRoles, influenceOf } from '../../../lib/crm/shared/influence';
import { activitiesPath, auditPath, connectionsPath, historyPath, opportunityPath, reportsPath, userPath, WHO_AM_I } from '../../../lib/crm/dynamics/queries';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/dynamics/${name}`, import.meta.url), 'utf8'));

const HOST = 'contoso.crm4.dynamics.com';
const ORIGIN = `https://${HOST}`;
const OPP = '5b7f3c1e-9a2d-ef11-8409-000d3a4bd123';
const OPP_WON = '8c1d2e3f-4a5b-ef11-8409-000d3a4bd456';
const USER = 'a1b2c3d4-0000-ef11-8409-000d3a4b0001';
const NOW = new Date('2026-01-25T12:00:00Z');
const adapter = createDynamicsAdapter({ now: () => NOW });
const ref = (id: string) => ({ crm: 'dynamics', instance: HOST, id, url: `${ORIGIN}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${id}` });
const contact = (n: number) => `0c0c${String(n).padStart(4, '0')}-2222-ef11-8409-000d3a4b0c${String(n % 100).padStart(2, '0')}`;

function recordView(id: string, files: { opp: string; conns: string[]; acts: string; audit: Recording['body'] | null; auditStatus?: number }): Recording[] {
  const recs: Recording[] = [
    { url: `${ORIGIN}${opportunityPath(id)}`, body: fixture(files.opp) },
    { url: `${ORIGIN}${connectionsPath(id)}`, body: fixture(files.conns[0]!) },
    { url: `${ORIGIN}${activitiesPath(id)}`, body: fixture(files.acts) },
    { url: `${ORIGIN}${auditPath(id)}`, status: files.auditStatus ?? 200, body: files.audit },
  ];
  if (files.conns[1]) {
    const next = (fixture(files.conns[0]!) as { '@odata.nextLink': string })['@odata.nextLink'];
    recs.push({ url: next, body: fixture(files.conns[1]) });
  }
  return recs;
}

describe('dynamics matches()', () => {
  it('recognises opportunity forms with any parameter order and id spelling', () => {
    const want = { crm: 'dynamics', instance: HOST, id: OPP };
    const yes = [
      `${ORIGIN}/main.aspx?appid=3c3f1f0a-1a6b-ef11-a670-000d3a2b1234&pagetype=entityrecord&etn=opportunity&id=${OPP}`,
      `${ORIGIN}/main.aspx?etn=opportunity&id=%7B${OPP.toUpperCase()}%7D&pagetype=entityrecord`,
      `${ORIGIN}/main.aspx?id={${OPP}}&etn=opportunity`,
      `${ORIGIN}/main.aspx?etc=3&id=%7b${OPP}%7d&pagetype=entityrecord`,
      `${ORIGIN}/main.aspx?forceUCI=1&pagetype=entityrecord&etn=opportunity&id=${OPP}&formid=abc`,
    ];
    for (const url of yes) expect(matchDynamics(url), url).toEqual({ ...want, url });
    expect(matchDynamics(`https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${OPP}`)?.instance).toBe('contoso.crm.dynamics.com');
    expect(matchDynamics(`https://contoso-dev.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${OPP}`)?.instance).toBe('contoso-dev.crm11.dynamics.com');
  });

  it('refuses other tables, lists, missing ids and look-alike hosts', () => {
    const no = [
      `${ORIGIN}/main.aspx?pagetype=entityrecord&etn=account&id=${OPP}`,
      `${ORIGIN}/main.aspx?pagetype=entitylist&etn=opportunity&viewid=${OPP}`,
      `${ORIGIN}/main.aspx?pagetype=entityrecord&etn=opportunity`,
      `${ORIGIN}/main.aspx?pagetype=entityrecord&etn=opportunity&id=not-a-guid`,
      `${ORIGIN}/main.aspx?etc=1&id=${OPP}`,
      `${ORIGIN}/apps/main.aspx?etn=opportunity&id=${OPP}`,
      `http://${HOST}/main.aspx?etn=opportunity&id=${OPP}`,
      `https://contoso.crm4.dynamics.com.evil.com/main.aspx?etn=opportunity&id=${OPP}`,
      `https://contoso.dynamics.com/main.aspx?etn=opportunity&id=${OPP}`,
      `https://contoso.crmx.dynamics.com/main.aspx?etn=opportunity&id=${OPP}`,
      `https://evil.com/main.aspx?etn=opportunity&id=${OPP}`,
    ];
    for (const url of no) expect(matchDynamics(url), url).toBeNull();
  });
});

describe('dynamics readDeal()', () => {
  const openView = () => recordView(OPP, { opp: 'opportunity-open.json', conns: ['connections-page1.json', 'connections-page2.json'], acts: 'activities.json', audit: fixture('audit.json') });

  it('reads one record view in one round of four GETs, plus the next page of a long list', async () => {
    const { io, requests, missing } = recordedIo(openView());
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(missing).toEqual([]);
    expect(requests.map((r) => r.url)).toEqual([
      `${ORIGIN}${opportunityPath(OPP)}`,
      `${ORIGIN}${connectionsPath(OPP)}`,
      `${ORIGIN}${activitiesPath(OPP)}`,
      `${ORIGIN}${auditPath(OPP)}`,
      (fixture('connections-page1.json') as { '@odata.nextLink': string })['@odata.nextLink'],
    ]);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
    expect(requests[0]!.headers).toMatchObject({ 'OData-Version': '4.0', Prefer: 'odata.include-annotations="*"' });
    expect(requests[1]!.headers.Prefer).toBe('odata.maxpagesize=500,odata.include-annotations="*"');
    expect(decodeURIComponent(requests[2]!.url)).toContain(`$filter=_regardingobjectid_value eq ${OPP}`);
    expect(decodeURIComponent(requests[3]!.url)).toBe(`${ORIGIN}/api/data/v9.2/RetrieveRecordChangeHistory(Target=@target)?@target={'@odata.id':'opportunities(${OPP})'}`);

    expect(deal.name).toBe('Contoso Pharma – CRM rollout');
    expect(deal.accountName).toBe('Contoso Pharmaceuticals');
    expect(deal.owner).toEqual({ id: USER, name: 'Jonas Weber' });
    expect(deal.amount).toBeNull();
    expect(deal.currency).toBe('EUR');
    expect(deal.stage).toEqual({ name: '2-Develop', category: 'open', order: 1 });
    expect(deal.probability).toBe(0.4);
    expect(deal.forecastCategory).toBe('Pipeline');
    expect(deal.createdAt).toBe('2025-11-03T09:15:00Z');
    expect(deal.closeDate).toBe('2026-03-31');
    expect(deal.closedAt).toBeNull();
    // Built-in qualification columns and custom ones, by logical name, raw values.
    expect(deal.fields).toMatchObject({
      budgetstatus: 2,
      budgetamount: 150000,
      decisionmaker: true,
      purchasetimeframe: 1,
      purchaseprocess: 1,
      customerneed: 'Replace three regional CRMs with one.',
      identifycompetitors: true,
      timeline: 1,
      need: 0,
      qualificationcomments: null,
      new_budgetconfirmed: true,
      _parentaccountid_value: 'c0ffee00-1111-ef11-8409-000d3a4b0a01',
    });
    expect(Object.keys(deal.fields).some((k) => k.includes('@'))).toBe(false);
    expect(deal.fields).not.toHaveProperty('transactioncurrencyid');
  });

  it('maps 56 connected contacts across two pages, roles to influence, and the primary contact', async () => {
    const { io } = recordedIo(openView());
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(deal.stakeholders).toHaveLength(56); // 58 connections: one is an account, one contact is connected twice
    expect(deal.stakeholders.slice(0, 4)).toEqual([
      { id: contact(1), name: 'Sabine Krüger', title: 'CFO', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: true },
      { id: contact(2), name: 'Tom Fischer', title: 'Head of Sales Ops', roles: ['Champion'], influence: 'champion', isPrimary: false },
      { id: contact(3), name: 'Aylin Demir', title: 'IT Architect', roles: ['Technical Buyer', 'Decision Maker'], influence: 'decision-maker', isPrimary: false },
      { id: contact(6), name: 'Peter Brandt', title: null, roles: [], influence: 'other', isPrimary: false },
    ]);
    expect(deal.stakeholders.find((s) => s.id === contact(8))).toMatchObject({ roles: ['End User'], influence: 'user' });
    expect(deal.stakeholders.find((s) => s.id === contact(9))).toMatchObject({ roles: ['Stakeholder'], influence: 'other' });
  });

  it('reads activities with their contact participants, and pushes from the audit history', async () => {
    const { io } = recordedIo(openView());
    const deal = await adapter.readDeal(ref(OPP), io);
    expect(deal.activities.map((a) => [a.kind, a.at, a.done, a.stakeholderIds])).toEqual([
      ['call', '2025-11-12T14:30:00Z', true, [contact(1)]],
      ['meeting', '2025-12-01T09:00:00Z', false, []], // canceled
      ['meeting', '2026-01-14T09:00:00Z', true, [contact(2), contact(3)]], // scheduled and over
      ['email', '2026-01-15T07:45:00Z', true, [contact(3)]],
      ['task', '2026-01-30T17:00:00Z', false, []],
      ['meeting', '2026-02-05T13:00:00Z', false, [contact(1)]],
    ]);
    expect(deal.history).toEqual({
      tracked: true,
      closeDateChanges: [
        { at: '2025-12-10T11:00:00Z', from: '2026-01-31', to: '2026-02-28' },
        { at: '2026-01-19T08:05:00Z', from: '2026-02-28', to: '2026-03-31' },
      ],
      stageChanges: [{ at: '2025-12-18T15:20:00Z', from: '1-Qualify', to: '2-Develop' }],
    });
  });

  it('takes won/lost from statecode with German labels, and reports history as untracked without audit access', async () => {
    const { io, requests } = recordedIo(
      recordView(OPP_WON, { opp: 'opportunity-won-de.json', conns: ['connections-empty.json'], acts: 'activities-empty.json', audit: fixture('error-audit-privilege.json'), auditStatus: 403 }),
    );
    const deal = await adapter.readDeal(ref(OPP_WON), io);
    expect(requests).toHaveLength(4);
    expect(deal.stage).toEqual({ name: 'Abschließen', category: 'won', order: 3 });
    expect(deal.amount).toBe(98000); // actual value of a won deal
    expect(deal.currency).toBe('CHF');
    expect(deal.closedAt).toBe('2025-12-12');
    expect(deal.stakeholders).toEqual([]);
    expect(deal.activities).toEqual([]);
    expect(deal.history).toEqual({ tracked: false, closeDateChanges: [], stageChanges: [] });
  });

  it('treats an empty audit as untracked, not as "never changed"', async () => {
    const emptyAudit = { AuditDetailCollection: { MoreRecords: false, PagingCookie: null, TotalRecordCount: 0, AuditDetails: [] } };
    const { io } = recordedIo(recordView(OPP_WON, { opp: 'opportunity-won-de.json', conns: ['connections-empty.json'], acts: 'activities-empty.json', audit: emptyAudit }));
    expect((await adapter.readDeal(ref(OPP_WON), io)).history.tracked).toBe(false);
  });

  it('maps errors: expired session (401 or sign-in page), privilege, missing record, throttling', async () => {
    const cases: [Partial<Recording>, string, RegExp][] = [
      [{ status: 401, body: '' }, 'session-expired', /Reload your Dynamics 365 tab/],
      [{ status: 200, body: '<!DOCTYPE html><html><head><title>Sign in to your account</title>' }, 'session-expired', /sign-in page/],
      [{ status: 403, body: fixture('error-privilege.json') }, 'forbidden', /prvReadOpportunity[\s\S]*Admin fix/],
      [{ status: 404, body: fixture('error-not-found.json') }, 'not-found', /could not find this opportunity/],
      [{ status: 429, body: fixture('error-throttled.json') }, 'rate-limited', /slow down/],
      [{ status: 502, body: '' }, 'server', /HTTP 502/],
    ];
    for (const [override, kind, words] of cases) {
      const recs = recordView(OPP, { opp: 'opportunity-open.json', conns: ['connections-empty.json'], acts: 'activities-empty.json', audit: fixture('audit.json') });
      recs[0] = { ...recs[0]!, ...override };
      const error = (await adapter.readDeal(ref(OPP), recordedIo(recs).io).catch((e: unknown) => e)) as CrmError;
      expect(error, kind).toBeInstanceOf(CrmError);
      expect(error.kind, error.message).toBe(kind);
      expect(error.message).toMatch(words);
    }
  });
});

describe('dynamics readHistory()', () => {
  it('pages through @odata.nextLink; history is marked untracked for list reads', async () => {
    const first = `${ORIGIN}${historyPath([USER, 'a1b2c3d4-0000-ef11-8409-000d3a4b0002'], '2025-01-01')}`;
    const { io, requests, missing } = recordedIo([
      { url: first, body: fixture('history-page1.json') },
      { url: (fixture('history-page1.json') as { '@odata.nextLink': string })['@odata.nextLink'], body: fixture('history-page2.json') },
    ]);
    const deals = await adapter.readHistory(ref(OPP), { ownerId: USER.toUpperCase(), teamOwnerIds: ['a1b2c3d4-0000-ef11-8409-000d3a4b0002'], since: '2025-01-01' }, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(decodeURIComponent(first)).toContain(`$filter=(_ownerid_value eq ${USER} or _ownerid_value eq a1b2c3d4-0000-ef11-8409-000d3a4b0002) and (statecode eq 0 or createdon ge 2025-01-01T00:00:00Z or actualclosedate ge 2025-01-01)`);
    expect(deals.map((d) => [d.name, d.stage.category, d.amount, d.closedAt, d.history.tracked])).toEqual([
      ['Opportunity 1', 'won', 12000, '2025-01-20', false],
      ['Opportunity 2', 'lost', null, '2025-02-20', false],
      ['Opportunity 3', 'open', 30000, null, false],
    ]);
    expect(deals[0]!.ref.url).toBe(`${ORIGIN}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${deals[0]!.ref.id}`);
  });
});

describe('dynamics whoAmI()', () => {
  it('reads WhoAmI, the user name and direct reports', async () => {
    const { io, requests } = recordedIo([
      { url: `${ORIGIN}${WHO_AM_I}`, body: fixture('whoami.json') },
      { url: `${ORIGIN}${userPath(USER)}`, body: fixture('systemuser.json') },
      { url: `${ORIGIN}${reportsPath(USER)}`, body: fixture('reports.json') },
    ]);
    expect(await adapter.whoAmI(ref(OPP), io)).toEqual({ id: USER, name: 'Jonas Weber', teamOwnerIds: ['a1b2c3d4-0000-ef11-8409-000d3a4b0002', 'a1b2c3d4-0000-ef11-8409-000d3a4b0003'] });
    expect(requests).toHaveLength(3);
  });
});

describe('connection roles to influence', () => {
  it('reads the default stakeholder roles in English and German, and guesses nothing else', () => {
    const roles: [string, string][] = [
      ['Economic Buyer', 'economic-buyer'],
      ['Budgetverantwortlicher', 'economic-buyer'],
      ['Decision Maker', 'decision-maker'],
      ['Entscheidungsträger', 'decision-maker'],
      ['Champion', 'champion'],
      ['Meister', 'champion'],
      ['Influencer', 'influencer'],
      ['Schlüsselperson', 'influencer'],
      ['Technical Buyer', 'evaluator'],
      ['Technischer Käufer', 'evaluator'],
      ['End User', 'user'],
      ['Endbenutzer', 'user'],
      ['Stakeholder', 'other'],
      ['Procurement', 'other'],
    ];
    for (const [label, influence] of roles) expect(influenceOf(label), label).toBe(influence);
    expect(influenceFromRoles(['End User', 'Decision Maker'])).toBe('decision-maker');
    expect(influenceFromRoles([])).toBe('other');
  });
});
