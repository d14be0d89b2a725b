/**
 * Salesforce Lightning adapter (transport 'background'). The background adds
 * `Authorization: Bearer <sid>` for the sender tab's own org only (lib/platform/credentials/salesforce.ts)
 * and may wrap the io with the usage guard from ./limits.
 *
 * One record view = one Composite call (5 queries + 1 sObject GET, the Composite maximum of 5 query
 * operations); only query results longer than one batch (2,000 rows) need follow-up calls.
 */
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmFetch, type CrmUser, type HistoryQuery } from '../types';
import { fetchJson, type Caller } from '../shared/http';
import { apiOriginOf } from '../shared/origin';
import { asArray, asRecord, isRecord, str, type Json } from '../shared/values';
import { validateDeal } from '../shared/validate';
import { classifySalesforceError, LABEL, salesforceErrorCode } from './errors';
import { apiHostForLightningHost, CRM_ID, isSalesforceApiHost, matchSalesforce } from './match';
import { mapDeal, mapHistoryRecord, records } from './map-deal';
import { DATA, historySoql, isSalesforceId, queryPath, recordViewSubrequests, reportsSoql } from './queries';
import { isValidDate } from '../../dates';
import { cursorGuard } from '../shared/paging';

export { createUsageGuard, parseLimitInfo, type ApiUsage, type UsageGuard } from './limits';
export { apiHostForLightningHost, isSalesforceApiHost, matchSalesforce } from './match';
export { API_VERSION } from './queries';

const WHO: Caller = { label: LABEL, classify: classifySalesforceError };
const JSON_HEADERS = { Accept: 'application/json' };

function base(instance: string): string {
  if (!isSalesforceApiHost(instance)) throw new CrmError('not-configured', `${instance} is not a Salesforce API host.`);
  return `https://${instance}`;
}

/** Follow `nextRecordsUrl` until `done` (REST API "Query": batches of up to 2,000 records). */
async function rest(io: CrmFetch, instance: string, result: unknown, what: string): Promise<Json[]> {
  const out = records(result);
  let page = asRecord(result);
  const fresh = cursorGuard(LABEL, what);
  while (page.done === false && typeof page.nextRecordsUrl === 'string') {
    page = asRecord(await fetchJson(io, `${base(instance)}${fresh(page.nextRecordsUrl)}`, { headers: JSON_HEADERS }, WHO, what));
    out.push(...records(page));
  }
  return out;
}

async function queryAll(io: CrmFetch, instance: string, soql: string, what: string): Promise<Json[]> {
  const first = await fetchJson(io, `${base(instance)}${queryPath(soql)}`, { headers: JSON_HEADERS }, WHO, what);
  return rest(io, instance, first, what);
}

interface SubResult {
  status: number;
  body: unknown;
}

function subResults(body: unknown): Map<string, SubResult> {
  const out = new Map<string, SubResult>();
  for (const item of asArray(asRecord(body).compositeResponse)) {
    if (!isRecord(item)) continue;
    const ref = str(item.referenceId);
    if (ref) out.set(ref, { status: typeof item.httpStatusCode === 'number' ? item.httpStatusCode : 0, body: item.body });
  }
  return out;
}

function ok(results: Map<string, SubResult>, ref: string): unknown {
  const r = results.get(ref);
  if (!r) throw new CrmError('malformed', `Salesforce's answer lacked the ${ref} part of the record.`);
  if (r.status < 200 || r.status >= 300) {
    throw classifySalesforceError(r.status, r.body) ?? new CrmError('server', `Salesforce could not read the ${ref} part of the record (HTTP ${r.status}).`, r.status);
  }
  return r.body;
}

export interface SalesforceAdapterOptions {
  /** Clock for "has this meeting happened yet"; injectable for tests. */
  now?: () => Date;
}

export function createSalesforceAdapter(options: SalesforceAdapterOptions = {}): CrmAdapter {
  const now = options.now ?? (() => new Date());

  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!isSalesforceId(ref.id)) throw new CrmError('not-found', `${ref.id} is not a Salesforce record id.`);
    const body = await fetchJson(
      io,
      `${base(ref.instance)}${DATA}/composite`,
      {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ allOrNone: false, compositeRequest: recordViewSubrequests(ref.id) }),
      },
      WHO,
      'the opportunity',
    );
    const results = subResults(body);
    const opp = asRecord(ok(results, 'opp'));
    const names = records(ok(results, 'names'))[0] ?? {};
    const historyResult = results.get('history');
    const historyReadable = historyResult !== undefined && historyResult.status >= 200 && historyResult.status < 300;
    const [roles, history, tasks, events] = await Promise.all([
      rest(io, ref.instance, ok(results, 'roles'), 'contact roles'),
      historyReadable ? rest(io, ref.instance, historyResult.body, 'stage history') : Promise.resolve(null),
      rest(io, ref.instance, ok(results, 'tasks'), 'tasks'),
      rest(io, ref.instance, ok(results, 'events'), 'events'),
    ]);
    return validateDeal(mapDeal(ref, { opp, names, roles, history, tasks, events }, now()), LABEL);
  }

  async function readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const owners = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])];
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    let lightningOrigin: string | null = null;
    try {
      const u = new URL(ref.url);
      if (apiHostForLightningHost(u.hostname) === ref.instance) lightningOrigin = u.origin;
    } catch {
      lightningOrigin = null;
    }
    let rows: Json[];
    try {
      rows = await queryAll(io, ref.instance, historySoql(owners, since, true), 'deal history');
    } catch (error) {
      // CurrencyIsoCode exists only in multi-currency orgs; a single-currency org answers INVALID_FIELD.
      if (!(error instanceof CrmError) || error.status !== 400 || !/CurrencyIsoCode/.test(error.message)) throw error;
      rows = await queryAll(io, ref.instance, historySoql(owners, since, false), 'deal history');
    }
    const deals: Deal[] = [];
    for (const row of rows) {
      const histories = await rest(io, ref.instance, row.OpportunityHistories, 'stage history');
      deals.push(validateDeal(mapHistoryRecord(ref.instance, lightningOrigin, row, histories), LABEL));
    }
    return deals;
  }

  async function whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch): Promise<CrmUser> {
    // OpenID Connect UserInfo on the org's My Domain (Salesforce Help "Query for User Information").
    const info = asRecord(await fetchJson(io, `${base(ref.instance)}/services/oauth2/userinfo`, { headers: JSON_HEADERS }, WHO, 'your user'));
    const id = str(info.user_id);
    if (!id || !isSalesforceId(id)) throw new CrmError('malformed', 'Salesforce did not say who you are (no user_id).');
    const reports = await queryAll(io, ref.instance, reportsSoql(id), 'your team');
    return { id, name: str(info.name) ?? str(info.preferred_username) ?? id, teamOwnerIds: reports.map((r) => str(r.Id)).filter((x): x is string => x !== null) };
  }

  return { id: CRM_ID, label: LABEL, transport: 'background', apiOrigin: apiOriginOf, matches: matchSalesforce, readDeal, readHistory, whoAmI };
}

export const salesforce: CrmAdapter = createSalesforceAdapter();

export { salesforceErrorCode };
