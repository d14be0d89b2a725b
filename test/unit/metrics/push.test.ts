import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { closeDateSlip, pushCount, pushRate } from '../../../lib/metrics';
import { lost, makeDeal, open, won } from './make-deal';

const q1 = parsePeriod('2017-Q1')!;
const after = '2017-05-15';
const change = (at: string, from: string | null, to: string | null) => ({ at, from, to });

describe('pushCount and closeDateSlip', () => {
  it('counts only moves to a later date', () => {
    const deal = open(1, {
      closeDate: '2017-04-10',
      closeDateChanges: [
        change('2017-01-01', null, '2017-02-01'), // first date set: not a push
        change('2017-01-20', '2017-02-01', '2017-03-01'), // later: push
        change('2017-02-20', '2017-03-01', '2017-02-25'), // earlier: pulled in
        change('2017-02-24', '2017-02-25', '2017-04-10'), // later: push
      ],
    });
    expect(pushCount(deal)).toBe(2);
    expect(closeDateSlip(deal)).toBe(68); // 2017-02-01 → 2017-04-10
  });

  it('is 0 / null without history', () => {
    expect(pushCount(open(1))).toBe(0);
    expect(closeDateSlip(open(1, { closeDate: '2017-01-01' }))).toBeNull();
  });
});

describe('pushRate', () => {
  it('without history: an open deal whose close date is past counts as pushed', () => {
    const deals = [
      open(1, { closeDate: '2017-02-15' }), // expected in Q1, still open after it → pushed
      won(1, { closeDate: '2017-03-01', closed: '2017-03-01' }), // closed in Q1
      lost(1, { closeDate: '2017-03-10', closed: '2017-03-10' }), // closed (lost) in Q1: not a push
      open(1, { closeDate: '2017-06-01' }), // not expected in Q1
      open(1, { closeDate: null }), // no expected date: not measured
    ];
    expect(pushRate(deals, q1, after)).toMatchObject({ rate: 1 / 3, numerator: 1, denominator: 3, basis: 'open-past-close', period: '2017-Q1' });
  });

  it('with history: measures the deals expected in the period as of its start', () => {
    const deals = [
      // Expected 2017-03-20 at the start of Q1, moved to Q2 in March and won there: pushed.
      won(1, { closeDate: '2017-04-20', closed: '2017-04-20', closeDateChanges: [change('2016-12-01', null, '2017-03-20'), change('2017-03-15', '2017-03-20', '2017-04-20')] }),
      // Expected in Q2 at the start of Q1, pulled into Q1 and won: not forecast for Q1, not measured.
      won(1, { closeDate: '2017-02-01', closed: '2017-02-01', closeDateChanges: [change('2016-12-01', null, '2017-05-01'), change('2017-01-10', '2017-05-01', '2017-02-01')] }),
      // Moved on the first day of Q1: as of the start it was still expected in Q1 (the `from`).
      open(1, { closeDate: '2017-07-01', closeDateChanges: [change('2017-01-01', '2017-02-01', '2017-07-01')] }),
      // Created mid-quarter: its first expected date (the earliest change's `from`) is in Q1; it closed in Q1.
      lost(1, { created: '2017-02-01', closeDate: '2017-03-30', closed: '2017-03-30', closeDateChanges: [change('2017-03-01', '2017-03-05', '2017-03-30')] }),
    ];
    expect(pushRate(deals, q1, after)).toMatchObject({ numerator: 2, denominator: 3, basis: 'history' });
  });

  it('leaves out deals closed before the period or without a close date', () => {
    const deals = [won(1, { closeDate: '2017-02-01', closed: '2016-12-15' }), lost(1, { closeDate: '2017-02-01', closed: null })];
    expect(pushRate(deals, q1, after)).toMatchObject({ rate: null, denominator: 0 });
  });

  it('in a period not over yet: pushed when moved out or already late, otherwise pending', () => {
    const now = '2017-02-15';
    const deals = [
      open(1, { closeDate: '2017-02-10' }), // late already
      open(1, { closeDate: '2017-03-20' }), // still due: pending
      open(1, { closeDate: '2017-05-01', closeDateChanges: [change('2016-12-01', null, '2017-03-01'), change('2017-02-01', '2017-03-01', '2017-05-01')] }), // moved out
      won(1, { closeDate: '2017-02-01', closed: '2017-02-01' }),
    ];
    expect(pushRate(deals, q1, now)).toMatchObject({ numerator: 2, denominator: 3, pending: 1 });
  });

  it('is null for no deals', () => {
    expect(pushRate([], q1, after)).toMatchObject({ rate: null, numerator: 0, denominator: 0 });
  });

  it('ignores changes without a date of their own', () => {
    const d = makeDeal({ closeDate: '2017-02-01', closeDateChanges: [change('not a date', '2016-01-01', '2017-02-01')] });
    // The only change cannot be placed in time; its `from` is not evidence of what was expected at the start.
    expect(pushRate([d], q1, after).denominator).toBe(0);
  });
});
