import { describe, expect, it } from 'vitest';
import { olderThanCycle } from '../../../lib/coaching/rules/older-than-cycle';
import { DANA, at, makeBenchmarks, makeContext, makeDeal } from './builder';

const run = (deal = makeDeal(), ctx = makeContext()) => olderThanCycle.run(deal, ctx);

describe('older-than-cycle', () => {
  it('warns past the median, citing age and the own basis', () => {
    const [f] = run(makeDeal({ createdAt: at(-70), stakeholders: [DANA] }));
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('Open 70 days, since 2026-02-04; your won deals close in 57 days (median of 38 won deals), and 9 in 10 within 120 days.');
    expect(f?.action).toContain('Dana Ruiz (Economic buyer)');
    expect(f?.evidence).toEqual({ ageDays: 70, createdAt: '2026-02-04', medianDays: 57, p75Days: 80, p90Days: 120, wonDeals: 38, basis: 'own', minOwnWon: 10 });
  });

  it('is risk past the 90th percentile and says when the team figure stands in', () => {
    const team = makeBenchmarks({ cycle: { median: 57, p75: 90, p90: 120, n: 412, basis: 'team' } });
    const [f] = run(makeDeal({ createdAt: at(-142) }), makeContext({ benchmarks: team }));
    expect(f?.severity).toBe('risk');
    expect(f?.title).toBe('Older than 9 in 10 won deals');
    expect(f?.why).toBe(
      "Open 142 days, since 2025-11-24; the team's won deals close in 57 days (median of 412 won deals; you have fewer than 10 won deals of your own), and 9 in 10 within 120 days.",
    );
    expect(f?.evidence).toMatchObject({ ageDays: 142, basis: 'team', wonDeals: 412 });
  });

  it('cites a fractional median as it is', () => {
    const bm = makeBenchmarks({ cycle: { median: 56.5, p75: 80, p90: 120, n: 38, basis: 'own' } });
    expect(run(makeDeal({ createdAt: at(-57) }), makeContext({ benchmarks: bm }))[0]?.why).toContain('close in 56.5 days');
  });

  it('stays silent when young, or when the creation date or the cycle is unknown', () => {
    expect(run(makeDeal({ createdAt: at(-57) }))).toEqual([]);
    expect(run(makeDeal({ createdAt: null }))).toEqual([]);
    expect(run(makeDeal({ createdAt: at(-300) }), makeContext({ benchmarks: null }))).toEqual([]);
    expect(run(makeDeal({ createdAt: at(-300) }), makeContext({ benchmarks: makeBenchmarks({ cycle: null }) }))).toEqual([]);
  });
});

describe('older-than-cycle: how many won deals the owner has', () => {
  it('says the owner has 6 won deals, fewer than 10, when the team figure stands in', () => {
    const team = makeBenchmarks({ cycle: { median: 57, p75: 90, p90: 120, n: 412, basis: 'team', ownWon: 6 } });
    const [f] = run(makeDeal({ createdAt: at(-70) }), makeContext({ benchmarks: team }));
    expect(f?.why).toBe("Open 70 days, since 2026-02-04; the team's won deals close in 57 days (median of 412 won deals; you have 6 won deals, fewer than 10), and 9 in 10 within 120 days.");
    expect(f?.evidence).toMatchObject({ basis: 'team', wonDeals: 412, ownWon: 6, minOwnWon: 10 });
  });

  it('says when only the few own deals could be used (no team history)', () => {
    const own = makeBenchmarks({ cycle: { median: 30, p75: 40, p90: 50, n: 1, basis: 'own', ownWon: 1 } });
    const [f] = run(makeDeal({ createdAt: at(-40) }), makeContext({ benchmarks: own }));
    expect(f?.why).toContain('your won deals close in 30 days (median of only 1 won deal, fewer than 10; no team history to compare with)');
  });
});
