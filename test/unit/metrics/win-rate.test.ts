import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { winRates } from '../../../lib/metrics';
import { lost, open, won } from './make-deal';

const q1 = parsePeriod('2017-Q1')!;

describe('winRates — the seed\'s worked example ("When is your Win Rate not your Win Rate?")', () => {
  it('scenario 1: A $20k won, B $10k won, C $40k lost, D $30k lost → unit 50%, value 30%', () => {
    const r = winRates([won(20_000), won(10_000), lost(40_000), lost(30_000)]);
    expect(r.unit).toEqual({ rate: 0.5, numerator: 2, denominator: 4 });
    expect(r.value.rate).toBeCloseTo(0.3, 10);
    expect(r.value).toMatchObject({ numerator: 30_000, denominator: 100_000, reliable: true, excludedUnknownAmount: 0, zeroValueLost: 0 });
    // Nothing is open, so pursued equals closed-only.
    expect(r.pursued.unit.rate).toBe(0.5);
    expect(r.pursued.value.rate).toBeCloseTo(0.3, 10);
  });

  it('scenario 2: C still open → closed-only unit 66.7%, value 50%; pursued unit 50%, value 30%', () => {
    const r = winRates([won(20_000), won(10_000), open(40_000), lost(30_000)]);
    expect(r.unit.rate).toBeCloseTo(2 / 3, 10);
    expect(r.unit).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r.value.rate).toBeCloseTo(0.5, 10);
    expect(r.pursued.unit).toEqual({ rate: 0.5, numerator: 2, denominator: 4 });
    expect(r.pursued.value.rate).toBeCloseTo(0.3, 10);
    expect(r.pursued.value).toMatchObject({ numerator: 30_000, denominator: 100_000 });
  });
});

describe('winRates — edges', () => {
  it('returns null rates, not 0 or NaN, for no deals', () => {
    const r = winRates([]);
    expect(r.unit).toEqual({ rate: null, numerator: 0, denominator: 0 });
    expect(r.value.rate).toBeNull();
    expect(r.pursued.unit.rate).toBeNull();
    expect(r.pursued.value.rate).toBeNull();
  });

  it('only open deals: no closed-only rate, pursued rate 0', () => {
    const r = winRates([open(10), open(20)]);
    expect(r.unit.rate).toBeNull();
    expect(r.pursued.unit).toEqual({ rate: 0, numerator: 0, denominator: 2 });
  });

  it('leaves unknown amounts out of the value rate and counts them, but keeps them in the unit rate', () => {
    const r = winRates([won(100), won(null), lost(100), lost(null), open(null)]);
    expect(r.unit).toMatchObject({ numerator: 2, denominator: 4 });
    expect(r.value).toMatchObject({ rate: 0.5, numerator: 100, denominator: 200, excludedUnknownAmount: 2, reliable: true });
    expect(r.pursued.value.excludedUnknownAmount).toBe(3);
  });

  it('flags the value rate unreliable when lost deals carry 0, in plain words', () => {
    const r = winRates([won(100), won(300), lost(0), lost(0), lost(0)]);
    expect(r.value.rate).toBe(1);
    expect(r.value.zeroValueLost).toBe(3);
    expect(r.value.reliable).toBe(false);
    expect(r.value.unreliableReason).toBe('3 lost deals have value 0, so value win rate would read ~100%');
    expect(r.pursued.value.reliable).toBe(false);
    // The unit rate is unaffected.
    expect(r.unit.rate).toBeCloseTo(0.4, 10);
  });

  it('says how many when only some lost deals carry 0', () => {
    const r = winRates([won(100), lost(0), lost(50)]);
    expect(r.value).toMatchObject({ reliable: false, zeroValueLost: 1 });
    expect(r.value.unreliableReason).toBe('1 of 2 lost deals have value 0, so value win rate would read too high');
  });

  it('flags it too when no lost deal has a known value (the zeros imported as unknown)', () => {
    const r = winRates([won(100), lost(null), lost(null)]);
    expect(r.value).toMatchObject({ rate: 1, excludedUnknownAmount: 2, zeroValueLost: 0, reliable: false });
    expect(r.value.unreliableReason).toBe('2 lost deals have no known value, so value win rate would read ~100%');
    // With some lost values known, unknown ones are only excluded and counted.
    expect(winRates([won(100), lost(null), lost(100)]).value).toMatchObject({ rate: 0.5, excludedUnknownAmount: 1, reliable: true });
  });

  it('a won deal at 0 is not a reason for doubt', () => {
    expect(winRates([won(0), won(10), lost(10)]).value.reliable).toBe(true);
  });
});

describe('winRates — periods', () => {
  const deals = [
    won(10, { created: '2016-11-01', closed: '2017-02-10' }), // closed in Q1
    lost(10, { created: '2016-12-01', closed: '2017-03-31' }), // closed in Q1 (last day)
    won(10, { created: '2016-12-01', closed: '2017-04-01' }), // closed after: pursued in Q1, not a Q1 win
    lost(10, { created: '2016-10-01', closed: '2016-12-31' }), // closed before: not pursued in Q1
    open(10, { created: '2017-02-01' }), // pursued
    open(10, { created: '2017-05-01' }), // created after: not pursued
    open(10, { created: null }), // unknown creation: pursued (Maven prospects)
    won(10, { closed: null }), // cannot be placed in a period
  ];

  it('counts only deals closed in the period for the closed-only rate', () => {
    const r = winRates(deals, q1);
    expect(r.unit).toEqual({ rate: 0.5, numerator: 1, denominator: 2 });
  });

  it('counts deals pursued in the period — decided in it or still open during it — for the pursued rate', () => {
    const r = winRates(deals, q1);
    expect(r.pursued.unit).toEqual({ rate: 0.2, numerator: 1, denominator: 5 });
    // The deal won in Q2 counts as open-in-Q1 value, not as a Q1 win.
    expect(r.pursued.value).toMatchObject({ numerator: 10, denominator: 50 });
  });

  it('takes every deal without a period, even a closed one without a date', () => {
    const r = winRates(deals);
    expect(r.unit).toMatchObject({ numerator: 3, denominator: 5 });
    expect(r.pursued.unit).toMatchObject({ numerator: 3, denominator: 8 });
  });
});
