import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, buildCoachingView, coachDealDetailed } from '../../../lib/coaching/engine';
import { addDays } from '../../../lib/dates';
import { Deal, Finding, Influence, SEVERITY_ORDER, Thresholds, type Benchmarks, type DealInput } from '../../../lib/model';
import { PLAYBOOKS } from '../../../lib/playbooks';
import { NOW, TODAY, makeContext } from './builder';

const offset = fc.integer({ min: -800, max: 400 });
const date = offset.map((d) => addDays(TODAY, d));
const instant = fc.tuple(offset, fc.integer({ min: 0, max: 23 })).map(([d, h]) => `${addDays(TODAY, d)}T${String(h).padStart(2, '0')}:15:00Z`);
const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'ghost'];

const dealArb: fc.Arbitrary<Deal> = fc
  .record({
    crm: fc.constantFrom('demo', 'salesforce', 'dynamics', 'hubspot', 'pipedrive', 'tryton', 'csv', 'custom:x'),
    amount: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    stage: fc.constantFrom('Prospecting', 'Qualify', 'Proposal', 'Negotiation'),
    nextStep: fc.option(fc.constantFrom('', '  ', 'Send quote'), { nil: undefined }),
    createdAt: fc.option(instant, { nil: null }),
    closeDate: fc.option(date, { nil: null }),
    tracked: fc.boolean(),
    closeDateChanges: fc.array(fc.record({ at: instant, from: fc.option(date, { nil: null }), to: fc.option(date, { nil: null }) }), { maxLength: 5 }),
    stageChanges: fc.array(fc.record({ at: instant, from: fc.option(fc.constantFrom('Qualify', 'Proposal'), { nil: null }), to: fc.constantFrom('Qualify', 'Proposal', 'Negotiation') }), { maxLength: 4 }),
    people: fc.array(fc.constantFrom(...Influence.options), { maxLength: 6 }),
    activities: fc.array(
      fc.record({ kind: fc.constantFrom('call', 'meeting', 'email', 'task', 'note'), at: instant, done: fc.boolean(), who: fc.subarray(ids) }),
      { maxLength: 15 },
    ),
    fields: fc.dictionary(
      fc.constantFrom('qual_budget_allocated', 'qual_can_win', 'Budget_Confirmed__c', 'budgetstatus', 'Decision Maker', 'metrics', 'pain'),
      fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constantFrom('', 'TBD', 'yes')),
    ),
  })
  .map((r): Deal => {
    const input: DealInput = {
      ref: { crm: r.crm, instance: 'x', id: 'D', url: 'x' },
      name: 'Deal',
      accountName: null,
      owner: { id: 'u1', name: 'Owner' },
      amount: r.amount,
      currency: null,
      stage: { name: r.stage, category: 'open' },
      nextStep: r.nextStep,
      createdAt: r.createdAt,
      closeDate: r.closeDate,
      closedAt: null,
      history: { closeDateChanges: r.closeDateChanges, stageChanges: r.stageChanges, tracked: r.tracked },
      stakeholders: r.people.map((influence, i) => ({ id: `p${i}`, name: `Person ${i}`, roles: [], influence })),
      activities: r.activities.map((a, i) => ({ id: `a${i}`, kind: a.kind, at: a.at, done: a.done, stakeholderIds: a.who })),
      fields: r.fields,
    };
    return Deal.parse(input);
  });

const benchmarksArb: fc.Arbitrary<Benchmarks | null> = fc.option(
  fc.record({
    ownerId: fc.constantFrom('u1', 'u2'),
    cycle: fc.option(
      fc.record({ median: fc.integer({ min: 0, max: 300 }), p75: fc.integer({ min: 0, max: 400 }), p90: fc.integer({ min: 0, max: 500 }), n: fc.integer({ min: 0, max: 500 }), basis: fc.constantFrom('own' as const, 'team' as const) }),
      { nil: null },
    ),
    stageDays: fc.dictionary(fc.constantFrom('Qualify', 'Proposal', 'Negotiation'), fc.record({ median: fc.double({ min: 0, max: 90, noNaN: true }), n: fc.integer({ min: 0, max: 50 }) })),
    openPipeline: fc.record({ count: fc.integer({ min: 0, max: 100 }), value: fc.integer({ min: 0, max: 5_000_000 }), unknownAmount: fc.integer({ min: 0, max: 10 }) }),
    sizeBands: fc.constant(null),
    basisDeals: fc.integer({ min: 0, max: 1000 }),
    computedAt: fc.constant(NOW),
  }),
  { nil: null },
);

const thresholdsArb = fc
  .record({
    unreachedDays: fc.integer({ min: 1, max: 365 }),
    pushCount: fc.integer({ min: 1, max: 20 }),
    pushDays: fc.integer({ min: 1, max: 365 }),
    singleThreadedMax: fc.integer({ min: 0, max: 10 }),
    engagedDays: fc.integer({ min: 1, max: 365 }),
    stalledFactor: fc.double({ min: 1, max: 10, noNaN: true }),
    minOwnWon: fc.integer({ min: 1, max: 1000 }),
    bigDealShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
  })
  .map((t) => Thresholds.parse(t));

describe('coaching over arbitrary deals', () => {
  it('never fails a rule, and every finding is valid, sorted and free of NaN/undefined in its words', () => {
    fc.assert(
      fc.property(dealArb, benchmarksArb, thresholdsArb, fc.constantFrom(...PLAYBOOKS), (deal, benchmarks, thresholds, playbook) => {
        const ctx = makeContext({ benchmarks, thresholds, playbook });
        const { findings, failures } = coachDealDetailed(deal, ctx);
        expect(failures).toEqual([]);
        let last = 0;
        for (const f of findings) {
          Finding.parse(f);
          expect(RULES.some((r) => r.id === f.ruleId)).toBe(true);
          const rank = SEVERITY_ORDER.indexOf(f.severity);
          expect(rank).toBeGreaterThanOrEqual(last);
          last = rank;
          for (const text of [f.title, f.why, f.action]) expect(text).not.toMatch(/NaN|undefined|Infinity|\bnull\b|\[object/);
        }
        const view = buildCoachingView(deal, ctx);
        expect(view.qualification.items).toHaveLength(playbook.questions.length);
        expect(view.stakeholders).toHaveLength(deal.stakeholders.length);
        for (const s of view.stakeholders) if (s.reached) expect(s.lastContact).not.toBeNull();
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
