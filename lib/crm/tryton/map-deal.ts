/**
 * sale.opportunity (as read by queries.ts) → Deal. Pure.
 *
 * - Stage: Tryton's workflow states. lead, opportunity, converted (a quotation exists, not yet
 *   confirmed) are open; won is won; lost and cancelled are lost. Cancelled counts as lost because a
 *   cancelled opportunity is a pursuit that ended without a sale: leaving it out of win rates is what
 *   flatters them (DESIGN §4). The stage name stays "Cancelled", so it can still be told apart.
 * - Dates: start_date is the creation date, end_date the close date. Tryton sets end_date to the
 *   day an opportunity is won, lost or cancelled, so for a closed deal it is also the actual close.
 * - Amount: Tryton's estimate; when the quotations of a converted opportunity are cancelled it is
 *   lost with amount 0, which means "unknown", not "lost nothing" (DESIGN §3).
 * - People: the account's party relations ("Decision maker at", "Champion at", "Buyer at", any
 *   others as 'other'), labelled from the person's side; the opportunity's contact is the primary one.
 * - Activities: notes (`ir.note`) only — Tryton logs no calls, meetings or emails and has no
 *   next-step field, and says so in `deal.tracks`. A note is linked to the people it names.
 * - Owner: the employee (`company.employee`) the opportunity is assigned to.
 */
import { Influence, type Activity, type CloseDateChange, type DealInput, type FieldValue, type IsoDate, type RecordRef, type Stakeholder, type StageCategory, type StageChange, type Timestamp } from '../../model';
import { influenceOf } from '../shared/influence';
import { asArray, asRecord, isRecord, share, str, type Json } from '../shared/values';
import { trytonDate, trytonInstant, trytonNumber } from './rpc';

/** What Tryton records at all, so rules do not read "no call logged" as "nobody was called". */
export const TRYTON_TRACKS = { activityKinds: ['note'], nextStep: false } as const satisfies DealInput['tracks'];

interface StageInfo {
  name: string;
  category: StageCategory;
  order?: number;
}

export const STATES: Readonly<Record<string, StageInfo>> = {
  lead: { name: 'Lead', category: 'open', order: 1 },
  opportunity: { name: 'Opportunity', category: 'open', order: 2 },
  converted: { name: 'Converted', category: 'open', order: 3 },
  won: { name: 'Won', category: 'won', order: 4 },
  lost: { name: 'Lost', category: 'lost' },
  cancelled: { name: 'Cancelled', category: 'lost' },
};

/** A state a module added (unknown here) is shown by its technical name and treated as open. */
export function stageOf(state: string | null): StageInfo {
  return (state && STATES[state]) || { name: state ?? 'Unknown', category: 'open' };
}

/**
 * Relation type names are chosen by each Tryton admin. The shared role words apply first
 * (decision maker, champion, economic buyer, technical buyer…); "Buyer at" / "Has buyer" on its own
 * is the economic buyer.
 */
export function influenceOfRelation(label: string): Influence {
  const shared = influenceOf(label);
  if (shared !== 'other') return shared;
  return /\bbuyer\b/i.test(label) ? 'economic-buyer' : 'other';
}

function strongest(roles: readonly string[]): Influence {
  const rank = (i: Influence) => Influence.options.indexOf(i);
  return roles.map(influenceOfRelation).reduce<Influence>((best, i) => (rank(i) < rank(best) ? i : best), 'other');
}

const related = (row: Json, field: string): Json => asRecord(row[`${field}.`]);
const id = (value: unknown): string | null => str(value);

/** "Hank Scorpio <hank@globex.example>" (a contact mechanism's rec_name) → "Hank Scorpio". */
function personName(contactRecName: string | null): string | null {
  return contactRecName?.replace(/\s*<[^>]*>\s*$/, '').trim() || null;
}

export function stakeholdersFrom(opp: Json): Stakeholder[] {
  const account = related(opp, 'party');
  const people = new Map<string, { name: string; roles: string[] }>();
  for (const relation of asArray(account['relations.']).filter(isRecord)) {
    const person = related(relation, 'to');
    const personId = id(person.id);
    if (!personId) continue;
    const type = related(relation, 'type');
    // The account's side reads "Has decision maker"; the person's side "Decision maker at".
    const role = str(related(type, 'reverse').rec_name) ?? str(type.rec_name);
    const entry = people.get(personId) ?? { name: str(person.rec_name) ?? `Party ${personId}`, roles: [] };
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    people.set(personId, entry);
  }
  const contact = related(opp, 'contact');
  const primary = id(contact.party);
  if (primary && primary !== id(account.id) && !people.has(primary)) {
    const name = personName(str(contact.rec_name));
    if (name) people.set(primary, { name, roles: [] });
  }
  return [...people].map(([personId, p]) => ({ id: personId, name: p.name, title: null, roles: p.roles, influence: strongest(p.roles), isPrimary: personId === primary }));
}

export function activitiesFrom(opp: Json, stakeholders: readonly Stakeholder[]): Activity[] {
  const names = stakeholders.map((s) => ({ id: s.id, name: s.name.toLowerCase() }));
  const out: Activity[] = [];
  for (const note of asArray(opp['notes.']).filter(isRecord)) {
    const at = trytonInstant(note.create_date);
    const noteId = id(note.id);
    if (!at || !noteId) continue;
    const text = (str(note.message) ?? '').toLowerCase();
    out.push({ id: noteId, kind: 'note', at, done: true, stakeholderIds: names.filter((n) => text.includes(n.name)).map((n) => n.id) });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export interface Revision {
  at: Timestamp;
  state: string | null;
  endDate: IsoDate | null;
}

/** Changes between consecutive revisions, oldest first. */
export function historyFrom(revisions: readonly Revision[]): { closeDateChanges: CloseDateChange[]; stageChanges: StageChange[]; tracked: boolean } {
  const closeDateChanges: CloseDateChange[] = [];
  const stageChanges: StageChange[] = [];
  for (let i = 1; i < revisions.length; i++) {
    const before = revisions[i - 1]!;
    const after = revisions[i]!;
    if (after.endDate !== before.endDate) closeDateChanges.push({ at: after.at, from: before.endDate, to: after.endDate });
    if (after.state !== before.state) {
      stageChanges.push({ at: after.at, from: before.state === null ? null : stageOf(before.state).name, to: after.state === null ? null : stageOf(after.state).name });
    }
  }
  return { closeDateChanges, stageChanges, tracked: revisions.length > 0 };
}

/** Scalar fields under their Tryton names, for playbook mapping; related records by their name. */
function fieldsOf(opp: Json): Record<string, FieldValue> {
  const text = (key: string) => str(opp[key]);
  return {
    number: text('number'),
    reference: text('reference'),
    description: text('description'),
    comment: text('comment'),
    lost_reason: text('lost_reason'),
    state: text('state'),
    conversion_probability: trytonNumber(opp.conversion_probability),
    amount: trytonNumber(opp.amount),
    start_date: trytonDate(opp.start_date),
    end_date: trytonDate(opp.end_date),
    party: str(related(opp, 'party').rec_name),
    employee: str(related(opp, 'employee').rec_name),
    contact: str(related(opp, 'contact').rec_name),
  };
}

/** Everything but history, people and activities (which only the record view reads). */
export function baseDeal(ref: RecordRef, opp: Json): Omit<DealInput, 'history' | 'stakeholders' | 'activities'> {
  const stage = stageOf(str(opp.state));
  const employee = related(opp, 'employee');
  const endDate = trytonDate(opp.end_date);
  const amount = trytonNumber(opp.amount);
  return {
    ref,
    name: str(opp.description) ?? `Opportunity ${str(opp.number) ?? ref.id}`,
    accountName: str(related(opp, 'party').rec_name),
    owner: { id: id(employee.id) ?? '', name: str(employee.rec_name) ?? 'Unassigned' },
    amount: amount === null || amount < 0 || (amount === 0 && stage.category === 'lost') ? null : amount,
    currency: str(related(opp, 'currency').code),
    stage,
    probability: share(opp.conversion_probability, 'fraction'),
    createdAt: trytonDate(opp.start_date),
    closeDate: endDate,
    closedAt: stage.category === 'open' ? null : endDate,
    fields: fieldsOf(opp),
    tracks: { activityKinds: [...TRYTON_TRACKS.activityKinds], nextStep: TRYTON_TRACKS.nextStep },
  };
}

/** The record view: the opportunity read with its people and notes, plus its revisions (null: history not readable). */
export function mapRecordView(ref: RecordRef, opp: Json, revisions: readonly Revision[] | null): DealInput {
  const stakeholders = stakeholdersFrom(opp);
  return {
    ...baseDeal(ref, opp),
    history: revisions === null ? { closeDateChanges: [], stageChanges: [], tracked: false } : historyFrom(revisions),
    stakeholders,
    activities: activitiesFrom(opp, stakeholders),
  };
}

/** A history row: no revisions, people or notes are read in bulk, so its changes are unknown (tracked: false), not none. */
export function mapHistoryRow(ref: RecordRef, opp: Json): DealInput {
  const base = baseDeal(ref, opp);
  return { ...base, history: { closeDateChanges: [], stageChanges: [], tracked: false }, stakeholders: [], activities: [], tracks: { ...base.tracks, people: false } };
}
