/**
 * The Tryton adapter against a live, seeded Tryton — run only when TRYTON_URL is set:
 *
 *   test/tryton/start.sh && TRYTON_URL=http://127.0.0.1:8700 npx vitest run test/unit/crm/tryton.live.test.ts
 *
 * The session comes from a real login and reaches the server through `trytonPageHeaders`, as in the
 * content script. Expectations come from the seed's facts (TRYTON_FACTS, default
 * .tmp/tryton/seed-facts.json), written by test/tryton/seed.py for the database being served.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysBetween, toIsoDate } from '../../../lib/dates';
import { Deal } from '../../../lib/model';
import { CrmError, type CrmFetch } from '../../../lib/crm/types';
import { createTrytonAdapter } from '../../../lib/crm/tryton';
import { pageIo, readSeedFacts, trytonLogin, type SeedFacts } from '../../tryton/live';

const url = process.env.TRYTON_URL?.replace(/\/$/, '');

describe.skipIf(!url)('tryton adapter against a live Tryton (TRYTON_URL)', () => {
  const origin = url!;
  // Vitest collects a skipped suite's body too: read the seed's facts only when the suite runs.
  const facts: SeedFacts = url ? readSeedFacts(process.env.TRYTON_FACTS ?? join(import.meta.dirname, '../../../.tmp/tryton/seed-facts.json')) : ({} as SeedFacts);
  const adapter = createTrytonAdapter();
  const pageUrl = (id: number) => `${origin}/#${facts.database}/model/sale.opportunity/${id};name=%22Opportunities%22`;
  const ref = (id: number) => adapter.matches(pageUrl(id))!;
  const employeeOf = (login: string) => String(facts.users.find((u) => u.login === login)!.employeeId);
  // One login per user (Tryton hashes the password at each login, which takes a while).
  const sessions = new Map<string, Promise<CrmFetch>>();
  const as = (login: string): Promise<CrmFetch> => {
    if (!sessions.has(login)) sessions.set(login, trytonLogin(origin, facts.database, login, facts.password).then((l) => pageIo(l.storage)));
    return sessions.get(login)!;
  };

  it('finds the stale deal far older than the typical cycle, with every push', async () => {
    const stale = facts.showcase.stale;
    const deal = await adapter.readDeal(ref(stale.id), await as('alice'));
    expect(Deal.safeParse(deal).success).toBe(true);
    expect(daysBetween(deal.createdAt!, facts.today)).toBe(stale.ageDays);
    expect(stale.ageDays).toBeGreaterThan(2 * facts.typicalCycleDays.alice);
    expect(deal.history.closeDateChanges.map((c) => ({ on: toIsoDate(c.at), from: c.from, to: c.to }))).toEqual(stale.closeDateChanges);
    expect(deal.history.closeDateChanges).toHaveLength(stale.pushCount);
    expect(deal.owner).toEqual({ id: String(stale.owner.employeeId), name: stale.owner.name });
  });

  it('finds no decision maker (nor economic buyer) on the deal that has none', async () => {
    const deal = await adapter.readDeal(ref(facts.showcase.noDecisionMaker.id), await as('alice'));
    expect(deal.stakeholders.length).toBeGreaterThan(0);
    expect(deal.stakeholders.filter((s) => s.influence === 'decision-maker' || s.influence === 'economic-buyer')).toEqual([]);
  });

  it('reads the healthy deal as healthy: young, key people named in recent notes, close date ahead, never pushed', async () => {
    const healthy = facts.showcase.healthy;
    const deal = await adapter.readDeal(ref(healthy.id), await as('alice'));
    expect(daysBetween(deal.createdAt!, facts.today)).toBe(healthy.ageDays);
    expect(healthy.ageDays).toBeLessThan(facts.typicalCycleDays.alice);
    expect(deal.closeDate! > facts.today).toBe(true);
    expect(deal.history).toMatchObject({ tracked: true, closeDateChanges: [] });
    expect(new Set(deal.stakeholders.map((s) => s.influence))).toEqual(new Set(['decision-maker', 'champion', 'economic-buyer']));
    expect(toIsoDate(deal.activities.at(-1)!.at)).toBe(healthy.lastNoteOn);
    const named = new Set(deal.activities.flatMap((a) => a.stakeholderIds));
    expect(deal.stakeholders.filter((s) => s.influence !== 'economic-buyer').every((s) => named.has(s.id))).toBe(true);
  });

  it('sees the past close date and both pushes of the deal that slipped', async () => {
    const past = facts.showcase.pastClose;
    const deal = await adapter.readDeal(ref(past.id), await as('bob'));
    expect(deal.closeDate).toBe(past.closeDate);
    expect(deal.closeDate! < facts.today).toBe(true);
    expect(deal.history.closeDateChanges).toHaveLength(past.pushCount);
  });

  it("reads each rep's whole history, and a manager's team", async () => {
    const manager = await adapter.whoAmI(ref(1), await as('morgan'));
    expect(manager).toEqual({ id: employeeOf('morgan'), name: 'Morgan Lee', teamOwnerIds: [employeeOf('alice'), employeeOf('bob')] });
    const io = await as('morgan');
    const deals = await adapter.readHistory(ref(1), { teamOwnerIds: manager.teamOwnerIds }, io);
    expect(deals).toHaveLength(facts.opportunities.byOwner.alice! + facts.opportunities.byOwner.bob!);
    const won = deals.filter((d) => d.stage.category === 'won' && d.owner.id === employeeOf('bob'));
    expect(won.map((d) => daysBetween(d.createdAt!, d.closedAt!)).sort((a, b) => a - b)).toEqual(facts.wonCycles.bob);
    expect(await adapter.whoAmI(ref(1), await as('alice'))).toEqual({ id: employeeOf('alice'), name: 'Alice Martin', teamOwnerIds: [] });
  });

  it('says "sign in again" for a session Tryton does not know, without a Basic-auth prompt', async () => {
    const expired = pageIo({ getItem: () => JSON.stringify({ login: 'alice', user_id: 3, session: 'f'.repeat(64) }) });
    const answers: Record<string, string>[] = [];
    const seen: CrmFetch = async (u, init) => {
      const res = await expired(u, init);
      answers.push(res.headers);
      return res;
    };
    const error = await adapter.readDeal(ref(facts.showcase.healthy.id), seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('session-expired');
    expect(answers.length).toBeGreaterThan(0);
    for (const headers of answers) expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('www-authenticate');
  });
});
