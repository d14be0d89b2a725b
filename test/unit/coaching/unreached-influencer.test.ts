import { describe, expect, it } from 'vitest';
import { unreachedInfluencer } from '../../../lib/coaching/rules/unreached-influencer';
import { DANA, RIA, SAM, activity, makeContext, makeDeal, met, person } from './builder';

const run = (deal = makeDeal(), ctx = makeContext()) => unreachedInfluencer.run(deal, ctx);

describe('unreached-influencer', () => {
  it('names the key person not reached in the window, with the date and days since', () => {
    const deal = makeDeal({ stakeholders: [DANA, SAM, RIA], activities: [met(47, 'c1'), met(3, 'c2')] });
    const [f, ...rest] = run(deal);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe('Economic buyer not reached in 30 days');
    expect(f?.why).toContain('Dana Ruiz (Economic buyer): last contact 2026-02-27, 47 days ago');
    expect(f?.why).toContain('1 of 2 key people have had no done call, meeting or email in the last 30 days');
    expect(f?.action).toContain('Book a meeting with Dana Ruiz (Economic buyer)');
    expect(f?.evidence).toEqual({ unreachedDays: 30, keyPeople: 2, unreached: 1, neverContacted: 0, longestSilenceDays: 47, unreachedNames: ['Dana Ruiz'] });
  });

  it('lists all unreached key people in one finding, economic buyer first, and is risk when nobody key was reached', () => {
    const lee = person('c4', 'Lee Park', 'decision-maker');
    const deal = makeDeal({ stakeholders: [SAM, lee, DANA], activities: [met(80, 'c2'), met(40, 'c1'), activity('task', -1, ['c4'])] });
    const [f] = run(deal);
    expect(f?.severity).toBe('risk');
    expect(f?.evidence.unreachedNames).toEqual(['Dana Ruiz', 'Lee Park', 'Sam Lee']);
    expect(f?.evidence).toMatchObject({ keyPeople: 3, unreached: 3, neverContacted: 1, longestSilenceDays: 80 });
    expect(f?.why).toContain('Lee Park (Decision maker): no done call, meeting or email on record');
    expect(f?.why).toContain('Sam Lee (Champion): last contact 2026-01-25, 80 days ago');
    expect(f?.title).toBe('3 key people not reached in 30 days');
    expect(f?.action).toContain('Then re-engage Lee Park (Decision maker) and Sam Lee (Champion).');
  });

  it('counts only done calls, meetings and emails, up to the threshold inclusive', () => {
    const notDone = activity('meeting', -2, ['c1'], false);
    const task = activity('task', -1, ['c1'], true);
    expect(run(makeDeal({ stakeholders: [DANA], activities: [notDone, task] }))[0]?.evidence.neverContacted).toBe(1);
    expect(run(makeDeal({ stakeholders: [DANA], activities: [met(30, 'c1')] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [DANA], activities: [met(31, 'c1')] }))).toHaveLength(1);
    expect(run(makeDeal({ stakeholders: [DANA], activities: [activity('email', -5, ['c1'])] }))).toEqual([]);
  });

  it('follows the unreachedDays threshold', () => {
    const deal = makeDeal({ stakeholders: [DANA], activities: [met(47, 'c1')] });
    expect(run(deal, makeContext({ thresholds: { unreachedDays: 60 } }))).toEqual([]);
    expect(run(deal, makeContext({ thresholds: { unreachedDays: 14 } }))[0]?.why).toContain('in the last 14 days');
  });

  it('stays silent without key people or without any logged activity', () => {
    expect(run(makeDeal({ stakeholders: [RIA], activities: [met(100, 'c3')] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [DANA, SAM], activities: [] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [DANA, SAM], activities: [met(2, 'c1', 'c2')] }))).toEqual([]);
  });
});

describe('unreached-influencer wording', () => {
  it('speaks of one key person in the singular', () => {
    const [f] = unreachedInfluencer.run(makeDeal({ stakeholders: [SAM], activities: [met(42, 'c2')] }), makeContext());
    expect(f?.why).toBe('Sam Lee (Champion): last contact 2026-03-04, 42 days ago. 1 of 1 key person has had no done call, meeting or email in the last 30 days.');
    expect(f?.severity).toBe('risk');
  });
});
