/**
 * MEDDPICC: Metrics, Economic buyer, Decision criteria, Decision process, Paper process, Identify pain,
 * Champion, Competition. MEDDICC is the same list without Paper process; we ship MEDDPICC only —
 * a MEDDICC team can ignore the one extra question, which costs them nothing but a line in the checklist.
 *
 * Mapping notes: see dealmaker.ts (same field spec grammar and the same per-CRM caveats).
 * The Salesforce/HubSpot names are the common custom-field pattern; admins remap them.
 */
import type { Playbook } from '../model';

export const MEDDPICC: Playbook = {
  id: 'meddpicc',
  name: 'MEDDPICC',
  description:
    'Metrics, Economic buyer, Decision criteria, Decision process, Paper process, Identify pain, Champion, Competition. MEDDICC is this list without Paper process.',
  questions: [
    {
      id: 'metrics',
      label: 'Metrics',
      why: 'The measurable gain the buyer expects (time, money, risk) justifies the price and the priority.',
      ask: 'How will you measure success, and what is that worth to you in a year?',
      weight: 5,
    },
    {
      id: 'economic-buyer',
      label: 'Economic buyer',
      why: 'One person can release the money; a deal they have not backed is a hope, not a forecast.',
      ask: 'Who signs off on the spend, and can we meet them before the proposal?',
      weight: 5,
    },
    {
      id: 'decision-criteria',
      label: 'Decision criteria',
      why: 'The buyer judges options against criteria; shaping or at least knowing them decides the evaluation.',
      ask: 'What will you compare the options on, and which matters most?',
      weight: 4,
    },
    {
      id: 'decision-process',
      label: 'Decision process',
      why: 'Knowing the steps, people and dates to a decision is what makes a close date credible.',
      ask: 'Walk me through the steps from here to a decision: who is involved, in what order, by when?',
      weight: 4,
    },
    {
      id: 'paper-process',
      label: 'Paper process',
      why: 'Legal, procurement and security reviews are where agreed deals slip; their length must be known early.',
      ask: 'Once you say yes, what does contracting involve — legal, procurement, security — and how long does each take?',
      weight: 3,
    },
    {
      id: 'identify-pain',
      label: 'Identified pain',
      why: 'A business problem with a cost is the reason to buy; without it there is no urgency.',
      ask: 'What is this problem costing you today, and who feels it most?',
      weight: 5,
    },
    {
      id: 'champion',
      label: 'Champion',
      why: 'Someone inside with influence who sells for you when you are not in the room.',
      ask: 'Who on your side wants this to happen — and will you help me make the case internally?',
      weight: 5,
    },
    {
      id: 'competition',
      label: 'Competition',
      why: 'Knowing the alternatives, including building it themselves or doing nothing, tells you what you must beat.',
      ask: 'Who else are you considering, including doing it in-house or not at all?',
      weight: 3,
    },
  ],
  mappings: {
    demo: {
      metrics: ['metrics'],
      'economic-buyer': ['$stakeholder:economic-buyer'],
      'decision-criteria': ['decision_criteria'],
      'decision-process': ['decision_process'],
      'paper-process': ['paper_process'],
      'identify-pain': ['pain', 'qual_downside_no_purchase'],
      champion: ['$stakeholder:champion'],
      competition: ['competitors', 'qual_competitive_advantage'],
    },
    salesforce: {
      metrics: ['Metrics__c'],
      'economic-buyer': ['Economic_Buyer__c', '$stakeholder:economic-buyer'],
      'decision-criteria': ['Decision_Criteria__c'],
      'decision-process': ['Decision_Process__c'],
      'paper-process': ['Paper_Process__c'],
      'identify-pain': ['Identify_Pain__c'],
      champion: ['Champion__c', '$stakeholder:champion'],
      competition: ['Competition__c'],
    },
    dynamics: {
      'economic-buyer': ['decisionmaker', '$stakeholder:economic-buyer'],
      'decision-process': ['purchaseprocess', 'finaldecisiondate'],
      'identify-pain': ['customerpainpoints', 'customerneed'],
      champion: ['$stakeholder:champion'],
      competition: ['identifycompetitors'],
    },
    hubspot: {
      metrics: ['metrics'],
      'economic-buyer': ['economic_buyer', '$stakeholder:economic-buyer'],
      'decision-criteria': ['decision_criteria'],
      'decision-process': ['decision_process'],
      'paper-process': ['paper_process'],
      'identify-pain': ['identify_pain', 'pain_points'],
      champion: ['champion', '$stakeholder:champion'],
      competition: ['competition'],
    },
    pipedrive: {},
    tryton: {
      'economic-buyer': ['$stakeholder:economic-buyer'],
      champion: ['$stakeholder:champion'],
    },
    csv: {
      metrics: ['metrics'],
      'economic-buyer': ['economic_buyer'],
      'decision-criteria': ['decision_criteria'],
      'decision-process': ['decision_process'],
      'paper-process': ['paper_process'],
      'identify-pain': ['identify_pain', 'pain'],
      champion: ['champion'],
      competition: ['competition', 'competitors'],
    },
  },
};
