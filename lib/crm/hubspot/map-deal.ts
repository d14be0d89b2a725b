/**
 * HubSpot objects -> Deal. Stage category comes from the pipeline definition (stage metadata
 * `isClosed` and `probability`: "1.0" won, "0.0" lost), never from stage labels.
 */
import type { Activity, ActivityKind, CloseDateChange, DealInput, RecordRef, StageCategory, StageChange, Stakeholder } from '../../model';
import { influenceFromRoles } from '../shared/influence';
import { amount, asArray, asRecord, bool, calendarDateOfInstant, currencyCode, instant, isRecord, num, scalarFields, share, str, type Json } from '../shared/values';
import type { EngagementType } from './queries';

export interface StageInfo {
  label: string;
  order: number | null;
  category: StageCategory;
}

export type Stages = Map<string, StageInfo>;

/** `/crm/v3/pipelines/deals` -> stage id (also `pipeline:stage`) -> label, order, category. */
export function stagesFrom(pipelines: unknown): Stages {
  const out: Stages = new Map();
  for (const p of asArray(asRecord(pipelines).results).filter(isRecord)) {
    const pipelineId = str(p.id);
    for (const s of asArray(p.stages).filter(isRecord)) {
      const id = str(s.id);
      if (!id) continue;
      const meta = asRecord(s.metadata);
      const closed = bool(meta.isClosed) === true;
      const info: StageInfo = {
        label: str(s.label) ?? id,
        order: num(s.displayOrder),
        category: closed ? (num(meta.probability) === 1 ? 'won' : 'lost') : 'open',
      };
      if (pipelineId) out.set(`${pipelineId}:${id}`, info);
      if (!out.has(id)) out.set(id, info);
    }
  }
  return out;
}

/**
 * Do cached stages still describe this deal's stage? False when the stage (in its pipeline) is missing
 * or its open/closed/won reading contradicts the deal's own `hs_is_closed` / `hs_is_closed_won`.
 */
export function stageStillValid(stages: Stages, properties: Json): boolean {
  const stageId = str(properties.dealstage);
  if (!stageId) return true;
  const pipeline = str(properties.pipeline);
  const info = stages.get(pipeline ? `${pipeline}:${stageId}` : stageId);
  if (!info) return false;
  const closed = bool(properties.hs_is_closed);
  const won = bool(properties.hs_is_closed_won);
  if (closed !== null && closed !== (info.category !== 'open')) return false;
  return !(closed === true && won !== null && won !== (info.category === 'won'));
}

function stageOf(stages: Stages, pipeline: string | null, stageId: string | null): StageInfo | null {
  if (!stageId) return null;
  return (pipeline ? stages.get(`${pipeline}:${stageId}`) : undefined) ?? stages.get(stageId) ?? null;
}

interface Version {
  value: unknown;
  timestamp: string;
}

function versions(history: unknown): Version[] {
  return asArray(history)
    .filter(isRecord)
    .map((v) => ({ value: v.value, timestamp: instant(v.timestamp) ?? '' }))
    .filter((v) => v.timestamp !== '')
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

/** Close-date and stage changes from `propertiesWithHistory` (HubSpot lists every value a property had). */
export function historyFrom(deal: Json, stages: Stages): { closeDateChanges: CloseDateChange[]; stageChanges: StageChange[]; tracked: boolean } {
  const withHistory = asRecord(deal.propertiesWithHistory);
  const pipeline = str(asRecord(deal.properties).pipeline);
  const closeDateChanges: CloseDateChange[] = [];
  let prevClose: string | null | undefined;
  for (const v of versions(withHistory.closedate)) {
    const date = calendarDateOfInstant(v.value);
    if (prevClose !== undefined && date !== prevClose) closeDateChanges.push({ at: v.timestamp, from: prevClose, to: date });
    prevClose = date;
  }
  const stageChanges: StageChange[] = [];
  let prevStage: string | null | undefined;
  for (const v of versions(withHistory.dealstage)) {
    const id = str(v.value);
    const label = id ? (stageOf(stages, pipeline, id)?.label ?? id) : null;
    if (prevStage !== undefined && label !== prevStage) stageChanges.push({ at: v.timestamp, from: prevStage, to: label });
    prevStage = label;
  }
  return { closeDateChanges, stageChanges, tracked: 'closedate' in withHistory || 'dealstage' in withHistory };
}

export interface ContactAssociation {
  id: string;
  labels: string[];
}

/** v4 association results -> contact ids with their association labels (the deal roles). */
export function contactAssociations(results: readonly Json[]): ContactAssociation[] {
  const out = new Map<string, string[]>();
  for (const r of results) {
    const id = str(r.toObjectId);
    if (!id) continue;
    const labels = out.get(id) ?? [];
    for (const t of asArray(r.associationTypes).filter(isRecord)) {
      const label = str(t.label);
      if (label && !labels.includes(label)) labels.push(label);
    }
    out.set(id, labels);
  }
  return [...out].map(([id, labels]) => ({ id, labels }));
}

export function stakeholdersFrom(associations: readonly ContactAssociation[], contacts: ReadonlyMap<string, Json>): Stakeholder[] {
  return associations.map(({ id, labels }) => {
    const p = asRecord(contacts.get(id)?.properties);
    const name = [str(p.firstname), str(p.lastname)].filter(Boolean).join(' ') || str(p.email) || 'Contact you cannot see';
    return { id, name, title: str(p.jobtitle), roles: labels, influence: influenceFromRoles(labels), isPrimary: null };
  });
}

const KIND: Record<EngagementType, ActivityKind> = { calls: 'call', meetings: 'meeting', emails: 'email', tasks: 'task' };

function engagement(type: EngagementType, e: Json, now: Date): { at: string; done: boolean } | null {
  const p = asRecord(e.properties);
  const past = (t: string | null) => t !== null && Date.parse(t) <= now.getTime();
  switch (type) {
    case 'calls': {
      const at = instant(p.hs_timestamp);
      const status = str(p.hs_call_status);
      return at ? { at, done: status === 'COMPLETED' || (status === null && past(at)) } : null;
    }
    case 'meetings': {
      const at = instant(p.hs_meeting_start_time) ?? instant(p.hs_timestamp);
      const end = instant(p.hs_meeting_end_time) ?? at;
      const outcome = str(p.hs_meeting_outcome);
      const happened = outcome === 'COMPLETED' || (!['CANCELED', 'NO_SHOW', 'RESCHEDULED'].includes(outcome ?? '') && past(end));
      return at ? { at, done: happened } : null;
    }
    case 'emails': {
      const at = instant(p.hs_timestamp);
      const status = str(p.hs_email_status);
      return at ? { at, done: !['SCHEDULED', 'FAILED', 'BOUNCED', 'SENDING'].includes(status ?? '') && past(at) } : null;
    }
    case 'tasks': {
      const done = str(p.hs_task_status) === 'COMPLETED';
      const at = (done ? instant(p.hs_task_completion_date) : null) ?? instant(p.hs_timestamp);
      return at ? { at, done } : null;
    }
  }
}

export function activitiesFrom(engagements: ReadonlyMap<EngagementType, Json[]>, participants: ReadonlyMap<string, string[]>, now: Date): Activity[] {
  const out: Activity[] = [];
  for (const [type, rows] of engagements) {
    for (const e of rows) {
      const id = str(e.id);
      const read = engagement(type, e, now);
      if (!id || !read) continue;
      out.push({ id, kind: KIND[type], at: read.at, done: read.done, stakeholderIds: participants.get(`${type}:${id}`) ?? [] });
    }
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** dealtype 'newbusiness' / 'existingbusiness' (HubSpot's default options). */
export function isNewBusiness(dealtype: unknown): boolean | null {
  const t = str(dealtype)?.toLowerCase();
  return t === 'newbusiness' ? true : t === 'existingbusiness' ? false : null;
}

export interface RecordViewData {
  deal: Json;
  /** All properties read, default ones and the rest. */
  properties: Json;
  stages: Stages;
  ownerName: string | null;
  accountName: string | null;
  stakeholders: Stakeholder[];
  activities: Activity[];
}

function core(ref: RecordRef, properties: Json, stages: Stages, ownerName: string | null, accountName: string | null): Omit<DealInput, 'history' | 'stakeholders' | 'activities'> {
  const stageId = str(properties.dealstage);
  const stage = stageOf(stages, str(properties.pipeline), stageId);
  // A stage missing from the pipelines (deleted since) still has HubSpot's own closed flags.
  const category: StageCategory = stage?.category ?? (bool(properties.hs_is_closed_won) === true ? 'won' : bool(properties.hs_is_closed) === true ? 'lost' : 'open');
  const ownerId = str(properties.hubspot_owner_id) ?? '';
  return {
    ref,
    name: str(properties.dealname) ?? '',
    accountName,
    owner: { id: ownerId, name: ownerName ?? (ownerId ? `HubSpot owner ${ownerId}` : 'No owner') },
    amount: amount(properties.amount),
    currency: currencyCode(properties.deal_currency_code),
    stage: { name: stage?.label ?? stageId ?? '', category, order: stage?.order ?? null },
    probability: share(properties.hs_deal_stage_probability, 'fraction'),
    forecastCategory: str(properties.hs_manual_forecast_category),
    nextStep: str(properties.hs_next_step),
    createdAt: instant(properties.createdate),
    closeDate: calendarDateOfInstant(properties.closedate),
    // HubSpot sets closedate when a deal enters a closed stage.
    closedAt: category === 'open' ? null : instant(properties.closedate),
    fields: scalarFields(properties),
    isNewBusiness: isNewBusiness(properties.dealtype),
    product: null,
  };
}

export function ownerName(owner: Json | null): string | null {
  if (!owner) return null;
  return [str(owner.firstName), str(owner.lastName)].filter(Boolean).join(' ') || str(owner.email);
}

export function mapDeal(ref: RecordRef, data: RecordViewData): DealInput {
  return {
    ...core(ref, data.properties, data.stages, data.ownerName, data.accountName),
    history: historyFrom(data.deal, data.stages),
    stakeholders: data.stakeholders,
    activities: data.activities,
  };
}

/** Search results carry no property history: their changes are unknown (tracked: false). */
export function mapSearchResult(instance: string, uiOrigin: string, portalId: string, row: Json, stages: Stages, owners: ReadonlyMap<string, string>): DealInput {
  const id = str(row.id) ?? '';
  const properties = asRecord(row.properties);
  const ref: RecordRef = { crm: 'hubspot', instance, id, url: `${uiOrigin}/contacts/${portalId}/record/0-3/${id}` };
  const owner = owners.get(str(properties.hubspot_owner_id) ?? '') ?? null;
  return { ...core(ref, properties, stages, owner, null), history: { closeDateChanges: [], stageChanges: [], tracked: false }, stakeholders: [], activities: [], tracks: { people: false } };
}
