import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { Deal, type RecordRef } from '../../../lib/model';
import { demoAdapter, HISTORY_PAGE_SIZE } from '../../../lib/crm/demo';
import { mapOpportunity } from '../../../lib/crm/demo/map-deal';
import { OpportunityJson } from '../../../lib/crm/demo/api';
import { influenceOf } from '../../../lib/crm/demo/roles';
import { CrmError, type CrmErrorKind } from '../../../lib/crm/types';
import { startDemoCrm, type DemoCrm } from '../../demo-crm/server';
import { recordedIo } from '../../../lib/crm/shared/recorded-io';
import { fetchIo, post } from '../demo-crm/io';

const TODAY = '2026-03-10';
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../demo-crm/fixtures/${name}`, import.meta.url), 'utf8'));
const LOST = fixture('opportunity-lost.json');

const ORIGIN = 'http://127.0.0.1:4300';
const REF: RecordRef = { crm: 'demo', instance: '127.0.0.1:4300', id: String(LOST.id), url: `${ORIGIN}/opportunities/${String(LOST.id)}` };
const DEAL_URL = `${ORIGIN}/api/opportunities/${REF.id}`;
/** The record endpoint answering `body`. */
const ioAnswering = (body: unknown, status = 200) => recordedIo([{ url: DEAL_URL, status, body }]).io;
/** The history query the adapter sends for these owners, then `&cursor=` for each later page. */
const historyUrl = (owners: string[], cursor?: string) =>
  `${ORIGIN}/api/opportunities?${owners.map((o) => `owner=${o}`).join('&')}&state=all&include=related&limit=${HISTORY_PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`;

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('demoAdapter.matches', () => {
  it('recognises record pages on 127.0.0.1 and localhost, ignoring query and hash', () => {
    expect(demoAdapter.matches('http://127.0.0.1:4300/opportunities/DEMO-STALE')).toEqual({
      crm: 'demo',
      instance: '127.0.0.1:4300',
      id: 'DEMO-STALE',
      url: 'http://127.0.0.1:4300/opportunities/DEMO-STALE',
    });
    expect(demoAdapter.matches('https://localhost:8443/opportunities/1C1I7A6R/?theme=dark#activity')).toEqual({
      crm: 'demo',
      instance: 'localhost:8443',
      id: '1C1I7A6R',
      url: 'https://localhost:8443/opportunities/1C1I7A6R',
    });
  });

  it('ignores every other page', () => {
    for (const url of [
      'http://127.0.0.1:4300/opportunities',
      'http://127.0.0.1:4300/opportunities/',
      'http://127.0.0.1:4300/opportunities?q=DEMO',
      'http://127.0.0.1:4300/api/opportunities/DEMO-STALE',
      'http://127.0.0.1:4300/opportunities/DEMO-STALE/edit',
      'http://example.com:4300/opportunities/DEMO-STALE',
      'http://127.0.0.2:4300/opportunities/DEMO-STALE',
      'ftp://127.0.0.1:4300/opportunities/DEMO-STALE',
      'not a url',
    ]) {
      expect(demoAdapter.matches(url), url).toBeNull();
    }
  });
});

describe('demoAdapter against recorded JSON', () => {
  it('maps a recorded lost deal: amount 0 becomes unknown, stage from the flags, contact roles grouped', async () => {
    const { io, requests, missing } = recordedIo([{ url: DEAL_URL, body: LOST }]);
    const deal = await demoAdapter.readDeal(REF, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(deal).toMatchObject({ ref: REF, amount: null, currency: 'USD', stage: { name: 'Lost', category: 'lost', order: 3 }, probability: 0, closedAt: LOST.closed_at, closeDate: LOST.close_date });
    expect(deal.fields).toMatchObject({ qual_identified_project: expect.any(String), engage_date: LOST.engage_date, type: LOST.type });
    const roles = LOST.contact_roles as { contact: { id: string } }[];
    expect(deal.stakeholders.map((s) => s.id)).toEqual([...new Set(roles.map((r) => r.contact.id))]);
    expect(deal.activities.every((a) => a.done)).toBe(true);
    expect(deal.history.closeDateChanges).toHaveLength((LOST.close_date_history as unknown[]).length);
  });

  it('keeps the amount of a lost deal that has one, and reads a missing amount as unknown', async () => {
    expect((await demoAdapter.readDeal(REF, ioAnswering({ ...LOST, amount: 2500 }))).amount).toBe(2500);
    const { amount: _amount, ...noAmount } = LOST;
    expect((await demoAdapter.readDeal(REF, ioAnswering({ ...noAmount, stage: 'Engaging', is_closed: false }))).amount).toBeNull();
    expect((await demoAdapter.readDeal(REF, ioAnswering({ ...LOST, amount: null, is_closed: false, is_won: false }))).amount).toBeNull();
    // An open deal worth 0 really is 0.
    expect((await demoAdapter.readDeal(REF, ioAnswering({ ...LOST, amount: 0, is_closed: false }))).amount).toBe(0);
  });

  it('takes the stage category from is_closed / is_won, never from the stage label', async () => {
    const read = (flags: object) => demoAdapter.readDeal(REF, ioAnswering({ ...LOST, stage: 'Closed Won', ...flags }));
    expect((await read({ is_closed: false, is_won: false })).stage.category).toBe('open');
    expect((await read({ is_closed: true, is_won: false })).stage.category).toBe('lost');
    expect((await read({ is_closed: true, is_won: true, amount: 900 })).stage).toEqual({ name: 'Closed Won', category: 'won', order: 3 });
    const open = await read({ is_closed: false, is_won: false, closed_at: '2026-01-01' });
    expect(open.closedAt).toBeNull();
  });

  it('maps role labels to influence, unknown ones to other, several roles to the strongest', async () => {
    const contact = (id: string, name: string) => ({ id, name, title: null, email: null });
    const deal = await demoAdapter.readDeal(
      REF,
      ioAnswering({
        ...LOST,
        contact_roles: [
          { id: 'r1', contact: contact('c1', 'Ana'), role: 'Procurement', is_primary: false },
          { id: 'r2', contact: contact('c2', 'Bo'), role: 'End User', is_primary: false },
          { id: 'r3', contact: contact('c2', 'Bo'), role: 'economic  buyer', is_primary: true },
          { id: 'r4', contact: contact('c3', 'Cy'), role: null, is_primary: null },
        ],
      }),
    );
    expect(deal.stakeholders).toEqual([
      { id: 'c1', name: 'Ana', title: null, roles: ['Procurement'], influence: 'other', isPrimary: false },
      { id: 'c2', name: 'Bo', title: null, roles: ['End User', 'economic  buyer'], influence: 'economic-buyer', isPrimary: true },
      { id: 'c3', name: 'Cy', title: null, roles: [], influence: 'other', isPrimary: false },
    ]);
    expect(influenceOf(['Champion', 'Technical Evaluator'])).toBe('champion');
    expect(influenceOf(['Economic Decision Maker'])).toBe('economic-buyer');
    expect(influenceOf(['Coach'])).toBe('champion');
  });

  it('maps activity types and statuses, unknown types to note', async () => {
    const deal = await demoAdapter.readDeal(
      REF,
      ioAnswering({
        ...LOST,
        activities: [
          { id: 'a1', type: 'Meeting', subject: 'Demo', status: 'Completed', at: '2026-01-05T15:00:00Z', contact_ids: ['c1'] },
          { id: 'a2', type: 'Call', subject: null, status: 'Planned', at: '2026-04-01T15:00:00Z', contact_ids: [] },
          { id: 'a3', type: 'LinkedIn message', status: 'Completed', at: '2026-01-06T15:00:00Z' },
        ],
      }),
    );
    expect(deal.activities).toEqual([
      { id: 'a1', kind: 'meeting', at: '2026-01-05T15:00:00Z', done: true, stakeholderIds: ['c1'] },
      { id: 'a2', kind: 'call', at: '2026-04-01T15:00:00Z', done: false, stakeholderIds: [] },
      { id: 'a3', kind: 'note', at: '2026-01-06T15:00:00Z', done: true, stakeholderIds: [] },
    ]);
  });

  it('turns a payload it cannot read into CrmError("malformed") naming what failed', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...LOST, amount: '2500' }, /amount/],
      [{ ...LOST, owner: undefined }, /owner/],
      [{ ...LOST, is_closed: 'yes' }, /is closed/],
      [{ ...LOST, close_date: '21/07/2025' }, /close date \(expected YYYY-MM-DD\)/],
      [{ ...LOST, amount: -5 }, /amount/],
      [{ ...LOST, contact_roles: [{ id: 'r1', role: 'Champion' }] }, /contact roles #1 contact/],
      [[LOST], /the response \(/],
    ];
    for (const [body, names] of cases) {
      const error = await failure(demoAdapter.readDeal(REF, ioAnswering(body)));
      expect(error.kind).toBe('malformed');
      expect(error.message).toMatch(/^Demo CRM sent opportunity \w+ in a form we could not read: /);
      expect(error.message).toMatch(names);
    }
    for (const body of ['<html>Please sign in</html>', null]) {
      const error = await failure(demoAdapter.readDeal(REF, ioAnswering(body)));
      expect(error.kind).toBe('malformed');
      expect(error.message).toMatch(/not JSON for opportunity/);
    }
  });

  it('maps HTTP failures to the sidebar error kinds, and a thrown io to offline', async () => {
    const expectations: [number, CrmErrorKind][] = [
      [401, 'session-expired'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [429, 'rate-limited'],
      [500, 'server'],
    ];
    for (const [status, kind] of expectations) {
      const error = await failure(demoAdapter.readDeal(REF, ioAnswering({ error: 'X', message: 'x' }, status)));
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
    }
    const offline = await failure(
      demoAdapter.readDeal(REF, async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(offline.kind).toBe('offline');
  });

  it('follows the cursor through every page of history, passing owners, state and related lists', async () => {
    const owners = ['u-a', 'u-b'];
    const { io, requests, missing } = recordedIo([
      { url: historyUrl(owners), body: { results: [{ ...LOST, id: 'A1' }, { ...LOST, id: 'A2' }], next: 'c2' } },
      { url: historyUrl(owners, 'c2'), body: { results: [{ ...LOST, id: 'A3' }], next: 'c3' } },
      { url: historyUrl(owners, 'c3'), body: { results: [{ ...LOST, id: 'A4', is_won: true, is_closed: true, amount: 100 }], next: null, total: 4 } },
    ]);
    const deals = await demoAdapter.readHistory(REF, { ownerId: 'u-a', teamOwnerIds: ['u-b', 'u-a'] }, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(3);
    expect(deals.map((d) => d.ref.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(deals[3]!.ref).toEqual({ crm: 'demo', instance: '127.0.0.1:4300', id: 'A4', url: `${ORIGIN}/opportunities/A4` });
    expect(deals[3]!.stage.category).toBe('won');
  });

  it('stops instead of looping when the server repeats a cursor, and names a bad record in a page', async () => {
    const looping = recordedIo([
      { url: historyUrl(['u-a']), body: { results: [], next: 'same' } },
      { url: historyUrl(['u-a'], 'same'), body: { results: [], next: 'same' } },
    ]);
    expect((await failure(demoAdapter.readHistory(REF, { ownerId: 'u-a' }, looping.io))).kind).toBe('malformed');
    expect(looping.requests).toHaveLength(2);
    const bad = recordedIo([{ url: historyUrl(['u-a']), body: { results: [LOST, { ...LOST, id: 'BROKEN', stage: 7 }], next: null } }]);
    const error = await failure(demoAdapter.readHistory(REF, { ownerId: 'u-a' }, bad.io));
    expect(error.message).toMatch(/opportunity BROKEN .*stage/);
    const none = recordedIo([]);
    expect(await demoAdapter.readHistory(REF, {}, none.io)).toEqual([]);
    expect(none.requests).toEqual([]);
  });

  it('reads who is signed in, with the team of a manager', async () => {
    const meIo = (body: unknown) => recordedIo([{ url: `${ORIGIN}/api/me`, body }]).io;
    const me = await demoAdapter.whoAmI(REF, meIo(fixture('me-manager.json')));
    expect(me).toEqual({ id: 'u-melvin-marxen', name: 'Melvin Marxen', teamOwnerIds: expect.arrayContaining(['u-darcel-schlecht']) });
    expect(me.teamOwnerIds).toHaveLength(6);
    expect((await failure(demoAdapter.whoAmI(REF, meIo({ id: 'x' })))).kind).toBe('malformed');
  });
});

describe('demoAdapter against the running demo CRM', () => {
  let crm: DemoCrm;
  let ref: RecordRef;
  const io = fetchIo();
  beforeAll(async () => {
    crm = await startDemoCrm({ today: TODAY, latencyMs: 0 });
    ref = demoAdapter.matches(`${crm.url}/opportunities/DEMO-HEALTHY`)!;
  });
  afterAll(() => crm.close());
  beforeEach(() => post(crm.url, '/__test/reset', {}));

  it('reads a showcase deal into a valid Deal', async () => {
    const deal = await demoAdapter.readDeal(ref, io);
    expect(Deal.parse(deal)).toEqual(deal);
    expect(deal).toMatchObject({
      ref,
      name: 'Cancity – GTX Plus Basic refresh',
      accountName: 'Cancity',
      owner: { id: 'u-darcel-schlecht', name: 'Darcel Schlecht' },
      amount: 1150,
      stage: { name: 'Engaging', category: 'open', order: 2 },
      probability: 0.4,
      closeDate: addDays(TODAY, 40),
      closedAt: null,
      isNewBusiness: false,
      product: 'GTX Plus Basic',
    });
    expect(deal.stakeholders.map((s) => s.influence)).toEqual(['economic-buyer', 'decision-maker', 'champion', 'evaluator']);
  });

  it('reads real Maven deals: won keeps its value, lost becomes unknown', async () => {
    const won = await demoAdapter.readDeal(demoAdapter.matches(`${crm.url}/opportunities/1C1I7A6R`)!, io);
    expect(won).toMatchObject({ amount: 1054, stage: { category: 'won' }, owner: { name: 'Moses Frase' }, product: 'GTX Plus Basic' });
    const lostId = crm.data.ids.find((id) => crm.data.summary(id)!.stage === 'Lost')!;
    const lost = await demoAdapter.readDeal(demoAdapter.matches(`${crm.url}/opportunities/${lostId}`)!, io);
    expect(lost.amount).toBeNull();
    expect(crm.data.get(lostId)!.amount).toBe(0);
  });

  it('maps every record the CRM holds to a valid Deal', () => {
    const failures = crm.data.all().filter((o) => !Deal.safeParse(mapOpportunity({ ...ref, id: o.id }, OpportunityJson.parse(o))).success);
    expect(failures.map((o) => o.id)).toEqual([]);
  });

  it('reads an owner and team history in a few pages, and a 404 as not-found', async () => {
    const mine = await demoAdapter.readHistory(ref, { ownerId: 'u-darcel-schlecht' }, io);
    expect(mine).toHaveLength(751);
    expect(mine.filter((d) => d.stage.category === 'won')).toHaveLength(349);
    expect(mine.find((d) => d.ref.id === 'DEMO-NODM')!.stakeholders).toHaveLength(3);
    const me = await demoAdapter.whoAmI(ref, fetchIo({ 'X-Demo-User': 'Melvin Marxen' }));
    const team = await demoAdapter.readHistory(ref, { ownerId: me.id, teamOwnerIds: me.teamOwnerIds }, io);
    expect(new Set(team.map((d) => d.owner.name))).toContain('Darcel Schlecht');
    const stats = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { routes: Record<string, number> };
    expect(stats.routes['GET /api/opportunities']).toBe(Math.ceil(751 / HISTORY_PAGE_SIZE) + Math.ceil(team.length / HISTORY_PAGE_SIZE));
    const missing = await failure(demoAdapter.readDeal({ ...ref, id: 'NO-SUCH' }, io));
    expect(missing.kind).toBe('not-found');
    // ~1,500 records enriched on first read: seconds on a loaded 2-core machine, not a speed check.
  }, 60_000);

  it("names an owner's team from /api/users: the reps sharing their manager, the owner first", async () => {
    const team = await demoAdapter.teamOf!(ref, 'u-darcel-schlecht', io);
    const darcel = crm.data.findUser('u-darcel-schlecht')!;
    const expected = crm.data.users.filter((u) => u.manager?.id === darcel.manager!.id).map((u) => u.id);
    expect(team[0]).toBe('u-darcel-schlecht');
    expect([...team].sort()).toEqual([...expected].sort());
    expect(team.length).toBeGreaterThan(1);
    // A manager's team is their reps; an unknown owner is a team of one.
    const manager = darcel.manager!.id;
    expect([...(await demoAdapter.teamOf!(ref, manager, io))].sort()).toEqual([manager, ...expected].sort());
    expect(await demoAdapter.teamOf!(ref, 'u-nobody', io)).toEqual(['u-nobody']);
  });

  it('reports injected 401 / 429 / dropped connections once, without retrying', async () => {
    await post(crm.url, '/__test/faults', { route: '/api/opportunities/DEMO-HEALTHY', status: 401, times: 1 });
    expect((await failure(demoAdapter.readDeal(ref, io))).kind).toBe('session-expired');
    await post(crm.url, '/__test/faults', { route: '/api/opportunities', status: 429, headers: { 'Retry-After': '30' }, times: 1 });
    expect((await failure(demoAdapter.readHistory(ref, { ownerId: 'u-darcel-schlecht' }, io))).kind).toBe('rate-limited');
    await post(crm.url, '/__test/faults', { route: '/api/me', drop: true, times: 1 });
    expect((await failure(demoAdapter.whoAmI(ref, io))).kind).toBe('offline');
    const stats = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { total: number };
    expect(stats.total).toBe(3);
  });

  it('sees a deal changed since the last read', async () => {
    const before = await demoAdapter.readDeal(ref, io);
    await post(crm.url, '/__test/mutate', { id: 'DEMO-HEALTHY', changes: { close_date: addDays(TODAY, 75), amount: 2000 } });
    const after = await demoAdapter.readDeal(ref, io);
    expect(after.amount).toBe(2000);
    expect(after.history.closeDateChanges).toEqual([{ at: expect.stringMatching(new RegExp(`^${TODAY}T`)), from: before.closeDate, to: addDays(TODAY, 75) }]);
  });
});
