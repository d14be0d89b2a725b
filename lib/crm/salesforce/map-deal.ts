/**
 * Salesforce records -> Deal. Stage category comes from IsClosed/IsWon, never from stage names (which
 * admins rename and translate: "Geschlossen und gewonnen").
 */
import type { Activity, ActivityKind, CloseDateChange, DealInput, RecordRef, StageChange, StageCategory, Stakeholder } from '../../model';
import { influenceFromRoles } from '../shared/influence';
import { amount, asArray, asRecord, bool, calendarDate, currencyCode, instant, isRecord, scalarFields, share, str, type Json } from '../shared/values';

export function stageCategory(record: Json): StageCategory {
  if (bool(record.IsClosed) !== true) return 'open';
  return bool(record.IsWon) === true ? 'won' : 'lost';
}

/** Type 'New Customer' / 'New Business' -> true, 'Existing Customer - …' -> false, anything else unknown. */
export function isNewBusiness(type: unknown): boolean | null {
  const t = str(type)?.toLowerCase();
  if (!t) return null;
  if (t.startsWith('new customer') || t.startsWith('new business')) return true;
  if (t.startsWith('existing customer') || t.startsWith('existing business')) return false;
  return null;
}

/** Stage and close-date changes from OpportunityHistory snapshots (one row per change, oldest first). */
export function historyFromSnapshots(rows: readonly Json[]): { closeDateChanges: CloseDateChange[]; stageChanges: StageChange[] } {
  const closeDateChanges: CloseDateChange[] = [];
  const stageChanges: StageChange[] = [];
  let stage: string | null = null;
  let close: string | null = null;
  rows.forEach((row, i) => {
    const at = instant(row.CreatedDate);
    const nextStage = str(row.StageName);
    const nextClose = calendarDate(row.CloseDate);
    if (i > 0 && at) {
      if (nextStage !== stage) stageChanges.push({ at, from: stage, to: nextStage });
      if (nextClose !== close) closeDateChanges.push({ at, from: close, to: nextClose });
    }
    stage = nextStage;
    close = nextClose;
  });
  return { closeDateChanges, stageChanges };
}

export function stakeholdersFromRoles(rows: readonly Json[]): Stakeholder[] {
  const byContact = new Map<string, { name: string; title: string | null; roles: string[]; isPrimary: boolean }>();
  for (const row of rows) {
    const contactId = str(row.ContactId);
    if (!contactId) continue;
    const contact = isRecord(row.Contact) ? row.Contact : null;
    const entry = byContact.get(contactId) ?? {
      // The API returns roles even for contacts the user cannot see (then Contact is null).
      name: str(contact?.Name) ?? 'Contact you cannot see',
      title: str(contact?.Title),
      roles: [],
      isPrimary: false,
    };
    const role = str(row.Role);
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    entry.isPrimary ||= bool(row.IsPrimary) === true;
    byContact.set(contactId, entry);
  }
  return [...byContact].map(([id, e]) => ({ id, name: e.name, title: e.title, roles: e.roles, influence: influenceFromRoles(e.roles), isPrimary: e.isPrimary }));
}

function taskKind(task: Json): ActivityKind {
  const subtype = str(task.TaskSubtype);
  if (subtype === 'Call') return 'call';
  if (subtype === 'Email' || subtype === 'ListEmail') return 'email';
  const type = str(task.Type)?.toLowerCase();
  if (type === 'call') return 'call';
  if (type === 'email') return 'email';
  if (type === 'meeting') return 'meeting';
  return 'task';
}

export function activitiesFrom(tasks: readonly Json[], events: readonly Json[], now: Date): Activity[] {
  const out: Activity[] = [];
  for (const t of tasks) {
    const id = str(t.Id);
    const at = instant(t.CompletedDateTime) ?? instant(t.ActivityDate) ?? instant(t.CreatedDate);
    if (!id || !at) continue;
    const who = str(t.WhoId);
    out.push({ id, kind: taskKind(t), at, done: bool(t.IsClosed) === true, stakeholderIds: who ? [who] : [] });
  }
  for (const e of events) {
    const id = str(e.Id);
    const at = instant(e.StartDateTime) ?? instant(e.ActivityDate);
    if (!id || !at) continue;
    const end = instant(e.EndDateTime) ?? at;
    const who = str(e.WhoId);
    // An event is done once it has ended.
    out.push({ id, kind: 'meeting', at, done: Date.parse(end) <= now.getTime(), stakeholderIds: who ? [who] : [] });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export interface RecordViewData {
  opp: Json;
  names: Json;
  roles: Json[];
  /** null when OpportunityHistory could not be read. */
  history: Json[] | null;
  tasks: Json[];
  events: Json[];
}

export function mapDeal(ref: RecordRef, data: RecordViewData, now: Date): DealInput {
  const { opp, names } = data;
  const owner = asRecord(names.Owner);
  const category = stageCategory(opp);
  const history = data.history ? historyFromSnapshots(data.history) : { closeDateChanges: [], stageChanges: [] };
  return {
    ref,
    name: str(opp.Name) ?? '',
    accountName: str(asRecord(names.Account).Name),
    owner: { id: str(opp.OwnerId) ?? str(owner.Id) ?? '', name: str(owner.Name) ?? '' },
    amount: amount(opp.Amount),
    currency: currencyCode(opp.CurrencyIsoCode),
    stage: { name: str(opp.StageName) ?? '', category },
    probability: share(opp.Probability, 'percent'),
    forecastCategory: str(opp.ForecastCategoryName),
    nextStep: str(opp.NextStep),
    createdAt: instant(opp.CreatedDate),
    closeDate: calendarDate(opp.CloseDate),
    // Salesforce's own reports treat CloseDate as the close date of a closed opportunity.
    closedAt: category === 'open' ? null : calendarDate(opp.CloseDate),
    history: { ...history, tracked: data.history !== null },
    stakeholders: stakeholdersFromRoles(data.roles),
    activities: activitiesFrom(data.tasks, data.events, now),
    fields: scalarFields(opp, (key) => key === 'attributes'),
    isNewBusiness: isNewBusiness(opp.Type),
    product: null,
  };
}

/** One row of the history query (with its OpportunityHistories subquery) -> Deal. */
export function mapHistoryRecord(instance: string, lightningOrigin: string | null, record: Json, historyRows: Json[]): DealInput {
  const id = str(record.Id) ?? '';
  const category = stageCategory(record);
  return {
    ref: { crm: 'salesforce', instance, id, url: lightningOrigin ? `${lightningOrigin}/lightning/r/Opportunity/${id}/view` : `https://${instance}/${id}` },
    name: str(record.Name) ?? '',
    accountName: str(asRecord(record.Account).Name),
    owner: { id: str(record.OwnerId) ?? '', name: str(asRecord(record.Owner).Name) ?? '' },
    amount: amount(record.Amount),
    currency: currencyCode(record.CurrencyIsoCode),
    stage: { name: str(record.StageName) ?? '', category },
    probability: share(record.Probability, 'percent'),
    forecastCategory: str(record.ForecastCategoryName),
    nextStep: str(record.NextStep),
    createdAt: instant(record.CreatedDate),
    closeDate: calendarDate(record.CloseDate),
    closedAt: category === 'open' ? null : calendarDate(record.CloseDate),
    history: { ...historyFromSnapshots(historyRows), tracked: true },
    stakeholders: [],
    activities: [],
    tracks: { people: false },
    fields: scalarFields(record, (key) => key === 'attributes'),
    isNewBusiness: isNewBusiness(record.Type),
    product: null,
  };
}

export function records(result: unknown): Json[] {
  return asArray(asRecord(result).records).filter(isRecord);
}
