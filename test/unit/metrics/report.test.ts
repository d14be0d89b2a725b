import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { groupDeals, keyMetrics, pushRate, salesCycle, stageConversion, summarize, winRates } from '../../../lib/metrics';
import { DEFAULT_THRESHOLDS } from '../../../lib/model';
import { lost, open, won } from './make-deal';

const now = '2017-05-15';
const deals = [
  won(20_000, { owner: 'a', ownerName: 'Ann', created: '2017-01-02', closed: '2017-02-01', closeDate: '2017-02-01', product: 'X' }),
  won(10_000, { owner: 'a', ownerName: 'Ann', created: '2017-01-10', closed: '2017-03-01', closeDate: '2017-03-01', product: 'Y' }),
  open(40_000, { owner: 'a', ownerName: 'Ann', stage: 'Propose', order: 1, closeDate: '2017-03-15' }),
  lost(30_000, { owner: 'b', ownerName: 'Bob', closed: '2017-03-20', closeDate: '2017-03-20' }),
  open(5_000, { owner: 'b', ownerName: 'Bob', stage: 'Qualify', order: 0, closeDate: '2017-07-01' }),
  won(7_000, { owner: 'c', ownerName: 'Cy', created: '2016-10-01', closed: '2016-12-01', closeDate: '2016-12-01' }),
];

describe('summarize', () => {
  it('overall figures are the standalone metrics over all deals', () => {
    const r = summarize(deals, { now, period: parsePeriod('2017-Q1') });
    const q1 = parsePeriod('2017-Q1')!;
    expect(r.overall.key).toBe('all');
    expect(r.overall.winRates).toEqual(winRates(deals, q1));
    expect(r.overall.winRates.unit.rate).toBeCloseTo(2 / 3, 10);
    // The seed's scenario 2 plus Bob's open $5k deal: 2 wins of 5 pursued, $30k of $105k.
    expect(r.overall.winRates.pursued.unit.rate).toBe(0.4);
    expect(r.overall.winRates.pursued.value.rate).toBeCloseTo(30 / 105, 10);
    expect(r.overall.cycle).toEqual(salesCycle(deals, q1));
    expect(r.overall.pushRate).toEqual(pushRate(deals, q1, now));
    expect(r.overall.stageConversion).toEqual(stageConversion(deals, q1));
    expect(r.overall.keyMetrics).toEqual(keyMetrics(deals, q1));
    expect(r.overall.deals).toEqual({ total: 6, open: 2, won: 3, lost: 1 });
    expect(r.groups).toEqual([]);
    expect(r).toMatchObject({ groupBy: null, asOf: now, period: q1 });
  });

  it('groups by owner, each group equal to the metrics over its own deals, largest first', () => {
    const r = summarize(deals, { now, groupBy: 'owner', thresholds: DEFAULT_THRESHOLDS });
    expect(r.groups.map((g) => [g.key, g.label, g.deals.total])).toEqual([
      ['a', 'Ann', 3],
      ['b', 'Bob', 2],
      ['c', 'Cy', 1],
    ]);
    const byOwner = groupDeals(deals, 'owner');
    for (const g of r.groups) expect(g.winRates).toEqual(winRates(byOwner.get(g.key)!));
  });

  it('measures the push rate of the last full quarter when no period is given, and says so', () => {
    const r = summarize(deals, { now });
    expect(r.overall.pushRate.period).toBe('2017-Q1');
    // Expected in Q1: 3 closed in it, 1 still open past its date.
    expect(r.overall.pushRate).toMatchObject({ numerator: 1, denominator: 4 });
  });

  it('computes velocity from open qualified deals, won size, win rate and the median cycle', () => {
    const g = summarize(deals, { now, groupBy: 'owner' }).groups[0]!;
    expect(g.velocity.base.inputs).toEqual({ openQualified: 1, averageWonAmount: 15_000, unitWinRate: 1, cycleDays: 40 });
    expect(g.velocity.factor).toBeCloseTo(1.1 * 1.1 / 0.9, 9); // a 100% win rate cannot grow
    expect(g.balance.largest).toMatchObject({ amount: 40_000, share: 1 });
  });

  it('groups by team and by quarter', () => {
    const teamOf = (name: string) => (name === 'Bob' ? 'East' : 'West');
    expect(summarize(deals, { now, groupBy: 'team', teamOf }).groups.map((g) => [g.key, g.deals.total])).toEqual([
      ['West', 4],
      ['East', 2],
    ]);
    const quarters = summarize(deals, { now, groupBy: 'period' }).groups.map((g) => g.key);
    expect(quarters.sort()).toEqual(['2016-Q4', '2017-Q1']);
  });

  it("shows every group against the whole pipeline, even stages an owner has no deal in", () => {
    const r = summarize(deals, { now, groupBy: 'owner' });
    const cy = r.groups.find((g) => g.key === 'c')!;
    // Cy has one won deal and no open one: it still reached both of the team's stages.
    expect(cy.stageConversion.map((s) => [s.stage, s.conversion.numerator, s.conversion.denominator])).toEqual([
      ['Qualify', 1, 1],
      ['Propose', 1, 1],
    ]);
    // Bob's lost deal has no stage history and sits in "Closed Lost": counted at the entry stage only.
    const bob = r.groups.find((g) => g.key === 'b')!;
    expect(bob.stageConversion.map((s) => [s.stage, s.conversion.denominator, s.lostStageUnknown])).toEqual([
      ['Qualify', 1, 1],
      ['Propose', 0, 1],
    ]);
  });

  it('copes with no deals', () => {
    const r = summarize([], { now, groupBy: 'owner' });
    expect(r.overall.winRates.unit.rate).toBeNull();
    expect(r.overall.cycle).toBeNull();
    expect(r.overall.velocity.base.perDay).toBeNull();
    expect(r.groups).toEqual([]);
  });
});
