import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { salesCycle, typicalCycle } from '../../../lib/metrics';
import { lost, open, won } from './make-deal';

const wonIn = (days: number, owner = 'u1', created = '2017-01-01') => {
  const closed = new Date(Date.UTC(2017, 0, 1 + days)).toISOString().slice(0, 10);
  return won(100, { owner, created, closed });
};

describe('salesCycle', () => {
  it('measures days from creation to a win, with median, p75, p90 and n', () => {
    const deals = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((d) => wonIn(d));
    expect(salesCycle(deals)).toEqual({ median: 55, p75: 77.5, p90: 91, n: 10, skipped: 0 });
  });

  it('leaves out lost and open deals: a fast loss says nothing about how long a win takes', () => {
    const deals = [wonIn(30), lost(100, { created: '2017-01-01', closed: '2017-01-02' }), open(100)];
    expect(salesCycle(deals)).toMatchObject({ median: 30, n: 1 });
  });

  it('skips and counts won deals without dates or closed before created', () => {
    const deals = [wonIn(30), won(1, { created: null }), won(1, { closed: null }), won(1, { created: '2017-03-01', closed: '2017-02-01' })];
    expect(salesCycle(deals)).toMatchObject({ median: 30, n: 1, skipped: 3 });
  });

  it('counts a timestamp by its UTC day', () => {
    const d = won(1, { created: '2017-01-01T23:00:00-05:00', closed: '2017-01-03T01:00:00Z' });
    expect(salesCycle([d])).toMatchObject({ median: 1 });
  });

  it('is null with no measurable win', () => {
    expect(salesCycle([])).toBeNull();
    expect(salesCycle([won(1, { created: null }), lost(1)])).toBeNull();
  });

  it('takes the wins closed in the period', () => {
    const deals = [wonIn(10), wonIn(200)]; // closes 2017-01-11 and 2017-07-20
    expect(salesCycle(deals, parsePeriod('2017-Q1'))).toMatchObject({ median: 10, n: 1 });
  });
});

describe('typicalCycle', () => {
  const team = [...Array.from({ length: 9 }, () => wonIn(100, 'u2')), ...Array.from({ length: 3 }, () => wonIn(10, 'u1'))];

  it("uses the team's when the owner has fewer wins than the threshold", () => {
    expect(typicalCycle(team, 'u1', 10)).toMatchObject({ basis: 'team', median: 100, n: 12 });
  });

  it("uses the owner's own from the threshold on", () => {
    expect(typicalCycle(team, 'u1', 3)).toMatchObject({ basis: 'own', median: 10, n: 3 });
  });

  it('falls back to the team for an owner with no measurable wins, and is null without any', () => {
    expect(typicalCycle(team, 'nobody', 1)).toMatchObject({ basis: 'team', n: 12 });
    expect(typicalCycle([open(1)], 'u1', 1)).toBeNull();
  });
});
