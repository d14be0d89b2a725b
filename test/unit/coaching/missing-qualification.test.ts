import { describe, expect, it } from 'vitest';
import { missingQualification } from '../../../lib/coaching/rules/missing-qualification';
import { BANT } from '../../../lib/playbooks/bant';
import { DEALMAKER } from '../../../lib/playbooks/dealmaker';
import { DANA, SAM, answeredDemoFields, healthyDeal, makeContext, makeDeal } from './builder';

const run = (deal = makeDeal(), ctx = makeContext()) => missingQualification.run(deal, ctx);

/** Every demo qual_* field present but empty, with some answered. */
function demoFields(answered: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const q of DEALMAKER.questions) out[`qual_${q.id.replaceAll('-', '_')}`] = answered.includes(q.id) ? 'yes' : null;
  return out;
}

describe('missing-qualification', () => {
  it('lists every unanswered tracked question in one finding, most important first', () => {
    const findings = run(makeDeal({ fields: demoFields(['identified-project', 'buyer-needs']) }));
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.severity).toBe('risk');
    expect(f.evidence.missingQuestions).toEqual([
      'budget-allocated',
      'compelling-event',
      'influencers-identified',
      'can-win',
      'completion-date',
      'meet-needs',
      'influencer-roles',
      'competing-projects',
      'competitive-advantage',
      'slip-impact',
      'downside-no-purchase',
      'won-before',
      'information-source',
    ]);
    expect(f.evidence).toMatchObject({ missing: 13, answered: 2, tracked: 15, notTracked: 0, missingWeight: 45, trackedWeight: 55 });
    expect(f.why).toContain('13 of the 15 Dealmaker qualification questions your CRM tracks are unanswered (82% of their weight, 45 of 55)');
    expect(f.why.indexOf('Budget allocated')).toBeLessThan(f.why.indexOf('Won this kind of deal before'));
    expect(f.action).toContain('Cover Budget allocated first');
    expect(f.action).toContain(DEALMAKER.questions[1]!.ask);
    expect(f.title).toBe('13 qualification questions unanswered');
  });

  it('is info when only a minor question is missing', () => {
    const fields = { ...answeredDemoFields(), qual_won_before: null };
    const [f] = run(healthyDeal({ fields }));
    expect(f?.severity).toBe('info');
    expect(f?.evidence).toMatchObject({ missing: 1, missingWeight: 2, trackedWeight: 55, missingQuestions: ['won-before'] });
    expect(f?.why).toContain('(4% of their weight, 2 of 55): Won this kind of deal before.');
  });

  it('counts questions the CRM does not track without flagging them', () => {
    const deal = makeDeal({
      ref: { crm: 'salesforce', instance: 'acme.my.salesforce.com', id: '006x', url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006x/view' },
      fields: { Budget_Confirmed__c: false, Compelling_Event__c: 'Support contract ends 2026-06-30' },
      stakeholders: [DANA, SAM],
    });
    const [f] = run(deal);
    expect(f?.severity).toBe('warn');
    expect(f?.evidence).toMatchObject({ missing: 1, tracked: 4, notTracked: 11, missingWeight: 5, trackedWeight: 17, missingQuestions: ['budget-allocated'] });
    expect(f?.why).toContain('1 of the 4 Dealmaker qualification questions your CRM tracks is unanswered (29% of their weight, 5 of 17): Budget allocated.');
    expect(f?.why).toContain('11 more questions are not tracked in your CRM.');
  });

  it('stays silent when everything tracked is answered, or nothing is tracked', () => {
    expect(run(healthyDeal())).toEqual([]);
    const pipedrive = makeDeal({ ref: { crm: 'pipedrive', instance: 'acme.pipedrive.com', id: '7', url: 'https://acme.pipedrive.com/deal/7' }, fields: { title: 'x' } });
    expect(run(pipedrive)).toEqual([]);
    expect(run(makeDeal({ ref: { crm: 'custom:mine', instance: 'x', id: '1', url: 'x' } }))).toEqual([]);
  });

  it('uses the playbook of the context', () => {
    const [f] = run(makeDeal({ fields: { pain: 'Old fleet fails weekly', qual_budget_allocated: null, qual_completion_date: null } }), makeContext({ playbook: BANT }));
    expect(f?.evidence.missingQuestions).toEqual(['budget', 'authority', 'timeline']);
    expect(f?.why).toContain('3 of the 4 BANT questions');
  });
});
