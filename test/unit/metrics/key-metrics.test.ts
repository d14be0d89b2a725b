import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { groupDeals, keyMetrics, NO_DATE, NO_TEAM, UNKNOWN_PRODUCT } from '../../../lib/metrics';
import { lost, open, won } from './make-deal';

describe('keyMetrics (the four key sales metrics)', () => {
  const deals = [
    won(1000, { isNew: true, product: 'GTX Basic', closed: '2017-02-01' }),
    won(3000, { isNew: false, product: 'GTX Pro', closed: '2017-02-02' }),
    won(2000, { isNew: false, product: 'GTX Basic', closed: '2017-02-03' }),
    won(null, { isNew: null, product: null, closed: '2017-02-04' }),
    won(9000, { isNew: true, product: 'GTX Pro', closed: '2017-06-01' }), // next quarter
    lost(5000, { isNew: true, product: 'GTX Pro', closed: '2017-02-05' }),
    open(7000),
  ];

  it('counts wins, averages known won sizes, splits existing and new customers, and mixes products by won value', () => {
    const k = keyMetrics(deals, parsePeriod('2017-Q1'));
    expect(k.wins).toBe(4);
    expect(k.averageWonSize).toBe(2000);
    expect(k.customers).toEqual({ existing: 2, new: 1, unknown: 1, existingShare: { rate: 2 / 3, numerator: 2, denominator: 3 } });
    expect(k.productMix).toEqual([
      // Equal value: more wins first.
      { product: 'GTX Basic', wins: 2, value: 3000, share: 0.5 },
      { product: 'GTX Pro', wins: 1, value: 3000, share: 0.5 },
      { product: UNKNOWN_PRODUCT, wins: 1, value: 0, share: 0 },
    ]);
  });

  it('is empty, with null size and share, for no wins', () => {
    const k = keyMetrics([lost(1), open(1)]);
    expect(k).toEqual({ wins: 0, averageWonSize: null, customers: { existing: 0, new: 0, unknown: 0, existingShare: { rate: null, numerator: 0, denominator: 0 } }, productMix: [] });
  });
});

describe('groupDeals', () => {
  const deals = [
    won(1, { owner: 'a', ownerName: 'Ann', closed: '2017-02-01' }),
    open(1, { owner: 'b', ownerName: 'Bob', created: '2016-11-05' }),
    lost(1, { owner: 'a', ownerName: 'Ann', closed: '2017-04-01' }),
    open(1, { owner: 'c', ownerName: 'Cy', created: null }),
  ];

  it('groups by owner id in first-seen order', () => {
    const g = groupDeals(deals, 'owner');
    expect([...g.keys()]).toEqual(['a', 'b', 'c']);
    expect(g.get('a')).toHaveLength(2);
  });

  it("groups by the owner's team, asking once per owner", () => {
    const asked: string[] = [];
    const teamOf = (name: string) => {
      asked.push(name);
      return name === 'Cy' ? null : 'Central';
    };
    const g = groupDeals(deals, 'team', teamOf);
    expect(Object.fromEntries([...g].map(([k, v]) => [k, v.length]))).toEqual({ Central: 3, [NO_TEAM]: 1 });
    expect(asked).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('groups by the quarter of the close, or of the creation for open deals', () => {
    const g = groupDeals(deals, 'period');
    expect(Object.fromEntries([...g].map(([k, v]) => [k, v.length]))).toEqual({ '2017-Q1': 1, '2016-Q4': 1, '2017-Q2': 1, [NO_DATE]: 1 });
  });
});
