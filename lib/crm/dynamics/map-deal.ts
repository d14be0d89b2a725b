/**
 * Dataverse rows -> Deal. Category from statecode (0 open, 1 won, 2 lost), never from labels such as
 * "Gewonnen"; names of lookups and option sets from the FormattedValue annotations.
 */
import type { Activity, ActivityKind, CloseDateChange, DealInput, RecordRef, StageCategory, StageChange, Stakeholder } from '../../model';
import { influenceFromRoles } from '../shared/influence';
import { amount, asArray, asRecord, calendarDate, currencyCode, instant, isRecord, num, scalarFields, share, str, type Json } from '../shared/values';

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';

export function formatted(row: Json, key: string): string | null {
  return str(row[`${key}${FORMATTED}`]);
}

export function stageCategory(statecode: unknown): StageCategory {
  const s = num(statecode);
  return s === 1 ? 'won' : s === 2 ? 'lost' : 'open';
}

/** Default labels of opportunity.salesstage, for audit values that carry only the number. */
const SALES_STAGE: Record<number, string> = { 0: 'Qualify', 1: 'Develop', 2: 'Propose', 3: 'Close' };

function stageName(row: Json): string | null {
  const salesstage = num(row.salesstage);
  return (
    str(row.stepname) ??
    formatted(row, 'salesstage') ??
    (salesstage !== null ? (SALES_STAGE[salesstage] ?? null) : null) ??
    formatted(row, 'statuscode') ??
    formatted(row, 'statecode')
  );
}

function currency(row: Json): string | null {
  return currencyCode(asRecord(row.transactioncurrencyid).isocurrencycode);
}

/** Raw columns by logical name; annotations and expanded rows are left out. */
function fields(row: Json): ReturnType<typeof scalarFields> {
  return scalarFields(row, (key) => key.includes('@'));
}

function dealAmount(row: Json, category: StageCategory): number | null {
  return category === 'won' ? (amount(row.actualvalue) ?? amount(row.estimatedvalue)) : amount(row.estimatedvalue);
}

export function stakeholdersFrom(connections: readonly Json[], opp: Json): Stakeholder[] {
  const people = new Map<string, { name: string; title: string | null; roles: string[] }>();
  for (const c of connections) {
    const contact = isRecord(c.record2id_contact) ? c.record2id_contact : null;
    const isContact = contact !== null || str(c[`_record2id_value${LOGICAL}`]) === 'contact';
    const id = str(c._record2id_value) ?? str(contact?.contactid);
    if (!isContact || !id) continue;
    const entry = people.get(id) ?? { name: str(contact?.fullname) ?? formatted(c, '_record2id_value') ?? 'Contact you cannot see', title: str(contact?.jobtitle), roles: [] };
    const role = formatted(c, '_record2roleid_value');
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    people.set(id, entry);
  }
  // The opportunity's own Contact field is the primary contact, whether or not it is also connected.
  const primary = str(opp._parentcontactid_value);
  if (primary && !people.has(primary)) people.set(primary, { name: formatted(opp, '_parentcontactid_value') ?? 'Primary contact', title: null, roles: [] });
  return [...people].map(([id, p]) => ({ id, name: p.name, title: p.title, roles: p.roles, influence: influenceFromRoles(p.roles), isPrimary: primary === null ? null : id === primary }));
}

const KIND: Record<string, ActivityKind> = { phonecall: 'call', appointment: 'meeting', serviceappointment: 'meeting', email: 'email', task: 'task', letter: 'task', fax: 'task' };
/** ParticipationTypeMask values that are not people taking part: 8 Regarding, 9 Owner. */
const NOT_A_PARTICIPANT = new Set([8, 9]);

export function activitiesFrom(rows: readonly Json[], now: Date): Activity[] {
  const out: Activity[] = [];
  for (const row of rows) {
    const id = str(row.activityid);
    const type = str(row.activitytypecode)?.toLowerCase() ?? '';
    const at = instant(row.actualend) ?? instant(row.scheduledstart) ?? instant(row.scheduledend) ?? instant(row.createdon);
    if (!id || !at) continue;
    const kind = KIND[type] ?? 'task';
    const state = num(row.statecode); // 0 Open, 1 Completed, 2 Canceled, 3 Scheduled
    const end = instant(row.scheduledend);
    const done = state === 1 || (kind === 'meeting' && state !== 2 && end !== null && Date.parse(end) <= now.getTime());
    const stakeholderIds: string[] = [];
    for (const p of asArray(row.activitypointer_activity_parties).filter(isRecord)) {
      const party = str(p._partyid_value);
      const logical = str(p[`_partyid_value${LOGICAL}`]);
      if (party && (logical === null || logical === 'contact') && !NOT_A_PARTICIPANT.has(num(p.participationtypemask) ?? 0) && !stakeholderIds.includes(party)) {
        stakeholderIds.push(party);
      }
    }
    out.push({ id, kind, at, done, stakeholderIds });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Close-date and stage changes from RetrieveRecordChangeHistory. Only update audits (operation 2) are
 * changes; `tracked` is true only when the org returned audit records at all — an empty audit is not
 * evidence that nothing changed (auditing may be off for the table).
 */
export function historyFromAudit(audit: unknown): { closeDateChanges: CloseDateChange[]; stageChanges: StageChange[]; tracked: boolean } {
  const details = asArray(asRecord(asRecord(audit).AuditDetailCollection).AuditDetails).filter(isRecord);
  const closeDateChanges: CloseDateChange[] = [];
  const stageChanges: StageChange[] = [];
  for (const d of details) {
    const record = asRecord(d.AuditRecord);
    const at = instant(record.createdon);
    if (!at || num(record.operation) !== 2) continue;
    const before = asRecord(d.OldValue);
    const after = asRecord(d.NewValue);
    if ('estimatedclosedate' in before || 'estimatedclosedate' in after) {
      const from = calendarDate(before.estimatedclosedate);
      const to = calendarDate(after.estimatedclosedate);
      if (from !== to) closeDateChanges.push({ at, from, to });
    }
    const stageKey = 'stepname' in before || 'stepname' in after ? 'stepname' : 'salesstage' in before || 'salesstage' in after ? 'salesstage' : null;
    if (stageKey) {
      const from = stageKey === 'stepname' ? str(before.stepname) : stageName({ salesstage: before.salesstage });
      const to = stageKey === 'stepname' ? str(after.stepname) : stageName({ salesstage: after.salesstage });
      if (from !== to) stageChanges.push({ at, from, to });
    }
  }
  const byTime = <T extends { at: string }>(a: T, b: T) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  return { closeDateChanges: closeDateChanges.sort(byTime), stageChanges: stageChanges.sort(byTime), tracked: details.length > 0 };
}

export interface RecordViewData {
  opp: Json;
  connections: Json[];
  activities: Json[];
  /** null when the audit history could not be read (no privilege, auditing off). */
  audit: unknown;
}

function base(ref: RecordRef, row: Json): Omit<DealInput, 'history' | 'stakeholders' | 'activities'> {
  const category = stageCategory(row.statecode);
  const salesstage = num(row.salesstage);
  return {
    ref,
    name: str(row.name) ?? '',
    accountName: formatted(row, '_parentaccountid_value') ?? formatted(row, '_customerid_value'),
    owner: { id: str(row._ownerid_value) ?? '', name: formatted(row, '_ownerid_value') ?? '' },
    amount: dealAmount(row, category),
    currency: currency(row),
    stage: { name: stageName(row) ?? '', category, order: salesstage !== null && Number.isInteger(salesstage) ? salesstage : null },
    probability: share(row.closeprobability, 'percent'),
    forecastCategory: formatted(row, 'msdyn_forecastcategory'),
    nextStep: null,
    createdAt: instant(row.createdon),
    closeDate: calendarDate(row.estimatedclosedate),
    closedAt: category === 'open' ? null : calendarDate(row.actualclosedate),
    fields: fields(row),
    isNewBusiness: null,
    product: null,
  };
}

export function mapDeal(ref: RecordRef, data: RecordViewData, now: Date): DealInput {
  const history = data.audit === null ? { closeDateChanges: [], stageChanges: [], tracked: false } : historyFromAudit(data.audit);
  return { ...base(ref, data.opp), history, stakeholders: stakeholdersFrom(data.connections, data.opp), activities: activitiesFrom(data.activities, now) };
}

/** History rows carry no audit: their changes are unknown (tracked: false), not "none". */
export function mapHistoryRow(instance: string, row: Json): DealInput {
  const id = str(row.opportunityid) ?? '';
  const ref: RecordRef = { crm: 'dynamics', instance, id, url: `https://${instance}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${id}` };
  return { ...base(ref, row), history: { closeDateChanges: [], stageChanges: [], tracked: false }, stakeholders: [], activities: [], tracks: { people: false } };
}
