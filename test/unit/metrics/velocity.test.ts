import { describe, expect, it } from 'vitest';
import { salesVelocity, velocityFromDeals, velocityWhatIf } from '../../../lib/metrics';
import { lost, open, won } from './make-deal';

const inputs = { openQualified: 40, averageWonAmount: 25_000, unitWinRate: 0.3, cycleDays: 90 };

describe('sales velocity', () => {
  it('is deals × size × win rate ÷ cycle, in revenue per day', () => {
    expect(salesVelocity(inputs).perDay).toBeCloseTo((40 * 25_000 * 0.3) / 90, 9);
  });

  it('+10% on the first three and −10% cycle gives ×1.1³/0.9 ≈ 1.479 (the seed\'s "+48%")', () => {
    const w = velocityWhatIf(inputs);
    expect(w.factor).toBeCloseTo(1.1 ** 3 / 0.9, 12);
    expect(w.factor!.toFixed(3)).toBe('1.479');
    expect(w.improved.inputs).toMatchObject({ openQualified: 44, cycleDays: 81 });
    expect(w.improved.inputs.averageWonAmount).toBeCloseTo(27_500, 9);
  });

  it('does not improve a win rate beyond 100%', () => {
    const w = velocityWhatIf({ ...inputs, unitWinRate: 0.95 });
    expect(w.improved.inputs.unitWinRate).toBe(1);
    expect(w.factor).toBeCloseTo((1.1 * 1.1 * (1 / 0.95)) / 0.9, 9);
  });

  it('has no velocity and no factor without a cycle', () => {
    const w = velocityWhatIf({ ...inputs, cycleDays: 0 });
    expect(w.base.perDay).toBeNull();
    expect(w.factor).toBeNull();
  });
});

describe('velocityFromDeals', () => {
  it('counts open deals past the first stage, averages known won amounts, takes the unit win rate', () => {
    const deals = [
      open(1, { order: 0 }), // first stage: not qualified yet
      open(1, { order: 1 }),
      open(1, { order: 3 }),
      open(1, { order: null }), // no order: nothing says it is unqualified
      won(10_000),
      won(30_000),
      won(null),
      lost(5_000),
    ];
    expect(velocityFromDeals(deals, 60)).toEqual({ openQualified: 3, averageWonAmount: 20_000, unitWinRate: 0.75, cycleDays: 60 });
  });

  it('finds the first stage however the CRM numbers its stages (the demo CRM and Tryton count from 1)', () => {
    const oneBased = [open(1, { order: 1 }), open(1, { order: 1 }), open(1, { order: 2 }), open(1, { order: 3 }), won(1_000, { order: 4 })];
    expect(velocityFromDeals(oneBased, 30).openQualified).toBe(2);
  });

  it('names the inputs it could not compute, so the velocity is null rather than a false 0', () => {
    const v = velocityFromDeals([open(1), lost(1)], null);
    expect(v.missing).toEqual(['averageWonAmount', 'cycleDays']);
    expect(salesVelocity(v).perDay).toBeNull();
    expect(velocityFromDeals([], 30).missing).toEqual(['averageWonAmount', 'unitWinRate']);
  });

  it('a real zero stays a zero', () => {
    const v = velocityFromDeals([won(100), lost(1)], 30); // no open deals
    expect(v.missing).toBeUndefined();
    expect(salesVelocity(v).perDay).toBe(0);
  });
});
