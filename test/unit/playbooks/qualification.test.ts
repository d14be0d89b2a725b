import { describe, expect, it } from 'vitest';
import type { Deal, FieldValue, Influence, Playbook } from '../../../lib/model';
import { BANT, DEALMAKER, MEDDPICC, describeFact, isAnswerValue, qualificationStatus, resolveFact } from '../../../lib/playbooks';
import { makeDeal, person } from '../coaching/builder';

const refFor = (crm: string) => ({ crm, instance: `${crm}.example`, id: '1', url: `https://${crm}.example/1` });
const dealIn = (crm: string, fields: Record<string, FieldValue>, influences: Influence[] = []) =>
  makeDeal({ ref: refFor(crm), fields, stakeholders: influences.map((inf, i) => person(`p${i}`, `Person ${i}`, inf)) });
const statusOf = (deal: Deal, playbook: Playbook) => Object.fromEntries(qualificationStatus(deal, playbook).items.map((i) => [i.questionId, i.status]));

describe('isAnswerValue', () => {
  it('takes text, numbers and true; not blanks, placeholders, null or (unless yes/no) false', () => {
    expect(isAnswerValue('CFO signs', false)).toBe(true);
    expect(isAnswerValue(0, false)).toBe(true);
    expect(isAnswerValue(true, false)).toBe(true);
    expect(isAnswerValue(false, false)).toBe(false);
    expect(isAnswerValue(false, true)).toBe(true);
    expect(isAnswerValue(null, true)).toBe(false);
    expect(isAnswerValue(undefined, false)).toBe(false);
    for (const blank of ['', '   ', 'TBD', ' unknown ', 'N/A', '?', '-']) expect(isAnswerValue(blank, false), blank).toBe(false);
    expect(isAnswerValue('None known', false)).toBe(true);
  });
});

describe('qualificationStatus', () => {
  it('keeps playbook order and reports answered, missing and counts for the demo CRM', () => {
    const view = qualificationStatus(
      dealIn('demo', { qual_identified_project: 'Laptop refresh', qual_budget_allocated: null, qual_compelling_event: '  ', qual_won_before: 'No, new logo', qual_competing_projects: false }),
      DEALMAKER,
    );
    expect(view.items.map((i) => i.questionId)).toEqual(DEALMAKER.questions.map((q) => q.id));
    const byId = Object.fromEntries(view.items.map((i) => [i.questionId, i]));
    expect(byId['identified-project']).toMatchObject({ status: 'answered', answeredBy: ['qual_identified_project'], weight: 5, label: 'Identified project' });
    expect(byId['budget-allocated']).toMatchObject({ status: 'missing', answeredBy: [] });
    expect(byId['compelling-event']?.status).toBe('missing');
    expect(byId['won-before']?.status).toBe('answered');
    // An explicit yes/no field: "no competing projects" is an answer.
    expect(byId['competing-projects']).toMatchObject({ status: 'answered', answeredBy: ['qual_competing_projects'] });
    // Derived facts are always known: no stakeholders means not identified yet.
    expect(byId['influencers-identified']?.status).toBe('missing');
    expect(byId['information-source']?.status).toBe('not-tracked');
    expect(view).toMatchObject({ playbookId: 'dealmaker', playbookName: 'Dealmaker qualification', answered: 3, tracked: 7, total: 15 });
  });

  it('answers from $stakeholder facts', () => {
    const none = statusOf(dealIn('demo', {}), MEDDPICC);
    expect(none).toMatchObject({ 'economic-buyer': 'missing', champion: 'missing', metrics: 'not-tracked' });
    const view = qualificationStatus(dealIn('demo', {}, ['economic-buyer', 'champion']), MEDDPICC);
    const eb = view.items.find((i) => i.questionId === 'economic-buyer');
    // Shown to a rep: the fact in words, not its internal name.
    expect(eb).toMatchObject({ status: 'answered', answeredBy: ['an economic buyer named on the deal'] });
    expect(statusOf(dealIn('demo', {}, ['decision-maker']), BANT).authority).toBe('answered');
  });

  it('answers the influencer questions from $stakeholders facts', () => {
    expect(statusOf(dealIn('tryton', {}, ['economic-buyer', 'evaluator']), DEALMAKER)).toMatchObject({ 'influencers-identified': 'missing', 'influencer-roles': 'answered' });
    expect(statusOf(dealIn('tryton', {}, ['decision-maker', 'champion', 'other']), DEALMAKER)).toMatchObject({ 'influencers-identified': 'answered', 'influencer-roles': 'missing' });
    const tryton = qualificationStatus(dealIn('tryton', { description: 'Laptops', comment: 'Call back' }), DEALMAKER);
    expect(tryton.tracked).toBe(2);
  });

  it('treats Salesforce custom fields the org lacks as not tracked, and an unticked checkbox as missing', () => {
    const lacking = statusOf(dealIn('salesforce', { NextStep: 'Demo', Description: 'Long text' }), MEDDPICC);
    expect(lacking).toMatchObject({ metrics: 'not-tracked', 'paper-process': 'not-tracked', 'economic-buyer': 'missing', champion: 'missing' });
    const having = qualificationStatus(dealIn('salesforce', { Budget_Confirmed__c: false, Economic_Buyer__c: 'Dana Ruiz', Metrics__c: null }), BANT);
    expect(having.items.map((i) => [i.questionId, i.status])).toEqual([
      ['budget', 'missing'],
      ['authority', 'answered'],
      ['need', 'not-tracked'],
      ['timeline', 'not-tracked'],
    ]);
    expect(qualificationStatus(dealIn('salesforce', { Budget_Confirmed__c: true }), BANT).items[0]).toMatchObject({ status: 'answered', answeredBy: ['Budget_Confirmed__c'] });
  });

  it("reads Dynamics' built-in qualification fields, option-set numbers included", () => {
    const s = statusOf(
      dealIn('dynamics', { budgetstatus: 0, budgetamount: null, decisionmaker: false, purchasetimeframe: 2, customerneed: 'Faster laptops', need: null, purchaseprocess: null, finaldecisiondate: null, identifycompetitors: true }),
      BANT,
    );
    expect(s).toEqual({ budget: 'answered', authority: 'missing', need: 'answered', timeline: 'answered' });
    const m = statusOf(dealIn('dynamics', { purchaseprocess: null, finaldecisiondate: '2026-06-30', identifycompetitors: true, customerpainpoints: '' }), MEDDPICC);
    expect(m).toMatchObject({ metrics: 'not-tracked', 'decision-process': 'answered', competition: 'answered', 'identify-pain': 'missing', 'paper-process': 'not-tracked' });
  });

  it('reads HubSpot custom properties and leaves Pipedrive untracked', () => {
    expect(statusOf(dealIn('hubspot', { budget_confirmed: 'true', hs_next_step: 'x' }), BANT)).toMatchObject({ budget: 'answered', need: 'not-tracked' });
    const pipedrive = qualificationStatus(dealIn('pipedrive', { title: 'x', value: 1000 }, ['economic-buyer']), DEALMAKER);
    expect(pipedrive).toMatchObject({ answered: 0, tracked: 0, total: 15 });
    expect(pipedrive.items.every((i) => i.status === 'not-tracked')).toBe(true);
  });

  it('matches CSV columns ignoring case, spaces and punctuation', () => {
    const s = qualificationStatus(dealIn('csv', { 'Decision Maker': 'Dana Ruiz', 'BUDGET': '', Need: 'N/A' }), BANT);
    expect(s.items.map((i) => [i.questionId, i.status, i.answeredBy])).toEqual([
      ['budget', 'missing', []],
      ['authority', 'answered', ['decision_maker']],
      ['need', 'missing', []],
      ['timeline', 'not-tracked', []],
    ]);
    // Other CRMs match exactly.
    expect(statusOf(dealIn('hubspot', { Budget_Confirmed: 'yes' }), BANT).budget).toBe('not-tracked');
  });

  it('shows everything as not tracked for a CRM without a mapping', () => {
    const view = qualificationStatus(dealIn('custom:acme', { anything: 'x' }, ['economic-buyer']), MEDDPICC);
    expect(view).toMatchObject({ answered: 0, tracked: 0, total: 8 });
  });
});

describe('derived facts', () => {
  it('resolves and describes the documented facts, and rejects unknown ones', () => {
    const deal = dealIn('demo', {}, ['champion', 'user']);
    expect(resolveFact('$stakeholder:champion', deal)).toBe(true);
    expect(resolveFact('$stakeholder:economic-buyer', deal)).toBe(false);
    expect(resolveFact('$stakeholders:roles', deal)).toBe(true);
    expect(resolveFact('$stakeholders:roles', dealIn('demo', {}))).toBe(false);
    expect(resolveFact('$stakeholders:key', deal)).toBe(false);
    expect(resolveFact('$stakeholder:ceo', deal)).toBeNull();
    expect(resolveFact('$competitors', deal)).toBeNull();
    expect(describeFact('$stakeholder:economic-buyer')).toBe('an economic buyer named on the deal');
    expect(describeFact('$nope')).toBeNull();
  });

  it('an unknown fact in a mapping counts as not tracked, never as an error', () => {
    const custom: Playbook = { ...BANT, mappings: { demo: { budget: ['$made-up'] } } };
    expect(statusOf(dealIn('demo', {}), custom).budget).toBe('not-tracked');
  });
});
