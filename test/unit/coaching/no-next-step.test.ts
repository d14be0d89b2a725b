import { describe, expect, it } from 'vitest';
import { noNextStep } from '../../../lib/coaching/rules/no-next-step';
import type { DealInput } from '../../../lib/model';
import { SAM, activity, makeContext, makeDeal, met } from './builder';

const run = (over: Partial<DealInput>) => noNextStep.run(makeDeal({ stakeholders: [SAM], ...over }), makeContext());

describe('no-next-step', () => {
  it('fires with no next step and nothing scheduled', () => {
    const [f] = run({ nextStep: null, activities: [met(3, 'c2')] });
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('No next step is recorded and no open call, meeting or task is scheduled from today on.');
    expect(f?.action).toContain('Agree the next step with Sam Lee (Champion)');
    expect(f?.evidence).toEqual({ nextStep: null, upcomingOpenActivities: 0, overdueOpenActivities: 0 });
  });

  it('counts overdue open activities and a blank next step as nothing planned', () => {
    const [f] = run({ nextStep: '   ', activities: [activity('task', -3, [], false), activity('call', -1, ['c2'], false)] });
    expect(f?.why).toContain('(2 open activities are overdue)');
    expect(f?.action).toContain('Reschedule the 2 overdue activities');
    expect(f?.evidence).toMatchObject({ upcomingOpenActivities: 0, overdueOpenActivities: 2 });
  });

  it('judges by activities alone when the CRM has no next-step field', () => {
    const [f] = run({ nextStep: undefined, activities: [met(3, 'c2')] });
    expect(f?.why).toBe('Nothing is planned: no open call, meeting or task is scheduled from today on.');
    expect(run({ nextStep: undefined, activities: [] })).toEqual([]);
  });

  it('stays silent with a next step, or an open activity from today on', () => {
    expect(run({ nextStep: 'Send revised quote by Friday' })).toEqual([]);
    expect(run({ nextStep: null, activities: [activity('meeting', 6, ['c2'], false)] })).toEqual([]);
    expect(run({ nextStep: null, activities: [activity('task', 0, [], false)] })).toEqual([]);
  });
});
