import { describe, expect, it } from 'vitest';
import { computeBenchmarks, personalSummary } from '../../../lib/metrics';
import { Benchmarks, DEFAULT_THRESHOLDS } from '../../../lib/model';
import { lost, open, won } from './make-deal';

const at = (day: number) => new Date(Date.UTC(2017, 0, 1 + day)).toISOString().slice(0, 10);
const stages = (...steps: Array<[string | null, string, number]>) => steps.map(([from, to, day]) => ({ at: at(day), from, to }));

describe('computeBenchmarks', () => {
  const history = [
    won(1000, { owner: 'me', created: at(0), closed: at(20), stageChanges: stages(['Qualify', 'Propose', 4], ['Propose', 'Closed Won', 20]) }),
    // Changes listed out of order: sorted before measuring.
    lost(3000, { owner: 'other', created: at(0), closed: at(30), stageChanges: stages(['Propose', 'Closed Lost', 30], ['Qualify', 'Propose', 6]) }),
    won(2000, { owner: 'other', created: at(0), closed: at(40) }),
    won(null, { owner: 'other', created: null }),
    open(5000, { owner: 'me', stageChanges: stages(['Qualify', 'Propose', 8]) }), // in Propose now: that stay has no end
    open(null, { owner: 'me' }),
    open(9000, { owner: 'other' }),
  ];

  it('gathers cycle, stage times, open pipeline and size bands in the Benchmarks shape', () => {
    const b = computeBenchmarks(history, 'me', '2017-06-01T09:00:00Z', DEFAULT_THRESHOLDS);
    expect(() => Benchmarks.parse(b)).not.toThrow();
    expect(b.ownerId).toBe('me');
    // One own win < 10: the team's cycle (20 and 40 days).
    expect(b.cycle).toMatchObject({ basis: 'team', median: 30, n: 2 });
    // Qualify stays: 4, 6, 8 days; Propose stays: 16 and 24 (the open deal's is unfinished).
    expect(b.stageDays).toEqual({ Qualify: { median: 6, n: 3 }, Propose: { median: 20, n: 2 } });
    expect(b.openPipeline).toEqual({ count: 2, value: 5000, unknownAmount: 1 });
    expect(b.sizeBands).toBeNull(); // two known won amounts
    expect(b.basisDeals).toBe(4);
    expect(b.computedAt).toBe('2017-06-01T09:00:00Z');
  });

  it("uses the owner's own cycle once they have enough wins", () => {
    const b = computeBenchmarks(history, 'me', '2017-06-01', { ...DEFAULT_THRESHOLDS, minOwnWon: 1 });
    expect(b.cycle).toMatchObject({ basis: 'own', median: 20, n: 1 });
  });

  it('is empty but valid for no history', () => {
    const b = computeBenchmarks([], 'me', '2017-06-01', DEFAULT_THRESHOLDS);
    expect(Benchmarks.parse(b)).toEqual({ ownerId: 'me', cycle: null, stageDays: {}, openPipeline: { count: 0, value: 0, unknownAmount: 0 }, sizeBands: null, basisDeals: 0, computedAt: '2017-06-01' });
  });
});

describe('personalSummary', () => {
  const now = '2018-01-15T10:00:00Z';
  const history = [
    // 2017-Q4: 1 won, 1 lost; 2017-Q3: 1 won; 2016-Q1 (outside the six quarters): 1 lost.
    won(100, { owner: 'me', ownerName: 'Me', created: '2017-09-01', closed: '2017-11-01', closeDate: '2017-11-01' }),
    lost(100, { owner: 'me', ownerName: 'Me', created: '2017-09-01', closed: '2017-12-31', closeDate: '2017-12-31' }),
    won(300, { owner: 'me', ownerName: 'Me', created: '2017-06-01', closed: '2017-08-01', closeDate: '2017-08-01' }),
    lost(100, { owner: 'me', ownerName: 'Me', created: '2016-01-01', closed: '2016-02-01', closeDate: '2016-02-01' }),
    open(500, { owner: 'me', ownerName: 'Me', order: 2, closeDate: '2017-12-01' }), // expected in Q4, still open: pushed
    open(500, { owner: 'me', ownerName: 'Me', order: 2, closeDate: '2018-02-01' }),
    won(1000, { owner: 'you', ownerName: 'You', created: '2017-01-01', closed: '2017-01-31' }),
    open(100, { owner: 'you', ownerName: 'You', order: 1 }), // the pipeline's first stage: 'me' has none there
  ];

  it("summarises the rep's own deals for the popup", () => {
    const s = personalSummary(history, 'me', now, DEFAULT_THRESHOLDS);
    expect(s).toMatchObject({ ownerId: 'me', ownerName: 'Me', openDeals: 2, asOf: now });
    expect(s.winRates.unit).toEqual({ rate: 0.5, numerator: 2, denominator: 4 });
    expect(s.pushRate).toMatchObject({ period: '2017-Q4', numerator: 1, denominator: 3 });
    // Fewer than 10 own wins: the team's cycle (61, 61, 30 days → median 61).
    expect(s.typicalCycle).toMatchObject({ basis: 'team', median: 61, n: 3 });
    expect(s.velocity.base.inputs).toEqual({ openQualified: 2, averageWonAmount: 200, unitWinRate: 0.5, cycleDays: 61 });
    expect(s.velocity.factor).toBeCloseTo(1.1 ** 3 / 0.9, 9);
    expect(s.trend.map((t) => t.quarter)).toEqual(['2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']);
    expect(s.trend.map((t) => t.winRate.rate)).toEqual([null, null, null, null, 1, 0.5]);
  });

  it('is empty for a rep with no deals', () => {
    const s = personalSummary(history, 'new-hire', now, DEFAULT_THRESHOLDS);
    expect(s).toMatchObject({ ownerName: '', openDeals: 0 });
    expect(s.winRates.unit.rate).toBeNull();
    expect(s.velocity.base.perDay).toBeNull();
  });
});

describe('computeBenchmarks: own wins and the team basis', () => {
  const mine = (n: number, days: number) => Array.from({ length: n }, () => won(100, { owner: 'me', created: at(0), closed: at(days) }));
  const theirs = (n: number, days: number) => Array.from({ length: n }, () => won(100, { owner: 'other', created: at(0), closed: at(days) }));

  it("says how many won deals the owner has, whatever the basis", () => {
    const team = computeBenchmarks([...mine(6, 10), ...theirs(20, 50)], 'me', '2017-06-01', DEFAULT_THRESHOLDS);
    expect(team.cycle).toMatchObject({ basis: 'team', n: 26, median: 50, ownWon: 6 });
    const own = computeBenchmarks([...mine(12, 10), ...theirs(20, 50)], 'me', '2017-06-01', DEFAULT_THRESHOLDS);
    expect(own.cycle).toMatchObject({ basis: 'own', n: 12, median: 10, ownWon: 12 });
  });

  it("does not pass the owner's own few wins off as the team's when no team history was read", () => {
    const b = computeBenchmarks(mine(6, 10), 'me', '2017-06-01', DEFAULT_THRESHOLDS);
    expect(b.cycle).toMatchObject({ basis: 'own', n: 6, ownWon: 6 });
  });
});
