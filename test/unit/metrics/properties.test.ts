/** Properties every input must satisfy, on random deal sets (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parsePeriod } from '../../../lib/dates';
import { coverage, pushRate, stageConversion, summarize, winRates, type Rate } from '../../../lib/metrics';
import type { Deal } from '../../../lib/model';
import { makeDeal } from './make-deal';

const STAGES = ['Qualify', 'Propose', 'Negotiate'];
const day = (offset: number | null) => (offset === null ? null : addDays('2016-10-01', offset));

const dealArb = fc
  .record({
    outcome: fc.constantFrom('open', 'won', 'lost'),
    // Integers keep sums exact whatever the order they are added in.
    amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { freq: 4 }),
    created: fc.option(fc.integer({ min: 0, max: 450 }), { freq: 6 }),
    length: fc.option(fc.integer({ min: -10, max: 300 }), { freq: 6 }),
    closeShift: fc.option(fc.integer({ min: -60, max: 200 }), { freq: 4 }),
    order: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
    owner: fc.constantFrom('a', 'b', 'c'),
    pushes: fc.array(fc.integer({ min: -40, max: 80 }), { maxLength: 3 }),
    history: fc.boolean(),
  })
  .map((r): Deal => {
    const created = r.created;
    const closed = r.outcome === 'open' || r.length === null ? null : (created ?? 200) + r.length;
    const closeDate = r.closeShift === null ? null : (created ?? 200) + r.closeShift;
    let expected = closeDate ?? 300;
    const closeDateChanges = r.pushes.map((shift, i) => {
      const from = expected;
      expected += shift;
      return { at: day((created ?? 100) + 10 * (i + 1))!, from: day(from), to: day(expected) };
    });
    const stage = r.order === null ? 'Qualify' : STAGES[r.order]!;
    return makeDeal({
      outcome: r.outcome,
      amount: r.amount,
      owner: r.owner,
      created: day(created),
      closed: day(closed),
      closeDate: closeDateChanges.length ? day(expected) : day(closeDate),
      closeDateChanges,
      stage: r.outcome === 'open' ? stage : undefined,
      order: r.outcome === 'open' ? r.order : null,
      stageChanges: r.history && r.order !== null ? STAGES.slice(0, r.order + 1).map((s, i) => ({ at: day(i + (created ?? 0))!, from: i ? STAGES[i - 1]! : null, to: s })) : [],
    });
  });

const dealsArb = fc.array(dealArb, { maxLength: 60 });
const periodArb = fc.option(fc.constantFrom('2016-Q4', '2017-Q1', '2017-Q2', '2017'), { freq: 3 }).map((p) => (p === null ? null : parsePeriod(p)!));

const inUnitRange = (r: Rate) => {
  if (r.rate === null) expect(r.denominator).toBe(0);
  else {
    expect(r.rate).toBeGreaterThanOrEqual(0);
    expect(r.rate).toBeLessThanOrEqual(1);
    expect(r.rate).toBe(r.numerator / r.denominator);
  }
};

describe('metric properties', () => {
  it('every rate is in [0, 1], or null exactly when its denominator is 0', () => {
    fc.assert(
      fc.property(dealsArb, periodArb, (deals, period) => {
        const w = winRates(deals, period);
        [w.unit, w.value, w.pursued.unit, w.pursued.value].forEach(inUnitRange);
        stageConversion(deals, period).forEach((s) => inUnitRange(s.conversion));
        inUnitRange(pushRate(deals, period ?? parsePeriod('2017-Q1')!, '2017-06-01'));
        coverage(deals, { target: 1e6 }).forEach((c) => c.conversion === null || expect(c.conversion).toBeLessThanOrEqual(1));
      }),
    );
  });

  it('win rates do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(dealsArb, periodArb, fc.integer(), (deals, period, seed) => {
        const shuffled = [...deals].sort((a, b) => ((hash(a.ref.id) ^ seed) >>> 0) - ((hash(b.ref.id) ^ seed) >>> 0));
        expect(winRates(shuffled, period)).toEqual(winRates(deals, period));
      }),
    );
  });

  it('value win rate equals unit win rate when every amount is the same, non-zero', () => {
    fc.assert(
      fc.property(dealsArb, periodArb, fc.integer({ min: 1, max: 1e6 }), (deals, period, amount) => {
        const same = deals.map((d) => ({ ...d, amount }));
        const w = winRates(same, period);
        expect(w.value.numerator / amount).toBe(w.unit.numerator);
        if (w.unit.rate === null) expect(w.value.rate).toBeNull();
        else expect(w.value.rate).toBeCloseTo(w.unit.rate, 12);
        if (w.pursued.unit.rate === null) expect(w.pursued.value.rate).toBeNull();
        else expect(w.pursued.value.rate).toBeCloseTo(w.pursued.unit.rate, 12);
      }),
    );
  });

  it('the pursued win rate never exceeds the closed-only one', () => {
    fc.assert(
      fc.property(dealsArb, periodArb, (deals, period) => {
        const w = winRates(deals, period);
        if (w.unit.rate !== null && w.pursued.unit.rate !== null) expect(w.pursued.unit.rate).toBeLessThanOrEqual(w.unit.rate);
        expect(w.pursued.unit.numerator).toBe(w.unit.numerator);
        expect(w.pursued.unit.denominator).toBeGreaterThanOrEqual(w.unit.denominator);
      }),
    );
  });

  it("a report's groups add up to its overall figures, and those equal the ungrouped report's", () => {
    fc.assert(
      fc.property(dealsArb, periodArb, (deals, period) => {
        const r = summarize(deals, { now: '2017-06-01', period, groupBy: 'owner' });
        expect(r.overall).toEqual(summarize(deals, { now: '2017-06-01', period }).overall);
        const sum = (f: (g: (typeof r.groups)[number]) => number) => r.groups.reduce((s, g) => s + f(g), 0);
        expect(sum((g) => g.deals.total)).toBe(deals.length);
        expect(sum((g) => g.winRates.unit.numerator)).toBe(r.overall.winRates.unit.numerator);
        expect(sum((g) => g.winRates.unit.denominator)).toBe(r.overall.winRates.unit.denominator);
        expect(sum((g) => g.pushRate.denominator)).toBe(r.overall.pushRate.denominator);
        expect(sum((g) => g.keyMetrics.wins)).toBe(r.overall.keyMetrics.wins);
        expect(sum((g) => g.cycle?.n ?? 0)).toBe(r.overall.cycle?.n ?? 0);
      }),
    );
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
