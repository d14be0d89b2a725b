/**
 * What the Maven export lacks and a real CRM has, generated deterministically: each deal draws from
 * its own seeded stream keyed by opportunity id, each account's people from a stream keyed by account.
 * The real parts (id, agent, product, account, stage, engage/close dates, close value) are never changed.
 */
import { addDays, dayNumber, daysBetween } from '../../lib/dates';
import type { IsoDate } from '../../lib/model';
import type { AccountJson, ActivityJson, ContactJson, ContactRoleJson, FieldChangeJson, UserRefJson } from '../../lib/crm/demo/api';
import { rngFor, type Rng } from './prng';
import {
  ACTIVITY_SUBJECTS,
  COMPETITORS,
  FIRST_NAMES,
  LAST_NAMES,
  MONTHS,
  NEXT_STEPS,
  OTHER_FIELD_ANSWERS,
  QUALIFICATION_ANSWERS,
  QUALIFICATION_IDS,
  ROLE_PROFILES,
  UNUSUAL_ROLE_LABELS,
} from './texts';
import type { DemoOpportunity, MavenDeal } from './types';

export const KEY_ROLES = ['Economic Buyer', 'Decision Maker', 'Champion'];

export interface AccountContact {
  contact: ContactJson;
  /** The role this person usually plays in this account's deals. */
  role: string;
}

export interface EnrichContext {
  seed: string;
  today: IsoDate;
  owner: UserRefJson;
  account: AccountJson | null;
  contacts: readonly AccountContact[];
  listPrice: number | null;
  /** Won deals with this account closed before `date`. */
  wonBefore(date: IsoDate): number;
}

export const STAGES = {
  Prospecting: { order: 1, is_closed: false, is_won: false, probability: 10, forecast_category: 'Pipeline' },
  Engaging: { order: 2, is_closed: false, is_won: false, probability: 40, forecast_category: 'Best Case' },
  Won: { order: 3, is_closed: true, is_won: true, probability: 100, forecast_category: 'Closed' },
  Lost: { order: 3, is_closed: true, is_won: false, probability: 0, forecast_category: 'Omitted' },
} as const;
export type StageName = keyof typeof STAGES;

/** `2017-03-01T15:20:00Z`: an instant on a calendar day (US business hours, in UTC). */
export function stamp(date: IsoDate, hour: number, minute = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
}

const before = (a: IsoDate, b: IsoDate) => dayNumber(a) < dayNumber(b);
const laterOf = (a: IsoDate, b: IsoDate) => (before(a, b) ? b : a);

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** 2–6 people per account, each with a title and the role they usually play. */
export function accountContacts(seed: string, account: AccountJson): AccountContact[] {
  const r = rngFor(`${seed}|account|${account.name}`);
  const count = r.int(2, 6);
  const domain = `${slug(account.name)}.example.com`;
  const used = new Set<string>();
  const people: AccountContact[] = [];
  for (let i = 0; i < count; i++) {
    const profile = ROLE_PROFILES[r.weighted(ROLE_PROFILES.map((p) => p.weight))]!;
    let first = r.pick(FIRST_NAMES);
    let last = r.pick(LAST_NAMES);
    while (used.has(`${first} ${last}`)) {
      first = r.pick(FIRST_NAMES);
      last = r.pick(LAST_NAMES);
    }
    used.add(`${first} ${last}`);
    people.push({
      contact: {
        id: `c-${slug(account.name)}-${i + 1}`,
        name: `${first} ${last}`,
        title: r.pick(profile.titles),
        email: `${slug(first)}.${slug(last)}@${domain}`,
      },
      role: profile.role,
    });
  }
  return people;
}

/** How well the rep has worked the deal, 0..1: drives qualification, stakeholder coverage, activity. */
function qualityOf(r: Rng, stage: StageName): number {
  switch (stage) {
    case 'Won':
      return 0.65 + 0.35 * r.next();
    case 'Lost':
      return 0.15 + 0.55 * r.next();
    case 'Prospecting':
      return 0.3 * r.next();
    case 'Engaging': {
      const tier = r.weighted([30, 40, 30]);
      return tier === 0 ? 0.7 + 0.3 * r.next() : tier === 1 ? 0.35 + 0.35 * r.next() : 0.35 * r.next();
    }
  }
}

function fill(r: Rng, template: string, ctx: EnrichContext, product: string): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'account':
        return ctx.account?.name ?? 'the customer';
      case 'product':
        return product;
      case 'competitor':
        return r.pick(COMPETITORS);
      case 'month':
        return r.pick(MONTHS);
      case 'n':
        return String(r.int(2, 12) * 10);
      case 'amount':
        return `$${r.int(2, 60)}k`;
      default:
        return name;
    }
  });
}

export function dealName(deal: Pick<MavenDeal, 'account' | 'product'>): string {
  return deal.account ? `${deal.account} – ${deal.product}` : `${deal.product} – no account yet`;
}

export function enrichDeal(deal: MavenDeal, ctx: EnrichContext): DemoOpportunity {
  const r = rngFor(`${ctx.seed}|deal|${deal.id}`);
  const stage = deal.stage;
  const meta = STAGES[stage];
  const yesterday = addDays(ctx.today, -1);
  const quality = qualityOf(r, stage);

  // Maven has no creation date: a deal is created 0–14 days before it is engaged; prospects recently.
  const createdDay = deal.engageDate ? addDays(deal.engageDate, -r.int(0, 14)) : addDays(ctx.today, -r.int(1, 120));
  const createdAt = stamp(createdDay, r.int(13, 15), r.int(0, 59));

  const stageHistory: FieldChangeJson[] = [];
  if (deal.engageDate) stageHistory.push({ changed_at: stamp(deal.engageDate, r.int(16, 17), r.int(0, 59)), old_value: 'Prospecting', new_value: 'Engaging' });
  if (meta.is_closed && deal.closeDate) stageHistory.push({ changed_at: stamp(deal.closeDate, r.int(18, 21), r.int(0, 59)), old_value: 'Engaging', new_value: stage });

  const { closeDate, closeDateHistory } = meta.is_closed ? closedDealCloseDates(r, deal, createdDay) : openDealCloseDates(r, deal, createdDay, yesterday);

  let amount: number | null;
  if (stage === 'Won') amount = deal.closeValue;
  else if (stage === 'Lost') amount = deal.closeValue ?? 0;
  else amount = ctx.listPrice === null || r.chance(0.12) ? null : Math.round(ctx.listPrice * (0.85 + 0.3 * r.next()));

  const contactRoles = pickContactRoles(r, deal, ctx, quality);
  const activities = makeActivities(r, deal, ctx, quality, contactRoles, createdDay, meta.is_closed ? deal.closeDate! : ctx.today);

  const wonBefore = ctx.account ? ctx.wonBefore(createdDay) : 0;
  const customFields: Record<string, string | null> = {};
  for (const id of QUALIFICATION_IDS) {
    let answer: string | null = null;
    if (r.chance(quality)) {
      answer = id === 'won_before' ? (wonBefore > 0 ? `Yes: ${wonBefore} earlier orders` : 'No, new logo') : fill(r, r.pick(QUALIFICATION_ANSWERS[id]!), ctx, deal.product);
    }
    customFields[`qual_${id}`] = answer;
  }
  for (const [field, answers] of Object.entries(OTHER_FIELD_ANSWERS)) {
    customFields[field] = r.chance(0.2 + 0.75 * quality) ? fill(r, r.pick(answers), ctx, deal.product) : null;
  }
  const nextStep = !meta.is_closed && r.chance(0.35 + 0.6 * quality) ? r.pick(NEXT_STEPS) : null;

  const touched = [createdAt, ...stageHistory.map((c) => c.changed_at), ...closeDateHistory.map((c) => c.changed_at), ...activities.filter((a) => a.status === 'Completed').map((a) => a.at)];

  return {
    id: deal.id,
    name: dealName(deal),
    account: ctx.account,
    owner: ctx.owner,
    product: deal.product,
    amount,
    currency: 'USD',
    stage,
    stage_order: meta.order,
    is_closed: meta.is_closed,
    is_won: meta.is_won,
    probability: meta.probability,
    forecast_category: meta.forecast_category,
    type: wonBefore > 0 ? 'Existing Business' : 'New Business',
    next_step: nextStep,
    created_at: createdAt,
    engage_date: deal.engageDate,
    close_date: closeDate,
    closed_at: meta.is_closed ? deal.closeDate : null,
    last_modified_at: touched.reduce((a, b) => (a > b ? a : b)),
    custom_fields: customFields,
    close_date_history: closeDateHistory,
    stage_history: stageHistory,
    contact_roles: contactRoles,
    activities,
  };
}

/**
 * A closed deal ends with its close date on the real close date; before that it may have been
 * pushed 0–4 times (lost deals more often), each push 10–40 days, recorded shortly before the old date.
 */
function closedDealCloseDates(r: Rng, deal: MavenDeal, createdDay: IsoDate) {
  const final = deal.closeDate!;
  let pushes = r.weighted(deal.stage === 'Won' ? [55, 25, 12, 6, 2] : [40, 25, 18, 11, 6]);
  const steps = Array.from({ length: 4 }, () => r.int(10, 40));
  const jitters = Array.from({ length: 4 }, () => r.int(0, 7));
  // The first expected date must leave the deal at least two weeks after creation.
  while (pushes > 0 && daysBetween(createdDay, addDays(final, -sum(steps.slice(0, pushes)))) < 14) pushes--;
  const dates: IsoDate[] = [final];
  for (let i = 0; i < pushes; i++) dates.unshift(addDays(dates[0]!, -steps[i]!));
  const closeDateHistory: FieldChangeJson[] = [];
  for (let i = 1; i < dates.length; i++) {
    const at = addDays(dates[i - 1]!, -jitters[i - 1]!);
    closeDateHistory.push({ changed_at: stamp(at, r.int(13, 21), r.int(0, 59)), old_value: dates[i - 1]!, new_value: dates[i]! });
  }
  return { closeDate: final, closeDateHistory };
}

/**
 * An open deal gets an expected close date 30–90 days after it started, pushed 0–4 times by 14–60
 * days around each date as it comes due — but never after yesterday, so many old deals keep a past
 * close date, as neglected pipelines do.
 */
function openDealCloseDates(r: Rng, deal: MavenDeal, createdDay: IsoDate, yesterday: IsoDate) {
  let expected = addDays(deal.engageDate ?? createdDay, deal.stage === 'Prospecting' ? r.int(60, 120) : r.int(30, 90));
  const wanted = r.weighted(deal.stage === 'Prospecting' ? [75, 25, 0, 0, 0] : [30, 25, 20, 15, 10]);
  const closeDateHistory: FieldChangeJson[] = [];
  let lastAt = createdDay;
  for (let i = 0; i < wanted; i++) {
    const at = laterOf(addDays(expected, -r.int(0, 7)), addDays(lastAt, 1));
    const to = addDays(expected, r.int(14, 60));
    if (before(yesterday, at)) break;
    closeDateHistory.push({ changed_at: stamp(at, r.int(13, 21), r.int(0, 59)), old_value: expected, new_value: to });
    expected = to;
    lastAt = at;
  }
  return { closeDate: expected, closeDateHistory };
}

function pickContactRoles(r: Rng, deal: MavenDeal, ctx: EnrichContext, quality: number): ContactRoleJson[] {
  if (ctx.contacts.length === 0) return [];
  const chosen = ctx.contacts.filter(({ role }) => r.chance(KEY_ROLES.includes(role) ? 0.2 + 0.75 * quality : 0.25 + 0.4 * quality));
  if (chosen.length === 0 && deal.stage !== 'Prospecting') chosen.push(r.pick(ctx.contacts));
  if (deal.stage === 'Prospecting') chosen.splice(2);
  const rows: ContactRoleJson[] = [];
  const primary = chosen.find((c) => c.role === 'Champion') ?? chosen[0];
  for (const person of chosen) {
    const label = r.chance(0.03) ? r.pick(UNUSUAL_ROLE_LABELS) : person.role;
    rows.push({ id: `${deal.id}-R${rows.length + 1}`, contact: person.contact, role: label, is_primary: person === primary });
    if (r.chance(0.08)) {
      const second = r.pick(['Influencer', 'Decision Maker', 'Economic Buyer', 'End User'].filter((l) => l !== label));
      rows.push({ id: `${deal.id}-R${rows.length + 1}`, contact: person.contact, role: second, is_primary: false });
    }
  }
  return rows;
}

const KINDS = ['Call', 'Email', 'Meeting', 'Task'] as const;

/**
 * Done activities spread from creation to the close (closed deals) or to the last touch (open deals,
 * which often went quiet weeks or months ago); open deals may have planned ones ahead, or overdue.
 */
function makeActivities(r: Rng, deal: MavenDeal, ctx: EnrichContext, quality: number, roles: readonly ContactRoleJson[], createdDay: IsoDate, endDay: IsoDate): ActivityJson[] {
  const people = [...new Map(roles.map((row) => [row.contact.id, row.contact.id])).values()];
  const open = !STAGES[deal.stage].is_closed;
  const start = addDays(createdDay, 1);
  let lastTouch = endDay;
  if (open) {
    const quiet = [r.int(1, 14), r.int(15, 45), r.int(46, 180)][r.weighted([40 + 30 * quality, 30, 30 - 25 * quality])]!;
    // A deal cannot have gone quiet before it started; nothing is done today yet.
    lastTouch = laterOf(addDays(ctx.today, -quiet), start);
    if (before(addDays(ctx.today, -1), lastTouch)) lastTouch = addDays(ctx.today, -1);
  }
  const span = daysBetween(start, lastTouch);
  const drafts: Omit<ActivityJson, 'id'>[] = [];
  const add = (day: IsoDate, status: 'Completed' | 'Planned') => {
    const type = KINDS[r.weighted([35, 35, 22, 8])]!;
    const max = type === 'Meeting' ? 3 : type === 'Task' ? 1 : 2;
    const contactIds = type === 'Task' && r.chance(0.5) ? [] : r.sample(people, r.int(1, max));
    const subject = fill(r, r.pick(ACTIVITY_SUBJECTS[type]), ctx, deal.product);
    drafts.push({ type, subject, status, at: stamp(day, r.int(13, 21), r.pick([0, 15, 30, 45])), contact_ids: contactIds });
  };
  if (span >= 0) {
    const count = deal.stage === 'Prospecting' ? r.int(0, 3) : Math.max(1, Math.min(18, Math.round((span / r.int(7, 20)) * (0.5 + quality))));
    for (let i = 0; i < count - 1; i++) add(addDays(start, r.int(0, span)), 'Completed');
    if (count > 0) add(lastTouch, 'Completed');
  }
  if (open) {
    if (r.chance(0.3 + 0.45 * quality)) for (let i = r.int(1, 2); i > 0; i--) add(addDays(ctx.today, r.int(1, 21)), 'Planned');
    if (r.chance(0.1)) add(laterOf(start, addDays(ctx.today, -r.int(1, 20))), 'Planned');
  }
  drafts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return drafts.map((a, i) => ({ id: `${deal.id}-A${i + 1}`, ...a }));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
