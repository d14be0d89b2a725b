/**
 * BANT: Budget, Authority, Need, Timeline — the short classic, for teams that qualify early and fast.
 * Mapping notes: see dealmaker.ts (same field spec grammar and the same per-CRM caveats).
 * A CRM's expected close date is the seller's guess, not the buyer's timeline, so it is never mapped to Timeline.
 */
import type { Playbook } from '../model';

export const BANT: Playbook = {
  id: 'bant',
  name: 'BANT',
  description: 'Budget, Authority, Need, Timeline: is there money, a person who can spend it, a reason and a date.',
  questions: [
    {
      id: 'budget',
      label: 'Budget',
      why: 'Without money set aside, a keen buyer still cannot buy.',
      ask: 'Is there budget for this, and roughly how much?',
      weight: 5,
    },
    {
      id: 'authority',
      label: 'Authority',
      why: 'You need the person who can approve the spend, or a clear path to them.',
      ask: 'Who makes the final call on this, and who else needs to agree?',
      weight: 5,
    },
    {
      id: 'need',
      label: 'Need',
      why: 'A clear problem your offer solves is the reason the deal exists at all.',
      ask: 'What problem are you trying to solve, and what happens if you do not?',
      weight: 5,
    },
    {
      id: 'timeline',
      label: 'Timeline',
      why: 'A buyer’s own date, with a reason behind it, is what makes a close date believable.',
      ask: 'When do you need this in place, and what is driving that date?',
      weight: 4,
    },
  ],
  mappings: {
    demo: {
      budget: ['qual_budget_allocated?'],
      authority: ['$stakeholder:economic-buyer', '$stakeholder:decision-maker'],
      need: ['pain', 'qual_buyer_needs'],
      timeline: ['qual_completion_date', 'qual_compelling_event'],
    },
    salesforce: {
      budget: ['Budget_Confirmed__c'],
      authority: ['Economic_Buyer__c', '$stakeholder:economic-buyer', '$stakeholder:decision-maker'],
      need: ['Identify_Pain__c'],
      timeline: ['Compelling_Event__c'],
    },
    dynamics: {
      budget: ['budgetstatus', 'budgetamount'],
      authority: ['decisionmaker', '$stakeholder:economic-buyer', '$stakeholder:decision-maker'],
      need: ['need', 'customerneed'],
      timeline: ['purchasetimeframe', 'timeline', 'finaldecisiondate'],
    },
    hubspot: {
      budget: ['budget_confirmed'],
      authority: ['decision_maker', '$stakeholder:economic-buyer', '$stakeholder:decision-maker'],
      need: ['pain_points'],
      timeline: ['compelling_event'],
    },
    pipedrive: {},
    tryton: {
      authority: ['$stakeholder:economic-buyer', '$stakeholder:decision-maker'],
    },
    csv: {
      budget: ['budget', 'budget_confirmed'],
      authority: ['decision_maker', 'economic_buyer'],
      need: ['need', 'pain'],
      timeline: ['timeline', 'completion_date'],
    },
  },
};
