/**
 * A CRM that records less than a full one (Tryton: notes only, no next-step field) declares it in
 * deal.tracks; coaching must then judge contact from notes and not flag what the CRM cannot hold.
 */
import { describe, expect, it } from 'vitest';
import { buildCoachingView, coachDeal } from '../../../lib/coaching';
import type { DealInput } from '../../../lib/model';
import { DANA, SAM, activity, healthyDeal, makeContext } from './builder';

const NOTES_ONLY = { activityKinds: ['note' as const], nextStep: false };
const note = (daysAgo: number, ...ids: string[]) => activity('note', -daysAgo, ids, true);
const notesDeal = (over: Partial<DealInput>) => healthyDeal({ tracks: NOTES_ONLY, nextStep: undefined, ...over });
const ruleIds = (over: Partial<DealInput>) => coachDeal(notesDeal(over), makeContext()).map((f) => f.ruleId);

describe('coaching a notes-only CRM', () => {
  it('counts a recent note naming a key person as contact', () => {
    const ids = ruleIds({ activities: [note(5, DANA.id), note(8, SAM.id), note(9, 'c3')] });
    expect(ids).not.toContain('unreached-influencer');
    expect(ids).not.toContain('single-threaded');
    expect(ids).not.toContain('no-next-step');
  });

  it('still flags a key person whose last note is older than the window, citing that note', () => {
    const findings = coachDeal(notesDeal({ activities: [note(5, SAM.id), note(75, DANA.id)] }), makeContext());
    const unreached = findings.find((f) => f.ruleId === 'unreached-influencer');
    expect(unreached?.why).toContain('Dana Ruiz');
    expect(unreached?.why).toContain('75 days ago');
    // The words match the evidence: notes, not calls.
    expect(unreached?.why).toContain('had no note naming them in the last 30 days');
  });

  it('says in plain words what the CRM does not log', () => {
    const view = buildCoachingView(notesDeal({ activities: [note(5, SAM.id)] }), makeContext());
    expect(view.limitations).toContain('This CRM logs no calls or meetings: contact with people is judged from the notes that name them.');
    expect(view.limitations).toContain('This CRM has no next-step field, so a missing next step is not flagged.');
  });

  it('does not count notes as contact in a CRM that logs calls and meetings', () => {
    const ids = coachDeal(healthyDeal({ activities: [note(2, DANA.id), note(2, SAM.id)] }), makeContext()).map((f) => f.ruleId);
    expect(ids).toContain('unreached-influencer');
  });
});

describe('coaching a record whose people were not read (history row, CSV export)', () => {
  const row = (over: Partial<DealInput> = {}) => healthyDeal({ stakeholders: [], activities: [], tracks: { people: false }, ...over });

  it('does not call people questions missing, nor flag people it never saw', () => {
    // Tryton answers the influencer questions from people facts only.
    const tryton = row({ ref: { crm: 'tryton', instance: 'tryton.local', id: '7', url: '' } });
    const view = buildCoachingView(tryton, makeContext());
    const people = view.qualification.items.filter((i) => i.questionId === 'influencers-identified' || i.questionId === 'influencer-roles');
    expect(people.map((i) => i.status)).toEqual(['not-tracked', 'not-tracked']);
    const ids = view.findings.map((f) => f.ruleId);
    for (const id of ['no-decision-maker', 'unreached-influencer', 'single-threaded']) expect(ids).not.toContain(id);
  });

  it('still judges what it did read: age, close date, qualification fields', () => {
    const ids = coachDeal(row({ fields: {}, closeDate: '2026-01-01' }), makeContext()).map((f) => f.ruleId);
    expect(ids).toContain('close-date-past');
  });
});
