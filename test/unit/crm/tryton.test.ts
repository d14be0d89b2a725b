/**
 * Tryton adapter against JSON-RPC answers recorded from a live Tryton 6.0 (sale_opportunity,
 * party_relationship) seeded by test/tryton/seed.py — see test/fixtures/tryton/*.json (`source`)
 * and test/tryton/capture-fixtures.ts. The seed's facts of that same run are in
 * test/fixtures/tryton/seed-facts.json; the tests assert against those, not against the adapter.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { daysBetween, toIsoDate } from '../../../lib/dates';
import { Deal } from '../../../lib/model';
import { recordedIo, type Recording } from '../../../lib/crm/shared/recorded-io';
import { CrmError, type CrmFetch } from '../../../lib/crm/types';
import { createTrytonAdapter, HISTORY_PAGE_SIZE, matchTryton, MAX_REVISIONS } from '../../../lib/crm/tryton';
import { databaseOf } from '../../../lib/crm/tryton/match';
import { influenceOfRelation } from '../../../lib/crm/tryton/map-deal';
import { rpcClient } from '../../../lib/crm/tryton/rpc';
import { sessionAuthorization, trytonPageHeaders } from '../../../lib/crm/tryton/session';
import type { Exchange, SeedFacts } from '../../tryton/live';

interface Capture {
  source: string;
  endpoint: string;
  exchanges: Exchange[];
}

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../fixtures/tryton/${name}.json`, import.meta.url), 'utf8')) as T;
const facts = load<SeedFacts>('seed-facts');
const adapter = createTrytonAdapter();
const ENDPOINT = load<Capture>('record-stale').endpoint;
const ORIGIN = new URL(ENDPOINT).origin;
const HOST = new URL(ENDPOINT).host;
const ref = (id: number | string) => ({ crm: 'tryton', instance: HOST, id: String(id), url: `${ORIGIN}/#${facts.database}/model/sale.opportunity/${id};name=%22Opportunities%22&views=%5B%5D` });
const employeeOf = (login: string) => String(facts.users.find((u) => u.login === login)!.employeeId);

/** Replay a capture: each JSON-RPC call is answered by the recorded exchange with the same method and params. */
function replay(...names: string[]) {
  const recordings: Recording[] = names.flatMap((name) =>
    load<Capture>(name).exchanges.map((ex) => ({
      method: 'POST' as const,
      url: ENDPOINT,
      whenBody: (body: unknown) => {
        const b = body as { method?: string; params?: unknown };
        return b.method === ex.method && isDeepStrictEqual(b.params, ex.params);
      },
      status: ex.status,
      body: ex.body,
    })),
  );
  return recordedIo(recordings);
}

const methods = (requests: { body: unknown }[]) => requests.map((r) => (r.body as { method: string }).method);

describe('tryton matches()', () => {
  it('recognises sao opportunity forms, with or without parameters after the id', () => {
    const yes: [string, string, string][] = [
      ['http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24', '127.0.0.1:8700', '24'],
      // As sao 6.0 rewrites it after login (seen in Chromium).
      ['http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24;name=%22Sale%20Opportunity%22&views=%5Bnull%5D', '127.0.0.1:8700', '24'],
      ['http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24;name=%22Opportunities%22&views=%5B%5B175%2C%22form%22%5D%5D', '127.0.0.1:8700', '24'],
      ['https://ERP.example.com/#!acme%20prod/model/sale.opportunity/7', 'erp.example.com', '7'],
      ['https://erp.example.com:8443/#acme/model/sale.opportunity/123456', 'erp.example.com:8443', '123456'],
    ];
    for (const [url, instance, id] of yes) expect(matchTryton(url), url).toEqual({ crm: 'tryton', instance, id, url });
    expect(databaseOf('https://erp.example.com/#!acme%20prod/model/sale.opportunity/7')).toBe('acme prod');
  });

  it('refuses list views, other models, unsaved records and other pages', () => {
    const no = [
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity;name=%22Opportunities%22',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/-1',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/0',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24/extra',
      'http://127.0.0.1:8700/#dealcoach/model/sale.opportunity.line/24',
      'http://127.0.0.1:8700/#dealcoach/model/party.party/5',
      'http://127.0.0.1:8700/#dealcoach',
      'http://127.0.0.1:8700/',
      'http://127.0.0.1:8700/other/#dealcoach/model/sale.opportunity/24',
      'ftp://127.0.0.1/#dealcoach/model/sale.opportunity/24',
      'not a url',
    ];
    for (const url of no) expect(matchTryton(url), url).toBeNull();
  });
});

describe('tryton page session', () => {
  const stored = (value: unknown) => ({ getItem: (key: string) => (key === `sao_session_${facts.database}` ? JSON.stringify(value) : null) });

  it("builds sao's Authorization header from the page's localStorage, for the database the request goes to", () => {
    const storage = stored({ login: 'alice', user_id: 3, session: 'abc123' });
    expect(trytonPageHeaders(ENDPOINT, storage)).toEqual({ Authorization: `Session ${Buffer.from('alice:3:abc123').toString('base64')}` });
    // UTF-8 like sao's utoa(), not Latin-1.
    expect(sessionAuthorization({ login: 'zoë', userId: 7, session: 's' })).toBe(`Session ${Buffer.from('zoë:7:s', 'utf8').toString('base64')}`);
  });

  it('adds nothing when signed out, for another database or for a request that is not JSON-RPC', () => {
    expect(trytonPageHeaders(ENDPOINT, { getItem: () => null })).toEqual({});
    expect(trytonPageHeaders(ENDPOINT, { getItem: () => '{not json' })).toEqual({});
    expect(trytonPageHeaders(ENDPOINT, stored({ login: 'alice', user_id: '3', session: 'x' }))).toEqual({});
    const storage = stored({ login: 'alice', user_id: 3, session: 'abc123' });
    expect(trytonPageHeaders(`${ORIGIN}/otherdb/`, storage)).toEqual({});
    expect(trytonPageHeaders(`${ORIGIN}/`, storage)).toEqual({});
    expect(trytonPageHeaders(`${ORIGIN}/api/data/v9.2/opportunities`, storage)).toEqual({});
  });
});

describe('tryton readDeal() — the stale showcase deal', () => {
  const stale = facts.showcase.stale;

  it('reads the opportunity, its people and notes in one call, then one call per earlier revision', async () => {
    const { io, requests, missing } = replay('record-stale');
    await adapter.readDeal(ref(stale.id), io);
    expect(missing).toEqual([]);
    expect(methods(requests).slice(0, 2)).toEqual(['model.sale.opportunity.read', 'model.sale.opportunity.history_revisions']);
    const revisionReads = requests.slice(2);
    expect(revisionReads.length).toBeGreaterThan(0);
    for (const r of revisionReads) expect((r.body as { params: [unknown, unknown, { _datetime?: unknown }] }).params[2]._datetime).toBeDefined();
    for (const r of requests) {
      expect(r).toMatchObject({ method: 'POST', url: ENDPOINT, headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' } });
      // The session is added by the content script (trytonPageHeaders), never by the adapter.
      expect(Object.keys(r.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
    }
  });

  it('is older than the rep\'s typical cycle, with every close-date push the seed made', async () => {
    const deal = await adapter.readDeal(ref(stale.id), replay('record-stale').io);
    expect(Deal.parse(deal)).toEqual(deal);
    expect(deal).toMatchObject({
      name: stale.description,
      accountName: stale.account.name,
      owner: { id: String(stale.owner.employeeId), name: stale.owner.name },
      amount: stale.amount,
      currency: 'USD',
      stage: { name: 'Opportunity', category: 'open' },
      createdAt: stale.startDate,
      closeDate: stale.closeDate,
      closedAt: null,
    });
    const age = daysBetween(deal.createdAt!, facts.today);
    expect(age).toBe(stale.ageDays);
    expect(age).toBeGreaterThan(2 * facts.typicalCycleDays.alice);
    expect(deal.history.tracked).toBe(true);
    expect(deal.history.closeDateChanges.map((c) => ({ on: toIsoDate(c.at), from: c.from, to: c.to }))).toEqual(stale.closeDateChanges);
    expect(deal.history.closeDateChanges).toHaveLength(stale.pushCount);
    expect(deal.history.stageChanges.map((c) => [c.from, c.to])).toEqual([['Lead', 'Opportunity']]);
  });

  it('names its people with their Tryton relations and links notes to the people they mention', async () => {
    const deal = await adapter.readDeal(ref(stale.id), replay('record-stale').io);
    expect(deal.stakeholders.map((s) => ({ id: s.id, name: s.name, roles: s.roles }))).toEqual(
      stale.stakeholders.map((s) => ({ id: String(s.partyId), name: s.name, roles: s.relations })),
    );
    expect(deal.stakeholders.map((s) => s.influence)).toEqual(['decision-maker', 'champion', 'other']);
    expect(deal.stakeholders.filter((s) => s.isPrimary).map((s) => s.name)).toEqual([stale.stakeholders[0]!.name]);
    expect(deal.activities).toHaveLength(stale.noteCount);
    expect(deal.activities.every((a) => a.kind === 'note' && a.done)).toBe(true);
    expect(toIsoDate(deal.activities.at(-1)!.at)).toBe(stale.lastNoteOn);
    const champion = deal.stakeholders.find((s) => s.influence === 'champion')!;
    expect(deal.activities.at(-1)!.stakeholderIds).toEqual([champion.id]);
    expect(deal.tracks).toEqual({ activityKinds: ['note'], nextStep: false });
    expect(deal.fields).toMatchObject({ reference: 'GLX-2291', state: 'opportunity', conversion_probability: 0.5, comment: null, end_date: stale.closeDate });
  });
});

describe('tryton readDeal() — a record written very often', () => {
  it('reports its history as not tracked instead of reading hundreds of revisions', async () => {
    const stale = facts.showcase.stale;
    const read = load<Capture>('record-stale').exchanges.find((e) => e.method === 'model.sale.opportunity.read' && !('_datetime' in (e.params as [unknown, unknown, object])[2]));
    const instant = (i: number) => ({ __class__: 'datetime', year: 2026, month: 1, day: 1, hour: 0, minute: Math.floor(i / 60), second: i % 60, microsecond: i });
    const revisions = Array.from({ length: MAX_REVISIONS + 1 }, (_, i) => [instant(i), stale.id, 'Integration']);
    const { io, requests } = recordedIo([
      { method: 'POST', url: ENDPOINT, whenBody: (b) => (b as { method: string }).method === read!.method, body: read!.body },
      { method: 'POST', url: ENDPOINT, whenBody: (b) => (b as { method: string }).method === 'model.sale.opportunity.history_revisions', body: { id: 2, result: revisions } },
    ]);
    const deal = await adapter.readDeal(ref(stale.id), io);
    expect(requests).toHaveLength(2);
    expect(deal.history).toEqual({ closeDateChanges: [], stageChanges: [], tracked: false });
    expect(deal.stakeholders.length).toBeGreaterThan(0);
  });
});

describe('tryton readDeal() — other showcase deals', () => {
  it('healthy: young, decision maker + champion + buyer, recent notes naming them, close date ahead, never pushed', async () => {
    const healthy = facts.showcase.healthy;
    const deal = await adapter.readDeal(ref(healthy.id), replay('record-healthy').io);
    expect(daysBetween(deal.createdAt!, facts.today)).toBe(healthy.ageDays);
    expect(daysBetween(facts.today, deal.closeDate!)).toBeGreaterThan(0);
    expect(deal.history).toMatchObject({ tracked: true, closeDateChanges: [] });
    expect(Object.fromEntries(deal.stakeholders.map((s) => [s.name, s.influence]))).toEqual({
      [healthy.stakeholders[0]!.name]: 'decision-maker',
      [healthy.stakeholders[1]!.name]: 'champion',
      [healthy.stakeholders[2]!.name]: 'economic-buyer',
    });
    const last = deal.activities.at(-1)!;
    expect(toIsoDate(last.at)).toBe(healthy.lastNoteOn);
    expect(daysBetween(last.at, facts.today)).toBeLessThanOrEqual(7);
    const named = new Set(deal.activities.flatMap((a) => a.stakeholderIds));
    for (const s of deal.stakeholders) expect(named.has(s.id), s.name).toBe(true);
  });

  it('no decision maker: the account has only a champion', async () => {
    const noDm = facts.showcase.noDecisionMaker;
    const deal = await adapter.readDeal(ref(noDm.id), replay('record-no-decision-maker').io);
    expect(deal.stakeholders.map((s) => [s.name, s.roles, s.influence])).toEqual([[noDm.stakeholders[0]!.name, ['Champion at'], 'champion']]);
    expect(deal.stakeholders.some((s) => s.influence === 'decision-maker' || s.influence === 'economic-buyer')).toBe(false);
  });

  it('won: the whole workflow in stage history, actual close = close date, cycle as seeded', async () => {
    const won = facts.deals['w-a3']!;
    const deal = await adapter.readDeal(ref(won.id), replay('record-won').io);
    expect(deal.stage).toEqual({ name: 'Won', category: 'won', order: 4 });
    expect(deal.history.stageChanges.map((c) => c.to)).toEqual(['Opportunity', 'Converted', 'Won']);
    expect(deal.history.closeDateChanges).toHaveLength(won.pushCount);
    expect(deal.closedAt).toBe(won.closeDate);
    expect(deal.amount).toBe(won.amount);
    expect(facts.wonCycles.alice).toContain(daysBetween(deal.createdAt!, deal.closedAt!));
    // Tryton wrote "today" into end_date when the sale was confirmed; the seed dated it back. The
    // won revision must show the intended date, not an intermediate one.
    expect(deal.history.closeDateChanges.every((c) => c.to! <= won.closeDate!)).toBe(true);
  });

  it('a lead with no party and no amount: unknown stays null, not 0 or ""', async () => {
    const lead = facts.deals['lead-b']!;
    const deal = await adapter.readDeal(ref(lead.id), replay('record-lead-no-party').io);
    expect(deal).toMatchObject({ name: lead.description, accountName: null, amount: null, closeDate: null, stage: { name: 'Lead', category: 'open', order: 1 }, stakeholders: [] });
    expect(deal.history).toEqual({ closeDateChanges: [], stageChanges: [], tracked: true });
    expect(deal.activities).toHaveLength(1);
  });
});

describe('tryton errors in plain words', () => {
  const failure = async (fixture: string, id: number): Promise<CrmError> => {
    const error = await adapter.readDeal(ref(id), replay(fixture).io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  };

  it('an unknown session (HTTP 401) asks to sign in again', async () => {
    const e = await failure('error-session-expired', facts.showcase.healthy.id);
    expect(e.kind).toBe('session-expired');
    expect(e.message).toMatch(/sign in again/);
  });

  it('a user without the sales groups gets a permission message naming the group', async () => {
    const e = await failure('error-forbidden', facts.showcase.healthy.id);
    expect(e.kind).toBe('forbidden');
    expect(e.message).toMatch(/Sale Opportunity/);
  });

  it('a record that does not exist (Tryton answers with a record-rule error) is "not found"', async () => {
    expect((await failure('error-not-found', 99999)).kind).toBe('not-found');
  });

  it('other server failures and non-JSON answers do not leak raw exceptions', async () => {
    const answer = (body: unknown, status = 200) => recordedIo([{ method: 'POST', url: ENDPOINT, status, body }]).io;
    const call = (body: unknown, status?: number) => rpcClient(answer(body, status), ENDPOINT)('model.sale.opportunity.read', []).catch((e: unknown) => e as CrmError);
    expect(await call({ id: 1, error: ["'nosuchfield'", 'Traceback …'] })).toMatchObject({ kind: 'server' });
    expect(await call({ id: 1, error: ['LoginException', ['password', 'Password', 'password']] })).toMatchObject({ kind: 'session-expired' });
    expect(await call({ id: 1, error: ['RateLimitException', []] })).toMatchObject({ kind: 'rate-limited' });
    expect(await call('<!doctype html><title>Proxy error</title>')).toMatchObject({ kind: 'malformed' });
    expect(await call('', 502)).toMatchObject({ kind: 'server', status: 502 });
    expect(await call('', 403)).toMatchObject({ kind: 'forbidden' });
  });

  it('a record id that is not a Tryton id is refused without a request', async () => {
    const { io, requests } = recordedIo([]);
    await expect(adapter.readDeal({ ...ref(1), id: 'abc' }, io)).rejects.toMatchObject({ kind: 'not-found' });
    expect(requests).toEqual([]);
  });
});

describe('tryton readHistory()', () => {
  it("reads a rep's open and closed opportunities in one search_read, as the seed made them", async () => {
    const { io, requests, missing } = replay('history-alice');
    const deals = await adapter.readHistory(ref(1), { ownerId: employeeOf('alice') }, io);
    expect(missing).toEqual([]);
    expect(methods(requests)).toEqual(['model.sale.opportunity.search_read']);
    expect(deals).toHaveLength(facts.opportunities.byOwner.alice!);
    const byId = new Map(Object.values(facts.deals).map((d) => [String(d.id), d]));
    for (const deal of deals) {
      const seeded = byId.get(deal.ref.id)!;
      expect(deal.owner.id).toBe(employeeOf('alice'));
      expect(deal.fields.state).toBe(seeded.state);
      expect(deal.closeDate).toBe(seeded.closeDate);
      expect(deal.ref.url).toBe(`${ORIGIN}/#${facts.database}/model/sale.opportunity/${deal.ref.id}`);
      expect(matchTryton(deal.ref.url)?.id).toBe(deal.ref.id);
      // Revisions are not read in bulk: history unknown, not "no pushes".
      expect(deal.history.tracked).toBe(false);
    }
    const cycles = deals.filter((d) => d.stage.category === 'won').map((d) => daysBetween(d.createdAt!, d.closedAt!));
    expect(cycles.sort((a, b) => a - b)).toEqual(facts.wonCycles.alice);
  });

  it('counts a cancelled opportunity as lost, under its own stage name', async () => {
    const deals = await adapter.readHistory(ref(1), { ownerId: employeeOf('alice') }, replay('history-alice').io);
    const cancelled = deals.filter((d) => d.fields.state === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const d of cancelled) expect(d).toMatchObject({ stage: { name: 'Cancelled', category: 'lost' }, closedAt: d.closeDate });
  });

  it('asks for the owners and period given, pages through long lists, and asks nothing without owners', async () => {
    const row = (load<Capture>('history-alice').exchanges[0]!.body as { result: Record<string, unknown>[] }).result[0]!;
    const page = (from: number, n: number) => ({ id: 1, result: Array.from({ length: n }, (_, i) => ({ ...row, id: from + i })) });
    const { io, requests } = recordedIo([
      { method: 'POST', url: ENDPOINT, whenBody: (b) => (b as { params: unknown[] }).params[1] === 0, body: page(1, HISTORY_PAGE_SIZE) },
      { method: 'POST', url: ENDPOINT, whenBody: (b) => (b as { params: unknown[] }).params[1] === HISTORY_PAGE_SIZE, body: page(HISTORY_PAGE_SIZE + 1, 3) },
    ]);
    const deals = await adapter.readHistory(ref(1), { ownerId: '2', teamOwnerIds: ['3', '2', 'x'], since: '2026-01-01' }, io);
    expect(deals).toHaveLength(HISTORY_PAGE_SIZE + 3);
    const [domain] = (requests[0]!.body as { params: unknown[] }).params;
    const date = { __class__: 'date', year: 2026, month: 1, day: 1 };
    expect(domain).toEqual([['employee', 'in', [2, 3]], ['OR', ['start_date', '>=', date], ['end_date', '>=', date]]]);

    const none = recordedIo([]);
    expect(await adapter.readHistory(ref(1), {}, none.io)).toEqual([]);
    expect(none.requests).toEqual([]);
  });
});

describe('tryton whoAmI()', () => {
  it('a rep is their current employee, with no team', async () => {
    const { io, missing } = replay('whoami-alice');
    expect(await adapter.whoAmI(ref(1), io)).toEqual({ id: employeeOf('alice'), name: 'Alice Martin', teamOwnerIds: [] });
    expect(missing).toEqual([]);
  });

  it("a manager's team is the employees they supervise", async () => {
    const me = await adapter.whoAmI(ref(1), replay('whoami-morgan').io);
    expect(me).toEqual({ id: employeeOf('morgan'), name: 'Morgan Lee', teamOwnerIds: [employeeOf('alice'), employeeOf('bob')] });
  });

  it("a rep's team is everyone under their supervisor, for the team's typical cycle", async () => {
    // company.employee.read answers a Many2One as an id and a One2Many as a list of ids (Tryton 6.0).
    const employees = new Map(facts.users.filter((u) => u.employeeId !== null).map((u) => [u.employeeId!, u]));
    const byLogin = (login: string | null) => facts.users.find((u) => u.login === login)?.employeeId ?? null;
    const calls: string[] = [];
    const io: CrmFetch = async (_url, init) => {
      const { method, params } = JSON.parse(init!.body!) as { method: string; params: [number[], string[]] };
      calls.push(`${method} ${params[1].join(',')}`);
      const e = employees.get(params[0][0]!)!;
      const record = params[1].includes('supervisor') ? { id: e.employeeId, supervisor: byLogin(facts.users.find((u) => u.reports.includes(e.login))?.login ?? null) } : { id: e.employeeId, rec_name: e.name, subordinates: e.reports.map(byLogin) };
      return { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 1, result: [record] } };
    };
    expect(await adapter.teamOf!(ref(1), employeeOf('alice'), io)).toEqual([employeeOf('alice'), employeeOf('bob')]);
    expect(calls).toEqual(['model.company.employee.read supervisor', 'model.company.employee.read rec_name,subordinates']);
    expect(await adapter.teamOf!(ref(1), employeeOf('morgan'), io)).toEqual([employeeOf('morgan')]);
  });

  it('a user with no employee is told why Deal Coach cannot find their deals', async () => {
    await expect(adapter.whoAmI(ref(1), replay('whoami-intern').io)).rejects.toMatchObject({ kind: 'not-configured', message: expect.stringMatching(/not linked to an employee/) });
  });
});

describe('tryton relation types → influence', () => {
  it('maps the seeded relation types from either side, and leaves unknown ones as other', () => {
    expect(['Decision maker at', 'Has decision maker', 'Champion at', 'Has champion', 'Buyer at', 'Has buyer', 'Technical buyer at', 'Works at'].map(influenceOfRelation)).toEqual([
      'decision-maker',
      'decision-maker',
      'champion',
      'champion',
      'economic-buyer',
      'economic-buyer',
      'evaluator',
      'other',
    ]);
  });
});
