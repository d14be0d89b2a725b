import { Deal, type ActivityKind, type DealInput, type FieldValue, type RecordRef, type Stakeholder, type StageCategory } from '../../model';
import { malformed, parseOrThrow } from './http';
import { OpportunityJson, type ActivityJson, type ContactRoleJson, type FieldChangeJson } from './api';
import { influenceOf } from './roles';
import { currencyCode, share, str } from '../shared/values';

/** Read one opportunity payload (unknown JSON) into a validated Deal, or throw CrmError('malformed'). */
export function toDeal(ref: RecordRef, payload: unknown): Deal {
  const what = `opportunity ${ref.id}`;
  const record = parseOrThrow(OpportunityJson, payload, what);
  const parsed = Deal.safeParse(mapOpportunity(ref, record));
  if (!parsed.success) throw malformed(what, parsed.error);
  return parsed.data;
}

export function mapOpportunity(ref: RecordRef, o: OpportunityJson): DealInput {
  const category = stageCategory(o);
  return {
    ref,
    name: o.name,
    accountName: o.account?.name ?? null,
    owner: { id: o.owner.id, name: o.owner.name },
    // Lost deals are stored with amount 0: their intended amount is unknown, not zero.
    amount: o.amount == null || (category === 'lost' && o.amount === 0) ? null : o.amount,
    currency: currencyCode(o.currency),
    stage: { name: o.stage, category, order: o.stage_order ?? null },
    probability: share(o.probability, 'percent'),
    forecastCategory: str(o.forecast_category),
    nextStep: str(o.next_step),
    createdAt: o.created_at ?? null,
    closeDate: o.close_date ?? null,
    closedAt: category === 'open' ? null : (o.closed_at ?? o.close_date ?? null),
    history: {
      closeDateChanges: o.close_date_history.map(change),
      stageChanges: o.stage_history.map(change),
      tracked: true,
    },
    stakeholders: stakeholders(o.contact_roles ?? []),
    activities: (o.activities ?? []).map(activity),
    fields: fields(o),
    isNewBusiness: o.type === 'New Business' ? true : o.type === 'Existing Business' ? false : null,
    product: o.product ?? null,
  };
}

/** From the CRM's flags, never from stage names (a stage may be renamed or translated). */
function stageCategory(o: Pick<OpportunityJson, 'is_closed' | 'is_won'>): StageCategory {
  if (o.is_won) return 'won';
  return o.is_closed ? 'lost' : 'open';
}

function change(c: FieldChangeJson) {
  return { at: c.changed_at, from: c.old_value, to: c.new_value };
}

/** Contact-role rows grouped by contact: one stakeholder with all its role labels. */
function stakeholders(rows: readonly ContactRoleJson[]): Stakeholder[] {
  const byContact = new Map<string, { row: ContactRoleJson; roles: string[]; isPrimary: boolean }>();
  for (const row of rows) {
    const entry = byContact.get(row.contact.id) ?? { row, roles: [], isPrimary: false };
    if (row.role && !entry.roles.includes(row.role)) entry.roles.push(row.role);
    entry.isPrimary ||= row.is_primary === true;
    byContact.set(row.contact.id, entry);
  }
  return [...byContact.values()].map(({ row, roles, isPrimary }) => ({
    id: row.contact.id,
    name: row.contact.name,
    title: row.contact.title ?? null,
    roles,
    influence: influenceOf(roles),
    isPrimary,
  }));
}

const KINDS: Record<string, ActivityKind> = { call: 'call', meeting: 'meeting', event: 'meeting', email: 'email', task: 'task', note: 'note' };

function activity(a: ActivityJson) {
  return {
    id: a.id,
    kind: KINDS[a.type.toLowerCase()] ?? 'note',
    at: a.at,
    done: a.status.toLowerCase() === 'completed',
    stakeholderIds: a.contact_ids,
  };
}

/** Custom fields plus the standard ones a playbook may map (`next_step`, `type`, `engage_date`). */
function fields(o: OpportunityJson): Record<string, FieldValue> {
  return {
    ...o.custom_fields,
    next_step: o.next_step ?? null,
    type: o.type ?? null,
    engage_date: o.engage_date ?? null,
  };
}
