import { describe, expect, it } from 'vitest';
import { singleThreaded } from '../../../lib/coaching/rules/single-threaded';
import { DANA, RIA, SAM, activity, makeContext, makeDeal, met } from './builder';

const run = (deal = makeDeal(), ctx = makeContext()) => singleThreaded.run(deal, ctx);

describe('single-threaded', () => {
  it('warns when one contact carries the deal, and suggests an introduction to the most senior other', () => {
    const [f] = run(makeDeal({ stakeholders: [RIA, SAM, DANA], activities: [met(120, 'c1'), met(20, 'c2')] }));
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('Only 1 of 3 contacts (Sam Lee) had a done call, meeting or email in the last 90 days. Flagged at 1 or fewer engaged.');
    expect(f?.action).toContain('Ask Sam Lee to introduce you to Dana Ruiz (Economic buyer)');
    expect(f?.evidence).toEqual({ engaged: 1, stakeholders: 3, engagedDays: 90, singleThreadedMax: 1, engagedNames: ['Sam Lee'] });
  });

  it('is risk when nobody was engaged but activities are logged', () => {
    const [f] = run(makeDeal({ stakeholders: [DANA, SAM], activities: [activity('task', -1, ['c1']), met(91, 'c2')] }));
    expect(f?.severity).toBe('risk');
    expect(f?.why).toContain('None of the 2 contacts had a done call, meeting or email in the last 90 days');
    expect(f?.action).toContain('Dana Ruiz (Economic buyer)');
    expect(f?.evidence.engaged).toBe(0);
  });

  it('counts the window inclusively and follows the thresholds', () => {
    const deal = makeDeal({ stakeholders: [DANA, SAM], activities: [met(90, 'c1'), activity('call', -5, ['c2'])] });
    expect(run(deal)).toEqual([]);
    const [f] = run(deal, makeContext({ thresholds: { singleThreadedMax: 2 } }));
    expect(f?.why).toContain('Only 2 of 2 contacts (Dana Ruiz and Sam Lee)');
    expect(f?.why).toContain('Flagged at 2 or fewer engaged.');
    expect(run(deal, makeContext({ thresholds: { engagedDays: 60 } }))[0]?.evidence).toMatchObject({ engaged: 1, engagedDays: 60 });
  });

  it('stays silent with several engaged, or with no activity logged at all', () => {
    expect(run(makeDeal({ stakeholders: [DANA, SAM, RIA], activities: [met(5, 'c1', 'c2')] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [DANA, SAM], activities: [] }))).toEqual([]);
  });
});
