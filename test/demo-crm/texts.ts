/**
 * Word pools for the generated parts of the Demo CRM (people, activities, qualification answers).
 * Placeholders: {account} {product} {competitor} {month} {n} {amount}.
 */

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Noah',
  'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Andre', 'Bianca',
  'Chen', 'Dana', 'Emeka', 'Fatima', 'Gus', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya',
];

export const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Nakamura', 'Haddad', 'Fischer', 'Alvarez', 'Kowalski', 'Brennan', 'Mehta',
  'Santos', 'Yilmaz', 'Novak', 'Walsh', 'Tanaka', 'Rossi', 'Dubois', 'Schmidt', 'Costa', 'Larsen', 'Iyer', 'Byrne',
  'Adeyemi', 'Kim', 'Horvath', 'Jensen', 'Oliveira', 'Murphy', 'Chowdhury', 'Weber', 'Silva', 'Park', 'Nieminen',
];

/** The role labels this CRM's contact-role picklist offers, with the titles people in them tend to hold. */
export const ROLE_PROFILES = [
  { role: 'Economic Buyer', weight: 16, titles: ['CFO', 'VP Finance', 'COO', 'Managing Director', 'Finance Director'] },
  { role: 'Decision Maker', weight: 18, titles: ['CIO', 'IT Director', 'VP Operations', 'Head of Infrastructure', 'Director of Facilities'] },
  { role: 'Champion', weight: 18, titles: ['IT Manager', 'Operations Manager', 'Project Lead', 'Workplace Services Manager'] },
  { role: 'Technical Evaluator', weight: 16, titles: ['Systems Engineer', 'Solutions Architect', 'IT Administrator', 'Network Engineer'] },
  { role: 'End User', weight: 14, titles: ['Office Manager', 'Field Technician', 'Team Lead, Support', 'Analyst'] },
  { role: 'Influencer', weight: 14, titles: ['Procurement Manager', 'Head of Security', 'External Consultant', 'Controller'] },
] as const;

/** Labels outside the usual picklist, as admins add them; the adapter maps them to `other`. */
export const UNUSUAL_ROLE_LABELS = ['Procurement', 'Legal', 'IT Security'];

export const COMPETITORS = ['Dell', 'HP', 'Lenovo', 'Acer', 'a local reseller', 'the incumbent leasing partner'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const ACTIVITY_SUBJECTS: Record<'Call' | 'Meeting' | 'Email' | 'Task', readonly string[]> = {
  Call: ['Discovery call', 'Follow-up call on {product} pricing', 'Check-in on evaluation', 'Call about rollout timing', 'Reference call debrief', 'Budget check call'],
  Meeting: ['Demo of {product}', 'On-site workshop at {account}', 'Proposal walkthrough', 'Technical deep-dive', 'Executive alignment meeting', 'Pilot review'],
  Email: ['Sent {product} datasheet', 'Sent proposal v2', 'Answered security questionnaire', 'Shared case study', 'Recap of last meeting', 'Sent revised quote'],
  Task: ['Prepare quote', 'Update mutual action plan', 'Check stock for {product}', 'Send contract for review'],
};

/** Dealmaker qualification questions ("Do you qualify to sell?"), field `qual_<id>`, with plausible short answers. */
export const QUALIFICATION_ANSWERS: Record<string, readonly string[]> = {
  identified_project: [
    'Refresh of {n} field laptops before the ERP rollout',
    'Replace ageing {product} units in two regional offices',
    'Equip the new {account} service centre',
    'Standardise workstations across the finance team',
  ],
  budget_allocated: [
    'Yes: {amount} approved in this year\'s capex',
    'Requested; board decides in {month}',
    'Opex budget from IT, roughly {amount}',
    'Yes, ring-fenced by the CFO',
  ],
  compelling_event: [
    'Current support contract ends in {month}',
    'New office opens in {month}',
    'Audit flagged unsupported hardware',
    'Windows migration deadline in {month}',
  ],
  influencers_identified: [
    'CFO signs; IT Director recommends',
    'IT Manager (champion) and Procurement',
    'Head of Operations and the security team',
    'Only our champion so far',
  ],
  influencer_roles: [
    'IT Director owns the shortlist; Procurement runs the tender',
    'Security must sign off before Finance approves',
    'Operations defines needs, IT evaluates, CFO signs',
  ],
  won_before: ['Yes: {n} earlier orders', 'No, new logo', 'Once, a small pilot'],
  can_win: [
    'Yes: incumbent and price-competitive',
    'Likely, if we match {competitor} on support terms',
    'Even odds against {competitor}',
    'Yes, they asked us for the proposal',
  ],
  information_source: [
    'Our champion and the RFP document',
    'Discovery workshop notes',
    'IT Manager, confirmed by the CFO',
    'Only the end users so far',
  ],
  competing_projects: ['Office move may take priority', 'None known', 'CRM replacement is competing for the same budget', 'Security upgrade in the same quarter'],
  completion_date: ['Before fiscal year end ({month})', 'Live by end of {month}', 'Phase 1 by {month}', 'Before the new office opens'],
  competitive_advantage: [
    'Next-day on-site support in their region',
    'Lower total cost over 4 years than {competitor}',
    '{product} already certified by their IT',
    'Existing relationship and trade-in offer',
  ],
  buyer_needs: [
    'Rugged devices that survive warehouse use',
    'Fast rollout with imaging done by us',
    'Predictable monthly cost',
    'Better battery life for field staff',
  ],
  meet_needs: ['Yes, {product} meets every listed requirement', 'Mostly; docking stations are a gap', 'Yes, with the extended warranty', 'Yes'],
  slip_impact: ['They lose this year\'s budget', 'Old contract auto-renews for a year', 'Opening of the new site is delayed', 'Little impact; they can wait'],
  downside_no_purchase: [
    'About 6 hours of downtime a week on old devices',
    'Failing the next audit',
    'Field staff keep using personal devices',
    'Higher repair costs on out-of-warranty units',
  ],
};

export const QUALIFICATION_IDS = Object.keys(QUALIFICATION_ANSWERS);

/** Other custom fields a real CRM keeps on the opportunity (MEDDPICC-style). */
export const OTHER_FIELD_ANSWERS: Record<string, readonly string[]> = {
  competitors: ['{competitor}', '{competitor}, status quo', 'None known', '{competitor} and a local reseller'],
  decision_criteria: ['Total cost over 4 years, support SLA', 'Battery life and weight', 'Security certification and fleet management', 'Price and delivery time'],
  decision_process: ['IT shortlists, CFO approves above {amount}', 'Pilot, then steering committee', 'Tender run by Procurement', 'Owner decides after a demo'],
  paper_process: ['Standard MSA, Legal review ~2 weeks', 'Purchase order via Procurement portal', 'Framework agreement already in place', 'Unknown'],
  metrics: ['Cut device downtime by half', 'Reduce repair spend by {amount}/year', 'Onboard new hires in 1 day', 'Rollout to {n} users in one quarter'],
  pain: ['Old fleet fails weekly', 'Support costs out of control', 'Staff complain about slow machines', 'Security gaps on unsupported devices'],
};

export const NEXT_STEPS = [
  'Send revised quote by Friday',
  'Book demo with the IT team',
  'Confirm budget with the CFO',
  'Get Procurement to start vendor onboarding',
  'Run pilot with 5 users',
  'Walk the champion through the proposal',
  'Agree the mutual action plan',
  'Send contract for signature',
];
