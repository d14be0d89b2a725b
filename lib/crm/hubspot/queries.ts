/**
 * HubSpot CRM API v3/v4 requests. Reads only: GETs, plus the documented read-only POSTs (batch read,
 * search). The background adds `Authorization: Bearer <private app token>`.
 */
import { dayNumber } from '../../dates';

/** Deal properties read on every record view (unknown names are ignored by HubSpot). */
export const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'deal_currency_code',
  'closedate',
  'createdate',
  'dealstage',
  'pipeline',
  'hubspot_owner_id',
  'hs_deal_stage_probability',
  'hs_manual_forecast_category',
  'hs_next_step',
  'dealtype',
  'hs_is_closed',
  'hs_is_closed_won',
  'closed_lost_reason',
  'closed_won_reason',
  'hs_lastmodifieddate',
  'hs_object_id',
] as const;

/** Engagement types read as activities. Notes are left out: they are not contact with the buyer. */
export const ENGAGEMENTS = ['calls', 'meetings', 'emails', 'tasks'] as const;
export type EngagementType = (typeof ENGAGEMENTS)[number];
/** Engagements whose participants count as "reached" (the coaching looks at calls, meetings, emails). */
export const WITH_PARTICIPANTS: readonly EngagementType[] = ['calls', 'meetings', 'emails'];

export const ENGAGEMENT_PROPERTIES: Record<EngagementType, string[]> = {
  calls: ['hs_timestamp', 'hs_call_status', 'hs_call_direction'],
  meetings: ['hs_timestamp', 'hs_meeting_start_time', 'hs_meeting_end_time', 'hs_meeting_outcome'],
  emails: ['hs_timestamp', 'hs_email_direction', 'hs_email_status'],
  tasks: ['hs_timestamp', 'hs_task_status', 'hs_task_completion_date', 'hs_task_type'],
};

export const CONTACT_PROPERTIES = ['firstname', 'lastname', 'jobtitle', 'email'];
/** Batch read takes at most 100 inputs per request. */
export const BATCH = 100;

export function dealPath(id: string): string {
  const q = new URLSearchParams({
    properties: DEAL_PROPERTIES.join(','),
    propertiesWithHistory: 'closedate,dealstage',
    associations: ['companies', ...ENGAGEMENTS].join(','),
    archived: 'false',
  });
  return `/crm/v3/objects/deals/${id}?${q.toString()}`;
}

export const DEAL_PROPERTIES_PATH = '/crm/v3/properties/deals?archived=false';
export const PIPELINES_PATH = '/crm/v3/pipelines/deals';

export function associationsPath(dealId: string, toType: string, after?: string): string {
  return `/crm/v4/objects/deals/${dealId}/associations/${toType}?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`;
}

export const batchReadPath = (type: string): string => `/crm/v3/objects/${type}/batch/read`;
export const associationBatchPath = (from: string, to: string): string => `/crm/v4/associations/${from}/${to}/batch/read`;
export const companyPath = (id: string): string => `/crm/v3/objects/companies/${id}?properties=name`;
export const ownerPath = (id: string): string => `/crm/v3/owners/${id}`;
export const OWNERS_PATH = '/crm/v3/owners';
export const SEARCH_DEALS_PATH = '/crm/v3/objects/deals/search';

export const HISTORY_PROPERTIES = [
  'dealname',
  'amount',
  'deal_currency_code',
  'closedate',
  'createdate',
  'dealstage',
  'pipeline',
  'hubspot_owner_id',
  'hs_deal_stage_probability',
  'dealtype',
  'hs_is_closed',
  'hs_is_closed_won',
];

/**
 * Search body for an owner's deals created or closed since a date (two filter groups are ORed;
 * filters inside a group are ANDed). Date values are epoch milliseconds.
 */
export function historySearchBody(ownerIds: readonly string[], since: string | null, after?: string): Record<string, unknown> {
  const owner = ownerIds.length ? [{ propertyName: 'hubspot_owner_id', operator: 'IN', values: [...ownerIds] }] : [];
  const sinceMs = since ? String(dayNumber(since) * 86_400_000) : null;
  const filterGroups = sinceMs
    ? [
        { filters: [...owner, { propertyName: 'createdate', operator: 'GTE', value: sinceMs }] },
        { filters: [...owner, { propertyName: 'closedate', operator: 'GTE', value: sinceMs }] },
      ]
    : owner.length
      ? [{ filters: owner }]
      : [];
  return {
    filterGroups,
    properties: HISTORY_PROPERTIES,
    sorts: [{ propertyName: 'createdate', direction: 'ASCENDING' }],
    limit: 200,
    ...(after ? { after } : {}),
  };
}
