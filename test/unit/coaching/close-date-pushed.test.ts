import { describe, expect, it } from 'vitest';
import { closeDatePushed } from '../../../lib/coaching/rules/close-date-pushed';
import type { CloseDateChange } from '../../../lib/model';
import { DANA, at, makeContext, makeDeal } from './builder';

const run = (changes: CloseDateChange[], closeDate: string | null, tracked = true, ctx = makeContext()) =>
  closeDatePushed.run(makeDeal({ closeDate, stakeholders: [DANA], history: { closeDateChanges: changes, stageChanges: [], tracked } }), ctx);

const move = (daysAgo: number, from: string | null, to: string | null): CloseDateChange => ({ at: at(-daysAgo), from, to });

describe('close-date-pushed', () => {
  it('cites the moves, the days in all and the first and current dates', () => {
    const [f] = run([move(60, '2026-03-31', '2026-04-30'), move(30, '2026-04-30', '2026-05-20'), move(5, '2026-05-20', '2026-06-13')], '2026-06-13');
    expect(f?.severity).toBe('risk');
    expect(f?.why).toBe('Close date moved out 3 times, 74 days in all, from 2026-03-31 to 2026-06-13 (flagged at 2 moves or more than 30 days).');
    expect(f?.title).toBe('Close date pushed 3 times');
    expect(f?.action).toContain('Dana Ruiz (Economic buyer)');
    expect(f?.action).toContain('2026-06-13');
    expect(f?.evidence).toEqual({ pushes: 3, totalDays: 74, firstCloseDate: '2026-03-31', currentCloseDate: '2026-06-13', pushCountThreshold: 2, pushDaysThreshold: 30 });
  });

  it('warns on one long push, or on repeated short ones', () => {
    const [long] = run([move(10, '2026-04-10', '2026-05-25')], '2026-05-25');
    expect(long?.severity).toBe('warn');
    expect(long?.why).toContain('moved out 1 time, 45 days in all, from 2026-04-10 to 2026-05-25');
    expect(long?.title).toBe('Close date pushed 45 days');
    const [short] = run([move(20, '2026-04-10', '2026-04-15'), move(3, '2026-04-15', '2026-04-20')], '2026-04-20');
    expect(short?.severity).toBe('warn');
    expect(short?.evidence).toMatchObject({ pushes: 2, totalDays: 10 });
  });

  it('sorts changes by time, skips the initial setting and does not count pull-ins as pushes', () => {
    const changes = [move(5, '2026-04-20', '2026-05-10'), move(40, null, '2026-04-30'), move(20, '2026-04-30', '2026-04-20')];
    expect(run(changes, '2026-05-10')).toEqual([]);
    const [f] = run(changes, '2026-05-10', true, makeContext({ thresholds: { pushCount: 1 } }));
    expect(f?.evidence).toMatchObject({ pushes: 1, totalDays: 10, firstCloseDate: '2026-04-30', currentCloseDate: '2026-05-10' });
  });

  it('uses the last recorded date when the deal has no close date', () => {
    const [f] = run([move(30, '2026-04-01', '2026-05-01'), move(3, '2026-05-01', '2026-05-05')], null);
    expect(f?.evidence).toMatchObject({ currentCloseDate: '2026-05-05', totalDays: 34 });
  });

  it('stays silent below the thresholds, without changes, or when the CRM keeps no history', () => {
    expect(run([move(10, '2026-04-10', '2026-04-30')], '2026-04-30')).toEqual([]);
    expect(run([], '2026-04-30')).toEqual([]);
    expect(run([move(10, '2026-03-01', '2026-06-30'), move(5, '2026-06-30', '2026-07-30')], '2026-07-30', false)).toEqual([]);
  });
});

describe('close-date-pushed action', () => {
  it('asks for the real date when even the moved date has passed', () => {
    const [f] = run([move(60, '2026-02-01', '2026-03-15')], '2026-03-15');
    expect(f?.action).toContain('Even 2026-03-15 has passed');
  });
});
