/**
 * Dealmaker-style qualification: the fifteen questions of "Do you Qualify to Sell?" (Blueprint for
 * Sales and Marketing Alignment, Part 4), in the seed's order, in our own words.
 * Question ids are stable: saved settings, tests and the review table refer to them.
 *
 * Mapping notes (field spec grammar in qualification.ts: `Name`, `Name?` = explicit yes/no, `$fact`):
 * - demo: every question has its own `qual_<id in snake_case>` field, empty (null) until answered;
 *   the yes/no ones are explicit, so "no" counts as an answer.
 * - salesforce / hubspot: no standard fields ask these questions; the custom names below follow the
 *   common pattern and are a starting point — admins remap them to their org's fields.
 *   A custom field the org does not have is simply "not tracked".
 * - dynamics: the built-in qualification fields of the Opportunity where their meaning matches.
 * - pipedrive: custom field keys are per-company hashes and no default deal field answers these, so nothing is mapped.
 * - tryton: sale.opportunity has no qualification fields; only people and their relations (via the adapter's stakeholders).
 * - csv: column names of a generic export (matched ignoring case, spaces and punctuation).
 */
import type { Playbook } from '../model';

export const DEALMAKER: Playbook = {
  id: 'dealmaker',
  name: 'Dealmaker qualification',
  description:
    'Fifteen questions that tell a real, winnable opportunity from interest: project, money, urgency, people, competition and fit.',
  questions: [
    {
      id: 'identified-project',
      label: 'Identified project',
      why: 'Without a named project with an owner, there is interest but nothing to buy.',
      ask: 'Is there a project for this on your side — what is it called internally, and who owns it?',
      weight: 5,
    },
    {
      id: 'budget-allocated',
      label: 'Budget allocated',
      why: 'Deals without money set aside stall at approval, however keen the users are.',
      ask: 'Has money been set aside for this, and whose budget does it come from?',
      weight: 5,
    },
    {
      id: 'compelling-event',
      label: 'Compelling event',
      why: 'A dated reason to act is what makes a buyer decide this quarter rather than some day.',
      ask: 'What is driving the timing — what happens if nothing has changed by then?',
      weight: 5,
    },
    {
      id: 'influencers-identified',
      label: 'Influencers identified',
      why: 'Deals are lost to people you never met; everyone who can shape or stop the decision must be known.',
      ask: 'Apart from you, who will weigh in on this decision, and who could say no?',
      weight: 4,
    },
    {
      id: 'influencer-roles',
      label: 'Roles of the influencers',
      why: 'Knowing who signs, who evaluates and who champions tells you whose concerns to answer first.',
      ask: 'What part does each of them play — who recommends, who evaluates, who signs?',
      weight: 3,
    },
    {
      id: 'won-before',
      label: 'Won this kind of deal before',
      why: 'A deal like ones you have won is predictable; a first of its kind needs more proof and more time.',
      ask: 'Would it help to speak with a customer of ours who solved the same problem?',
      weight: 2,
    },
    {
      id: 'can-win',
      label: 'Winnable',
      why: 'Some deals are not yours to win; seeing that early frees time for the ones that are.',
      ask: 'What would we need to show you to become your first choice?',
      weight: 4,
    },
    {
      id: 'information-source',
      label: 'Source of information',
      why: 'Qualification that rests on one optimistic contact is a guess until someone else confirms it.',
      ask: 'Who else should I check this with, so I have the full picture?',
      weight: 2,
    },
    {
      id: 'competing-projects',
      label: 'Competing projects',
      why: 'Other initiatives compete for the same money and attention and can push this one down the list.',
      ask: 'What else is competing for this budget or this team’s time this year?',
      weight: 3,
    },
    {
      id: 'completion-date',
      label: 'Completion date',
      why: 'A date by which the project must be done lets you plan backwards and shows how real the timeline is.',
      ask: 'By when does this need to be up and running, and what sets that date?',
      weight: 4,
    },
    {
      id: 'competitive-advantage',
      label: 'Competitive advantage',
      why: 'When others are in the running you need a reason to win that this buyer cares about.',
      ask: 'Who else are you looking at, and what do you like about each option?',
      weight: 3,
    },
    {
      id: 'buyer-needs',
      label: 'Buyer’s needs understood',
      why: 'You can only propose something that fits when you know the needs in the buyer’s own words.',
      ask: 'What has to be true after this project for you to call it a success?',
      weight: 5,
    },
    {
      id: 'meet-needs',
      label: 'Needs met competitively',
      why: 'A gap the buyer cares about, found late, costs the deal or the margin.',
      ask: 'Which of these needs are must-haves, and which could wait for a later phase?',
      weight: 4,
    },
    {
      id: 'slip-impact',
      label: 'Cost of slipping',
      why: 'If a few months’ delay costs the buyer nothing, expect the date to move — weigh the effort now.',
      ask: 'If this moved out by a quarter, what would that cost you?',
      weight: 3,
    },
    {
      id: 'downside-no-purchase',
      label: 'Downside of doing nothing',
      why: 'The status quo is the strongest competitor; without a cost of inaction there is no urgency.',
      ask: 'What happens if you keep things as they are?',
      weight: 3,
    },
  ],
  mappings: {
    demo: {
      'identified-project': ['qual_identified_project?'],
      'budget-allocated': ['qual_budget_allocated?'],
      'compelling-event': ['qual_compelling_event'],
      'influencers-identified': ['qual_influencers_identified?', '$stakeholders:key'],
      'influencer-roles': ['qual_influencer_roles', '$stakeholders:roles'],
      'won-before': ['qual_won_before?'],
      'can-win': ['qual_can_win?'],
      'information-source': ['qual_information_source'],
      'competing-projects': ['qual_competing_projects?'],
      'completion-date': ['qual_completion_date'],
      'competitive-advantage': ['qual_competitive_advantage'],
      'buyer-needs': ['qual_buyer_needs'],
      'meet-needs': ['qual_meet_needs?'],
      'slip-impact': ['qual_slip_impact?'],
      'downside-no-purchase': ['qual_downside_no_purchase'],
    },
    salesforce: {
      'identified-project': ['Identified_Project__c'],
      'budget-allocated': ['Budget_Confirmed__c'],
      'compelling-event': ['Compelling_Event__c'],
      'influencers-identified': ['$stakeholders:key'],
      'influencer-roles': ['$stakeholders:roles'],
      'competitive-advantage': ['Competitive_Advantage__c', 'Competition__c'],
      'buyer-needs': ['Identify_Pain__c'],
    },
    dynamics: {
      'identified-project': ['currentsituation'],
      'budget-allocated': ['budgetstatus', 'budgetamount'],
      'influencers-identified': ['identifycustomercontacts', '$stakeholders:key'],
      'influencer-roles': ['$stakeholders:roles'],
      'can-win': ['pursuitdecision', 'evaluatefit'],
      'completion-date': ['purchasetimeframe', 'timeline'],
      'competitive-advantage': ['identifycompetitors'],
      'buyer-needs': ['customerneed', 'customerpainpoints', 'need'],
      'meet-needs': ['proposedsolution'],
    },
    hubspot: {
      'identified-project': ['identified_project'],
      'budget-allocated': ['budget_confirmed'],
      'compelling-event': ['compelling_event'],
      'influencers-identified': ['$stakeholders:key'],
      'influencer-roles': ['$stakeholders:roles'],
      'competitive-advantage': ['competitive_advantage', 'competition'],
      'buyer-needs': ['pain_points'],
    },
    pipedrive: {},
    tryton: {
      'influencers-identified': ['$stakeholders:key'],
      'influencer-roles': ['$stakeholders:roles'],
    },
    csv: {
      'identified-project': ['project'],
      'budget-allocated': ['budget', 'budget_confirmed'],
      'compelling-event': ['compelling_event'],
      'competing-projects': ['competing_projects'],
      'completion-date': ['completion_date', 'go_live_date'],
      'competitive-advantage': ['competitive_advantage', 'competitors', 'competition'],
      'buyer-needs': ['need', 'pain', 'pain_points'],
    },
  },
};
