/**
 * Gallery fixtures: plain objects typed by the contracts, so a contract change breaks the
 * gallery at compile time. Numbers are consistent with each other (age vs cycle, counts).
 */
import type { DealCoachingView, QualificationItem, QualificationView, StakeholderView } from '../../lib/coaching/types';
import type { PersonalSummary, ValueRate } from '../../lib/metrics/types';
import type { Deal, Finding, Settings } from '../../lib/model';
import type { Connection, DataSource, OptionsProps } from '../../components/types';

export const NOW = '2026-03-10T15:00:00Z';

const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

export const fresh: DataSource = { fetchedAt: minutesAgo(3), fromCache: false, stale: false };
export const cachedStale: DataSource = { fetchedAt: minutesAgo(125), fromCache: true, stale: true };

function deal(over: Partial<Deal> & Pick<Deal, 'name'>): Deal {
  return {
    ref: { crm: 'salesforce', instance: 'acme.my.salesforce.com', id: '006Hs00001AbCdE', url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdE/view' },
    accountName: 'Northwind Traders GmbH',
    owner: { id: '005A1', name: 'Dana Ruiz' },
    amount: 184_500,
    currency: 'EUR',
    stage: { name: 'Negotiation/Review', category: 'open', order: 5 },
    probability: 0.7,
    forecastCategory: 'Commit',
    nextStep: null,
    createdAt: daysAgo(142),
    closeDate: '2026-02-27',
    closedAt: null,
    history: { closeDateChanges: [], stageChanges: [], tracked: true },
    stakeholders: [],
    activities: [],
    fields: {},
    isNewBusiness: false,
    product: 'Platform',
    ...over,
  };
}

// ---------- Qualification ----------
type Q = [id: string, label: string, weight: number, status: QualificationItem['status'], ask: string, field?: string];
const DEALMAKER: Q[] = [
  ['compelling-event', 'Compelling event', 5, 'missing', 'What happens on your side if this is not live by July?'],
  ['budget', 'Budget confirmed', 5, 'missing', 'Has budget for this been approved this year, and who approved it?'],
  ['economic-buyer', 'Economic buyer identified', 5, 'answered', '', 'Economic_Buyer__c'],
  ['decision-process', 'Decision process', 4, 'missing', 'Walk me through how a decision like this gets made. Who signs off after you?'],
  ['decision-criteria', 'Decision criteria', 4, 'answered', '', 'Decision_Criteria__c'],
  ['paper-process', 'Paper process', 3, 'missing', 'What will legal and procurement need from us, and how long does that usually take?'],
  ['champion', 'Champion', 4, 'answered', '', 'Champion__c'],
  ['competition', 'Competition', 3, 'missing', 'Who else are you looking at, and what do you like about them?'],
  ['pain', 'Business pain', 4, 'answered', '', 'Pain__c'],
  ['metrics', 'Measurable value', 3, 'answered', '', 'Value_Metrics__c'],
  ['timeline', 'Timeline', 4, 'answered', '', 'Go_Live_Date__c'],
  ['fit', 'Solution fit', 3, 'answered', '', 'Fit_Notes__c'],
  ['relationship-map', 'Relationship map', 2, 'not-tracked', 'Who else will be affected by this change, and how do they feel about it?'],
  ['risks', 'Risks to close', 2, 'not-tracked', 'What could stop this from happening this quarter?'],
  ['differentiation', 'Why us', 2, 'not-tracked', 'What would you tell your boss is the reason to pick us?'],
];

function qualification(rows: Q[], playbookId: string, playbookName: string): QualificationView {
  const items: QualificationItem[] = rows.map(([questionId, label, weight, status, ask, field]) => ({
    questionId,
    label,
    weight,
    status,
    why: `${label} tells you whether the deal can close when the buyer says it will.`,
    ask: ask || `Can you tell me about ${label.toLowerCase()}?`,
    answeredBy: status === 'answered' && field ? [field] : [],
  }));
  return {
    playbookId,
    playbookName,
    items,
    answered: items.filter((i) => i.status === 'answered').length,
    tracked: items.filter((i) => i.status !== 'not-tracked').length,
    total: items.length,
  };
}

// ---------- Stale, unqualified deal with five findings ----------
const staleFindings: Finding[] = [
  {
    ruleId: 'older-than-cycle',
    severity: 'risk',
    title: 'Open 142 days: older than 9 in 10 of your won deals',
    why: 'Your won deals closed in a median of 57 days; 90% within 118 days (your own history, 38 won deals).',
    action: 'Confirm the compelling event and the signing date with Jonas Weber. If there is none, take the deal out of this quarter’s commit.',
    evidence: { days: 142, median: 57, p90: 118, basis: 'own', n: 38 },
  },
  {
    ruleId: 'close-date-pushed',
    severity: 'risk',
    title: 'Close date pushed 3 times (+74 days)',
    why: 'Expected close moved from Dec 15, 2025 to Jan 30, then Feb 13, then Feb 27, 2026.',
    action: 'Agree a mutual close plan with the economic buyer: each step to signature, with an owner and a date.',
    evidence: { pushCount: 3, movedDays: 74 },
  },
  {
    ruleId: 'unreached-influencer',
    severity: 'risk',
    title: 'Economic buyer not reached in 41 days',
    why: 'Marta Kowalski (CFO, economic buyer) has had no call, meeting or email since Jan 28; the limit is 30 days.',
    action: 'Ask Jonas Weber to set up a 20-minute call with Marta to confirm budget and sign-off.',
    evidence: { stakeholderId: 'c1', days: 41, threshold: 30 },
  },
  {
    ruleId: 'missing-qualification',
    severity: 'warn',
    title: '5 of 12 tracked qualification questions unanswered',
    why: 'Missing, most important first: Compelling event, Budget confirmed, Decision process, Paper process, Competition.',
    action: 'Cover the decision and paper process in your next call with Jonas and record the answers in the opportunity.',
    evidence: { missing: ['compelling-event', 'budget', 'decision-process', 'paper-process', 'competition'] },
  },
  {
    ruleId: 'big-deal-concentration',
    severity: 'info',
    title: 'This deal is 46% of your open pipeline',
    why: '€184,500 of €401,200 open across 18 deals. One slip moves your quarter.',
    action: 'Build coverage elsewhere: two more qualified deals in Discovery would halve the dependence.',
    evidence: { share: 0.46 },
  },
];

const staleStakeholders: StakeholderView[] = [
  { id: 'c2', name: 'Jonas Weber', title: 'VP Operations', roles: ['Business User', 'Influencer'], influence: 'champion', isPrimary: true, lastContact: daysAgo(5), reached: true, isKey: true },
  { id: 'c1', name: 'Marta Kowalski', title: 'Chief Financial Officer', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: false, lastContact: daysAgo(41), reached: false, isKey: true },
  { id: 'c4', name: 'Tom Becker', title: 'Operations Analyst', roles: ['Business User'], influence: 'user', isPrimary: false, lastContact: daysAgo(12), reached: true, isKey: false },
  { id: 'c3', name: 'Priya Natarajan', title: 'IT Procurement Lead', roles: ['Evaluator'], influence: 'evaluator', isPrimary: false, lastContact: null, reached: false, isKey: false },
];

export const staleView: DealCoachingView = {
  deal: deal({
    name: 'Northwind Traders: Platform renewal & expansion FY26',
    history: {
      closeDateChanges: [
        { at: '2025-12-10T09:00:00Z', from: '2025-12-15', to: '2026-01-30' },
        { at: '2026-01-26T09:00:00Z', from: '2026-01-30', to: '2026-02-13' },
        { at: '2026-02-11T09:00:00Z', from: '2026-02-13', to: '2026-02-27' },
      ],
      stageChanges: [],
      tracked: true,
    },
  }),
  findings: staleFindings,
  qualification: qualification(DEALMAKER, 'dealmaker', 'Dealmaker'),
  stakeholders: staleStakeholders,
  age: { days: 142, typicalCycle: { median: 57, p75: 84, p90: 118, n: 38, basis: 'own' } },
  limitations: [
    'Stage history is not tracked in this Salesforce org, so time in stage could not be checked.',
    'Emails are not logged as activities here: someone may have been reached by email without Deal Coach seeing it.',
  ],
};

// ---------- Healthy deal, no findings ----------
const MEDDPICC: Q[] = [
  ['m', 'Metrics', 5, 'answered', '', 'Metrics__c'],
  ['e', 'Economic buyer', 5, 'answered', '', 'Economic_Buyer__c'],
  ['dc', 'Decision criteria', 4, 'answered', '', 'Decision_Criteria__c'],
  ['dp', 'Decision process', 4, 'answered', '', 'Decision_Process__c'],
  ['pp', 'Paper process', 3, 'answered', '', 'Paper_Process__c'],
  ['i', 'Identified pain', 4, 'answered', '', 'Pain__c'],
  ['ch', 'Champion', 4, 'answered', '', 'Champion__c'],
  ['co', 'Competition', 3, 'answered', '', 'Competitors__c'],
];

export const healthyView: DealCoachingView = {
  deal: deal({
    ref: { crm: 'salesforce', instance: 'acme.my.salesforce.com', id: '006Hs00001XyZ12', url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001XyZ12/view' },
    name: 'Contoso Analytics add-on',
    accountName: 'Contoso Ltd',
    amount: 48_000,
    currency: 'USD',
    stage: { name: 'Proposal', category: 'open', order: 4 },
    createdAt: daysAgo(31),
    closeDate: '2026-04-17',
    nextStep: 'Security review call with IT on Mar 12',
  }),
  findings: [],
  qualification: qualification(MEDDPICC, 'meddpicc', 'MEDDPICC'),
  stakeholders: [
    { id: 'h1', name: 'Alex Chen', title: 'Head of Data', roles: ['Decision Maker'], influence: 'decision-maker', isPrimary: true, lastContact: daysAgo(2), reached: true, isKey: true },
    { id: 'h2', name: 'Sam Okafor', title: 'CFO', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: false, lastContact: daysAgo(9), reached: true, isKey: true },
    { id: 'h3', name: 'Rita Lind', title: 'BI Developer', roles: ['Technical Buyer'], influence: 'evaluator', isPrimary: false, lastContact: daysAgo(2), reached: true, isKey: false },
  ],
  age: { days: 31, typicalCycle: { median: 57, p75: 84, p90: 118, n: 212, basis: 'team' } },
  limitations: [],
};

// ---------- Hostile / long strings: must render literally ----------
const XSS = '<img src=x onerror=alert(1)>';
export const hostileView: DealCoachingView = {
  deal: deal({
    ref: { crm: 'hubspot', instance: 'app.hubspot.com', id: '9911', url: 'https://app.hubspot.com/contacts/1/record/0-3/9911' },
    name: `${XSS} Ünïcødé Grüße & Söhne — Enterprise Agreement renewal with extended support, onboarding and professional services (phase 2 of 3)`,
    accountName: 'Ünïcødé Grüße & Söhne Aktiengesellschaft für Informationstechnologie und Unternehmensberatung mbH & Co. KG',
    owner: { id: 'u9', name: '<script>alert("owner")</script> Maximiliane Oberhuber-Schwarzenegger' },
    amount: null,
    currency: null,
    stage: { name: 'Contract sent — waiting for signature by the customer’s legal department', category: 'open' },
    createdAt: null,
    closeDate: null,
    nextStep: `Send the revised MSA ${XSS} to legal: https://example.com/a/very/long/link/that/does/not/break/anywhere/because/it/has/no/spaces?x=1&y=2`,
  }),
  findings: [
    {
      ruleId: 'no-decision-maker',
      severity: 'risk',
      title: `No decision maker identified ${XSS}`,
      why: 'None of the 2 contacts on this deal is marked as economic buyer or decision maker. <b>not bold</b>',
      action: 'Ask your contact who signs the order form, and add them to the deal with their role.',
      evidence: {},
    },
    {
      ruleId: 'no-next-step',
      severity: 'warn',
      title: 'Supercalifragilisticexpialidocious_next_step_field_is_empty_and_this_title_has_no_spaces_at_all',
      why: 'The next step field was last changed 63 days ago.',
      action: 'Write down the next step the buyer agreed to, with a date.',
      evidence: {},
    },
  ],
  qualification: qualification(
    [
      ['need', 'Need', 5, 'not-tracked', 'What problem are you solving and why now?'],
      ['budget', 'Budget', 5, 'not-tracked', 'Is there budget for this, and how much?'],
      ['authority', 'Authority', 4, 'not-tracked', 'Who else is involved in approving this?'],
      ['timing', 'Timing', 4, 'not-tracked', 'When do you need this in place?'],
    ],
    'bant',
    'BANT',
  ),
  stakeholders: [
    { id: 'x1', name: `"><script>alert('x')</script> Zoë Ångström-Łukasiewicz`, title: 'Senior Vice President, Global Procurement, Vendor Risk & Third-Party Management (EMEA)', roles: ['Procurement <i>lead</i>'], influence: 'influencer', isPrimary: true, lastContact: daysAgo(400), reached: false, isKey: false },
    { id: 'x2', name: 'Li Wei', title: null, roles: [], influence: 'other', isPrimary: false, lastContact: null, reached: false, isKey: false },
  ],
  age: { days: null, typicalCycle: null },
  limitations: ['HubSpot did not return a create date, so the deal’s age is unknown.', `Activities are not readable with this token’s scopes ${XSS}.`],
};

// ---------- Popup ----------
const value = (rate: number | null, num: number, den: number, extra: Partial<ValueRate> = {}): ValueRate => ({
  rate,
  numerator: num,
  denominator: den,
  excludedUnknownAmount: 0,
  zeroValueLost: 0,
  reliable: true,
  ...extra,
});

export const summary: PersonalSummary = {
  ownerId: '005A1',
  ownerName: 'Dana Ruiz',
  winRates: {
    unit: { rate: 41 / 71, numerator: 41, denominator: 71 },
    value: value(1_920_000 / 4_085_000, 1_920_000, 4_085_000, { excludedUnknownAmount: 4 }),
    pursued: {
      unit: { rate: 41 / 96, numerator: 41, denominator: 96 },
      value: value(1_920_000 / 6_410_000, 1_920_000, 6_410_000),
    },
  },
  typicalCycle: { median: 57, p75: 84, p90: 118, n: 38, basis: 'own' },
  pushRate: { rate: 12 / 50, numerator: 12, denominator: 50, basis: 'history', period: '2025-Q4' },
  velocity: {
    base: { inputs: { openQualified: 18, averageWonAmount: 46_800, unitWinRate: 41 / 71, cycleDays: 57 }, perDay: (18 * 46_800 * (41 / 71)) / 57 },
    improved: { inputs: { openQualified: 19.8, averageWonAmount: 51_480, unitWinRate: (41 / 71) * 1.1, cycleDays: 51.3 }, perDay: ((18 * 46_800 * (41 / 71)) / 57) * 1.4789 },
    factor: 1.1 ** 3 / 0.9,
  },
  trend: [
    { quarter: '2024-Q4', winRate: { rate: 0.5, numerator: 6, denominator: 12 } },
    { quarter: '2025-Q1', winRate: { rate: 7 / 13, numerator: 7, denominator: 13 } },
    { quarter: '2025-Q2', winRate: { rate: 0.5, numerator: 5, denominator: 10 } },
    { quarter: '2025-Q3', winRate: { rate: 9 / 14, numerator: 9, denominator: 14 } },
    { quarter: '2025-Q4', winRate: { rate: 11 / 16, numerator: 11, denominator: 16 } },
    { quarter: '2026-Q1', winRate: { rate: 0.75, numerator: 3, denominator: 4 } },
  ],
  openDeals: 18,
  asOf: NOW,
};

export const summaryUnreliable: PersonalSummary = {
  ...summary,
  ownerName: 'Sam Patel',
  winRates: {
    unit: { rate: 4238 / 6711, numerator: 4238, denominator: 6711 },
    value: value(null, 10_005_663, 10_005_663, {
      reliable: false,
      zeroValueLost: 2473,
      unreliableReason: 'All 2,473 lost deals carry an amount of 0, which usually means the amount was never entered.',
    }),
    pursued: {
      unit: { rate: 4238 / 8800, numerator: 4238, denominator: 8800 },
      value: value(null, 10_005_663, 10_005_663, { reliable: false, zeroValueLost: 2473, unreliableReason: 'Lost deals carry an amount of 0.' }),
    },
  },
  typicalCycle: { median: 48, p75: 70, p90: 101, n: 212, basis: 'team' },
  pushRate: { rate: 0.31, numerator: 620, denominator: 2000, basis: 'open-past-close' },
  velocity: { base: { inputs: { openQualified: 0, averageWonAmount: 0, unitWinRate: 0, cycleDays: 0, missing: ['averageWonAmount'] }, perDay: null }, improved: { inputs: { openQualified: 0, averageWonAmount: 0, unitWinRate: 0, cycleDays: 0 }, perDay: null }, factor: null },
  trend: [
    { quarter: '2016-Q4', winRate: { rate: 0.61, numerator: 610, denominator: 1000 } },
    { quarter: '2017-Q1', winRate: { rate: 0.64, numerator: 1100, denominator: 1720 } },
    { quarter: '2017-Q2', winRate: { rate: null, numerator: 0, denominator: 0 } },
    { quarter: '2017-Q3', winRate: { rate: 0.62, numerator: 1200, denominator: 1935 } },
  ],
  openDeals: 1589,
};

// ---------- Options ----------
export const settings: Settings = {
  playbookId: 'dealmaker',
  thresholds: { unreachedDays: 30, pushCount: 2, pushDays: 30, singleThreadedMax: 1, engagedDays: 90, stalledFactor: 1.5, minOwnWon: 10, bigDealShare: 0.5 },
};

export const playbooks: OptionsProps['playbooks'] = [
  { id: 'dealmaker', name: 'Dealmaker qualification', description: 'Fifteen questions from “Do you qualify to sell?”: compelling event, budget, decision and paper process, champion and more.', questionCount: 15 },
  { id: 'meddpicc', name: 'MEDDPICC', description: 'Metrics, Economic buyer, Decision criteria and process, Paper process, Identified pain, Champion, Competition.', questionCount: 8 },
  { id: 'bant', name: 'BANT', description: 'Budget, Authority, Need, Timing: a light check for smaller, transactional deals.', questionCount: 4 },
];

export const connections: Connection[] = [
  { crm: 'salesforce', crmLabel: 'Salesforce', instance: 'acme.my.salesforce.com', lastSync: minutesAgo(3), callsToday: 42, user: { id: '005A1', name: 'Dana Ruiz' } },
  { crm: 'dynamics', crmLabel: 'Dynamics 365', instance: 'contoso-sales-emea-production.crm4.dynamics.com', lastSync: daysAgo(6), callsToday: 0, user: { id: 'a1b2', name: '<b>Dana</b> Ruiz' } },
  { crm: 'hubspot', crmLabel: 'HubSpot', instance: 'app.hubspot.com (portal 2231442)', lastSync: null, callsToday: 0, user: null },
];
