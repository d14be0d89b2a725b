/**
 * Hand-placed showcase deals (ids `DEMO-*`), owned by Darcel Schlecht (349 won Maven deals), so tests
 * and demos can count on specific findings. Every date is relative to the CRM's "today"; README.md
 * lists the guaranteed facts and test/unit/demo-crm/showcase.test.ts checks them.
 */
import { addDays } from '../../lib/dates';
import type { IsoDate } from '../../lib/model';
import type { AccountJson, ActivityJson, ContactRoleJson, FieldChangeJson, UserRefJson } from '../../lib/crm/demo/api';
import { slug, stamp, STAGES } from './enrich';
import { OTHER_FIELD_ANSWERS, QUALIFICATION_IDS } from './texts';
import type { DemoOpportunity } from './types';

export const SHOWCASE_OWNER = 'Darcel Schlecht';

export const SHOWCASE_IDS = {
  stale: 'DEMO-STALE',
  unqualified: 'DEMO-UNQUALIFIED',
  noDecisionMaker: 'DEMO-NODM',
  healthy: 'DEMO-HEALTHY',
} as const;

interface Person {
  key: string;
  name: string;
  title: string;
  role: string;
  primary?: boolean;
}

interface PlannedActivity {
  type: 'Call' | 'Meeting' | 'Email' | 'Task';
  subject: string;
  /** Negative: done that many days ago; positive: planned that many days ahead. */
  day: number;
  with: string[];
}

interface ShowcaseSpec {
  id: string;
  name: string;
  account: string;
  product: string;
  amount: number;
  createdDaysAgo: number;
  engagedDaysAgo: number;
  /** Current expected close date, days from today. */
  closeInDays: number;
  /** Close-date changes, oldest first: [changed N days ago, from (days from today), to (days from today)]. */
  pushes: [number, number, number][];
  /** Qualification questions answered; the others are empty (null). */
  answered: readonly string[];
  /** competitors, decision_criteria, decision_process, paper_process, metrics, pain. */
  otherFields: boolean;
  nextStep: string | null;
  people: Person[];
  activities: PlannedActivity[];
}

/** One complete, plausible set of qualification answers. */
const FULL_ANSWERS: Record<string, string> = {
  identified_project: 'Refresh of 80 field laptops before the ERP rollout',
  budget_allocated: "Yes: $40k approved in this year's capex",
  compelling_event: 'Current support contract ends next quarter',
  influencers_identified: 'CFO signs; IT Director recommends',
  influencer_roles: 'IT Director owns the shortlist; Procurement runs the order',
  won_before: 'Yes: several earlier orders',
  can_win: 'Yes: incumbent and price-competitive',
  information_source: 'IT Manager (champion), confirmed by the CFO',
  competing_projects: 'None known',
  completion_date: 'Live before the new fiscal year',
  competitive_advantage: 'Next-day on-site support in their region',
  buyer_needs: 'Light, rugged devices with long battery life',
  meet_needs: 'Yes, every listed requirement',
  slip_impact: "They lose this year's budget",
  downside_no_purchase: 'About 6 hours of downtime a week on old devices',
};

const OTHER_FIELDS: Record<string, string> = {
  competitors: 'Dell',
  decision_criteria: 'Total cost over 4 years, support SLA',
  decision_process: 'IT shortlists, CFO approves',
  paper_process: 'Purchase order via Procurement portal',
  metrics: 'Cut device downtime by half',
  pain: 'Old fleet fails weekly',
};

const SPECS: ShowcaseSpec[] = [
  {
    // Open 420 days, far past the owner's typical cycle; close date pushed 3 times. Otherwise well run.
    id: SHOWCASE_IDS.stale,
    name: 'Rangreen – GTX Plus Pro fleet',
    account: 'Rangreen',
    product: 'GTX Plus Pro',
    amount: 5200,
    createdDaysAgo: 420,
    engagedDaysAgo: 400,
    closeInDays: 21,
    pushes: [
      [335, -330, -240],
      [245, -240, -120],
      [125, -120, 21],
    ],
    answered: QUALIFICATION_IDS,
    otherFields: true,
    nextStep: 'Get Procurement to restart the evaluation',
    people: [
      { key: 'eb', name: 'Marisol Vega', title: 'CFO', role: 'Economic Buyer' },
      { key: 'dm', name: 'Tomasz Wierzbicki', title: 'IT Director', role: 'Decision Maker' },
      { key: 'champion', name: 'Aiko Mori', title: 'IT Manager', role: 'Champion', primary: true },
    ],
    activities: [
      { type: 'Call', subject: 'Discovery call', day: -398, with: ['champion'] },
      { type: 'Meeting', subject: 'Demo of GTX Plus Pro', day: -380, with: ['champion', 'dm'] },
      { type: 'Email', subject: 'Sent proposal v2', day: -300, with: ['dm'] },
      { type: 'Call', subject: 'Check-in on evaluation', day: -12, with: ['champion'] },
      { type: 'Call', subject: 'Call about rollout timing', day: -9, with: ['dm'] },
      { type: 'Meeting', subject: 'Executive alignment meeting', day: -5, with: ['eb', 'champion'] },
      { type: 'Call', subject: 'Budget check call', day: 6, with: ['champion'] },
    ],
  },
  {
    // Young, but 12 of 15 qualification questions empty, no other custom fields, no next step.
    id: SHOWCASE_IDS.unqualified,
    name: 'Konex – MG Advanced upgrade',
    account: 'Konex',
    product: 'MG Advanced',
    amount: 3400,
    createdDaysAgo: 12,
    engagedDaysAgo: 8,
    closeInDays: 50,
    pushes: [],
    answered: ['identified_project', 'buyer_needs', 'completion_date'],
    otherFields: false,
    nextStep: null,
    people: [
      { key: 'dm', name: 'Rafael Duarte', title: 'Head of Infrastructure', role: 'Decision Maker' },
      { key: 'champion', name: 'Lena Hoffmann', title: 'Operations Manager', role: 'Champion', primary: true },
    ],
    activities: [
      { type: 'Call', subject: 'Discovery call', day: -10, with: ['champion'] },
      { type: 'Meeting', subject: 'Technical deep-dive', day: -4, with: ['dm', 'champion'] },
      { type: 'Email', subject: 'Recap of last meeting', day: -2, with: ['champion'] },
      { type: 'Meeting', subject: 'Demo of MG Advanced', day: 5, with: ['dm', 'champion'] },
    ],
  },
  {
    // No economic buyer or decision maker among the stakeholders; the champion last contacted 60 days ago.
    id: SHOWCASE_IDS.noDecisionMaker,
    name: 'Isdom – GTX Plus Basic for clinics',
    account: 'Isdom',
    product: 'GTX Plus Basic',
    amount: 1100,
    createdDaysAgo: 62,
    engagedDaysAgo: 60,
    closeInDays: 35,
    pushes: [],
    answered: QUALIFICATION_IDS,
    otherFields: true,
    nextStep: 'Ask the champion to introduce us to the budget holder',
    people: [
      { key: 'champion', name: 'Priya Nair', title: 'IT Manager', role: 'Champion', primary: true },
      { key: 'evaluator', name: 'Jonas Berg', title: 'Systems Engineer', role: 'Technical Evaluator' },
      { key: 'user', name: 'Carla Mendes', title: 'Office Manager', role: 'End User' },
    ],
    activities: [
      { type: 'Call', subject: 'Discovery call', day: -60, with: ['champion'] },
      { type: 'Meeting', subject: 'Technical deep-dive', day: -30, with: ['evaluator'] },
      { type: 'Email', subject: 'Sent GTX Plus Basic datasheet', day: -12, with: ['user'] },
      { type: 'Call', subject: 'Check-in on evaluation', day: -7, with: ['evaluator'] },
      { type: 'Meeting', subject: 'Pilot review', day: 5, with: ['evaluator'] },
    ],
  },
  {
    // Young, fully qualified, multi-threaded with every key person met in the last two weeks.
    id: SHOWCASE_IDS.healthy,
    name: 'Cancity – GTX Plus Basic refresh',
    account: 'Cancity',
    product: 'GTX Plus Basic',
    amount: 1150,
    createdDaysAgo: 20,
    engagedDaysAgo: 16,
    closeInDays: 40,
    pushes: [],
    answered: QUALIFICATION_IDS,
    otherFields: true,
    nextStep: 'Walk the CFO through the proposal at the pilot review',
    people: [
      { key: 'eb', name: 'Daniel Osei', title: 'CFO', role: 'Economic Buyer' },
      { key: 'dm', name: 'Sofia Marchetti', title: 'VP Operations', role: 'Decision Maker' },
      { key: 'champion', name: 'Ravi Kumar', title: 'IT Manager', role: 'Champion', primary: true },
      { key: 'evaluator', name: 'Emma Lindgren', title: 'Solutions Architect', role: 'Technical Evaluator' },
    ],
    activities: [
      { type: 'Call', subject: 'Discovery call', day: -18, with: ['champion'] },
      { type: 'Meeting', subject: 'Demo of GTX Plus Basic', day: -10, with: ['champion', 'evaluator'] },
      { type: 'Meeting', subject: 'Executive alignment meeting', day: -6, with: ['dm', 'champion'] },
      { type: 'Meeting', subject: 'Proposal walkthrough', day: -3, with: ['eb', 'champion'] },
      { type: 'Email', subject: 'Sent revised quote', day: -2, with: ['eb'] },
      { type: 'Meeting', subject: 'Pilot review', day: 4, with: ['eb', 'dm', 'champion'] },
    ],
  },
];

export interface ShowcaseContext {
  today: IsoDate;
  owner: UserRefJson;
  accountsByName: ReadonlyMap<string, AccountJson>;
}

export function showcaseDeals(ctx: ShowcaseContext): DemoOpportunity[] {
  return SPECS.map((spec) => materialise(spec, ctx));
}

function materialise(spec: ShowcaseSpec, ctx: ShowcaseContext): DemoOpportunity {
  const day = (offset: number) => addDays(ctx.today, offset);
  const account = ctx.accountsByName.get(spec.account);
  if (!account) throw new Error(`showcase ${spec.id}: account ${spec.account} is not in accounts.csv`);
  const contactId = (key: string) => `c-${spec.id.toLowerCase()}-${key}`;

  const contactRoles: ContactRoleJson[] = spec.people.map((p, i) => ({
    id: `${spec.id}-R${i + 1}`,
    contact: { id: contactId(p.key), name: p.name, title: p.title, email: `${slug(p.name).replaceAll('-', '.')}@${slug(account.name)}.example.com` },
    role: p.role,
    is_primary: p.primary === true,
  }));
  const activities: ActivityJson[] = spec.activities.map((a, i) => ({
    id: `${spec.id}-A${i + 1}`,
    type: a.type,
    subject: a.subject,
    status: a.day < 0 ? 'Completed' : 'Planned',
    at: stamp(day(a.day), 15, 0),
    contact_ids: a.with.map(contactId),
  }));
  const closeDateHistory: FieldChangeJson[] = spec.pushes.map(([at, from, to]) => ({ changed_at: stamp(day(-at), 16, 30), old_value: day(from), new_value: day(to) }));
  const stageHistory: FieldChangeJson[] = [{ changed_at: stamp(day(-spec.engagedDaysAgo), 16, 0), old_value: 'Prospecting', new_value: 'Engaging' }];

  const customFields: Record<string, string | null> = {};
  for (const id of QUALIFICATION_IDS) customFields[`qual_${id}`] = spec.answered.includes(id) ? FULL_ANSWERS[id]! : null;
  for (const field of Object.keys(OTHER_FIELD_ANSWERS)) customFields[field] = spec.otherFields ? OTHER_FIELDS[field]! : null;

  const lastDone = activities.filter((a) => a.status === 'Completed').at(-1)!;
  const meta = STAGES.Engaging;
  return {
    id: spec.id,
    name: spec.name,
    account,
    owner: ctx.owner,
    product: spec.product,
    amount: spec.amount,
    currency: 'USD',
    stage: 'Engaging',
    stage_order: meta.order,
    is_closed: false,
    is_won: false,
    probability: meta.probability,
    forecast_category: meta.forecast_category,
    type: 'Existing Business',
    next_step: spec.nextStep,
    created_at: stamp(day(-spec.createdDaysAgo), 14, 0),
    engage_date: day(-spec.engagedDaysAgo),
    close_date: day(spec.closeInDays),
    closed_at: null,
    last_modified_at: lastDone.at,
    custom_fields: customFields,
    close_date_history: closeDateHistory,
    stage_history: stageHistory,
    contact_roles: contactRoles,
    activities,
  };
}
