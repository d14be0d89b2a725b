import { describe, expect, it } from 'vitest';
import { closeDatePast } from '../../../lib/coaching/rules/close-date-past';
import { day, makeContext, makeDeal } from './builder';

const run = (closeDate: string | null) => closeDatePast.run(makeDeal({ closeDate }), makeContext());

describe('close-date-past', () => {
  it('warns when the close date passed, citing the date and the days since', () => {
    const [f] = run(day(-12));
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('The expected close date 2026-04-03 passed 12 days ago and the deal is still open in Proposal.');
    expect(f?.action).toContain('update the close date');
    expect(f?.evidence).toEqual({ closeDate: '2026-04-03', daysOverdue: 12, today: '2026-04-15', riskAfterDays: 30 });
  });

  it('is risk more than a month late', () => {
    expect(run(day(-30))[0]?.severity).toBe('warn');
    expect(run(day(-31))[0]?.severity).toBe('risk');
  });

  it('stays silent today, in the future, or without a close date', () => {
    expect(run(day(0))).toEqual([]);
    expect(run(day(5))).toEqual([]);
    expect(run(null)).toEqual([]);
  });
});
