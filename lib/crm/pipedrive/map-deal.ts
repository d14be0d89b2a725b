/**
 * Pipedrive objects -> Deal. Category from `status` (open / won / lost), never from stage names.
 * Pipedrive sets a deal's value to 0 when none is entered, so 0 is read as "unknown" (DESIGN §3).
 */
import type { Activity, ActivityKind, CloseDateChange, DealInput, FieldValue, RecordRef, StageCategory, StageChange, Stakeholder } from '../../model';
import { amount, asArray, asRecord, bool, calendarDate, currencyCode, fieldValue, instant, isRecord, num, share, str, type Json } from '../shared/values';

export interface StageInfo {
  name: string;
  order: number | null;
  probability: number | null;
}

export function stagesFrom(rows: readonly Json[]): Map<string, StageInfo> {
  return new Map(
    rows
      .filter((s) => str(s.id) !== null)
      .map((s) => [str(s.id)!, { name: str(s.name) ?? str(s.id)!, order: num(s.order_nr), probability: share(s.deal_probability, 'percent') }]),
  );
}

export function stageCategory(status: unknown): StageCategory {
  const s = str(status);
  return s === 'won' ? 'won' : s === 'lost' ? 'lost' : 'open';
}

/** Standard columns and custom fields (v2 `custom_fields`, keyed by the field's 40-character key). */
export function fieldsOf(deal: Json): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(deal)) {
    if (key === 'custom_fields') continue;
    const v = fieldValue(value);
    if (v !== undefined) out[key] = v;
  }
  for (const [key, raw] of Object.entries(asRecord(deal.custom_fields))) {
    if (Array.isArray(raw)) {
      out[key] = raw.length ? raw.map((x) => str(isRecord(x) ? x.id : x) ?? '').join(',') : null;
    } else if (isRecord(raw)) {
      // Monetary {value, currency}, date/time ranges {value, until}, addresses {value, …}.
      out[key] = fieldValue(raw.value) ?? null;
      for (const [sub, v] of Object.entries(raw)) if (sub !== 'value' && fieldValue(v) !== undefined) out[`${key}_${sub}`] = fieldValue(v)!;
    } else {
      out[key] = fieldValue(raw) ?? null;
    }
  }
  return out;
}

/** v1 deal participants: `person_id` carries the person's name and id (`value`). */
export function stakeholdersFrom(participants: readonly Json[], primaryPersonId: string | null): Stakeholder[] {
  const out = new Map<string, Stakeholder>();
  for (const p of participants) {
    if (bool(p.active_flag) === false) continue;
    const person = asRecord(p.person_id);
    const details = asRecord(p.person);
    const id = str(person.value) ?? str(details.id);
    if (!id || out.has(id)) continue;
    out.set(id, {
      id,
      name: str(person.name) ?? str(details.name) ?? 'Person you cannot see',
      title: str(details.job_title) ?? str(person.job_title),
      roles: [],
      // Pipedrive keeps no buying roles on deal participants.
      influence: 'other',
      isPrimary: primaryPersonId === null ? null : id === primaryPersonId,
    });
  }
  return [...out.values()];
}

const KIND: Record<string, ActivityKind> = { call: 'call', meeting: 'meeting', lunch: 'meeting', email: 'email', task: 'task', deadline: 'task' };

export function activitiesFrom(rows: readonly Json[]): Activity[] {
  const out: Activity[] = [];
  for (const a of rows) {
    const id = str(a.id);
    if (!id || bool(a.is_deleted) === true) continue;
    const done = bool(a.done) === true;
    const due = calendarDate(a.due_date);
    const time = str(a.due_time);
    // v2 due_time is UTC ("HH:MM").
    const dueAt = due ? (time && /^\d{2}:\d{2}/.test(time) ? `${due}T${time.slice(0, 5)}:00Z` : due) : null;
    const at = (done ? instant(a.marked_as_done_time) : null) ?? dueAt ?? instant(a.add_time);
    if (!at) continue;
    const people = asArray(a.participants)
      .filter(isRecord)
      .map((p) => str(p.person_id))
      .filter((x): x is string => x !== null);
    const person = str(a.person_id);
    if (person && !people.includes(person)) people.unshift(person);
    out.push({ id, kind: KIND[str(a.type) ?? ''] ?? 'task', at, done, stakeholderIds: people });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Expected-close-date and stage moves from the deal's field changelog (oldest first). */
export function historyFrom(changes: readonly Json[], stages: ReadonlyMap<string, StageInfo>): { closeDateChanges: CloseDateChange[]; stageChanges: StageChange[] } {
  const sorted = changes
    .map((c) => ({ c, at: instant(c.time) ?? instant(c.log_time) }))
    .filter((x): x is { c: Json; at: string } => x.at !== null)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const closeDateChanges: CloseDateChange[] = [];
  const stageChanges: StageChange[] = [];
  const stageName = (v: unknown) => {
    const id = str(v);
    return id ? (stages.get(id)?.name ?? id) : null;
  };
  for (const { c, at } of sorted) {
    const key = str(c.field_key);
    if (key === 'expected_close_date') closeDateChanges.push({ at, from: calendarDate(c.old_value), to: calendarDate(c.new_value) });
    if (key === 'stage_id') stageChanges.push({ at, from: stageName(c.old_value), to: stageName(c.new_value) });
  }
  return { closeDateChanges, stageChanges };
}

export interface Names {
  owner: string | null;
  organization: string | null;
}

export function core(ref: RecordRef, deal: Json, stages: ReadonlyMap<string, StageInfo>, names: Names): Omit<DealInput, 'history' | 'stakeholders' | 'activities'> {
  const category = stageCategory(deal.status);
  const stageId = str(deal.stage_id);
  const stage = stageId ? stages.get(stageId) : undefined;
  const value = amount(deal.value);
  const closedAt = category === 'won' ? instant(deal.won_time) : category === 'lost' ? instant(deal.lost_time) : null;
  return {
    ref,
    name: str(deal.title) ?? '',
    accountName: names.organization,
    owner: { id: str(deal.owner_id) ?? '', name: names.owner ?? (str(deal.owner_id) ? `Pipedrive user ${str(deal.owner_id)}` : '') },
    amount: value === 0 ? null : value,
    currency: currencyCode(deal.currency),
    stage: { name: stage?.name ?? stageId ?? '', category, order: stage?.order ?? null },
    probability: share(deal.probability, 'percent') ?? stage?.probability ?? null,
    forecastCategory: null,
    nextStep: null,
    createdAt: instant(deal.add_time),
    closeDate: calendarDate(deal.expected_close_date),
    closedAt: category === 'open' ? null : (closedAt ?? instant(deal.close_time)),
    fields: fieldsOf(deal),
    isNewBusiness: null,
    product: null,
  };
}

export interface RecordViewData {
  deal: Json;
  stages: Map<string, StageInfo>;
  names: Names;
  participants: Json[];
  activities: Json[];
  /** null when the changelog could not be read. */
  changes: Json[] | null;
}

export function mapDeal(ref: RecordRef, data: RecordViewData): DealInput {
  const history = data.changes ? { ...historyFrom(data.changes, data.stages), tracked: true } : { closeDateChanges: [], stageChanges: [], tracked: false };
  return {
    ...core(ref, data.deal, data.stages, data.names),
    history,
    stakeholders: stakeholdersFrom(data.participants, str(data.deal.person_id)),
    activities: activitiesFrom(data.activities),
  };
}

/** List reads carry no changelog: changes are unknown (tracked: false). */
export function mapListDeal(instance: string, deal: Json, stages: Map<string, StageInfo>, users: ReadonlyMap<string, string>): DealInput {
  const id = str(deal.id) ?? '';
  const ref: RecordRef = { crm: 'pipedrive', instance, id, url: `https://${instance}/deal/${id}` };
  return {
    ...core(ref, deal, stages, { owner: users.get(str(deal.owner_id) ?? '') ?? null, organization: null }),
    history: { closeDateChanges: [], stageChanges: [], tracked: false },
    stakeholders: [],
    activities: [],
    tracks: { people: false },
  };
}
