/**
 * Dynamics 365 adapter (transport 'page'): same-origin Web API calls from the Dynamics tab, so the
 * page's own session cookie applies and the extension holds no Dynamics credential.
 *
 * One record view = one round of four parallel GETs (opportunity, connections, activities, audit);
 * only lists longer than a page (500) follow `@odata.nextLink`.
 */
import { isValidDate } from '../../dates';
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmFetch, type CrmUser, type HistoryQuery } from '../types';
import { failure, send, type Caller } from '../shared/http';
import { asArray, asRecord, isRecord, str, type Json } from '../shared/values';
import { validateDeal } from '../shared/validate';
import { classifyDynamicsError, LABEL, signInPageError } from './errors';
import { CRM_ID, isDynamicsHost, matchDynamics } from './match';
import { mapDeal, mapHistoryRow } from './map-deal';
import { activitiesPath, auditPath, connectionsPath, headers, historyPath, opportunityPath, reportsPath, userPath, WHO_AM_I } from './queries';
import { cursorGuard } from '../shared/paging';

export { matchDynamics } from './match';

const WHO: Caller = { label: LABEL, classify: classifyDynamicsError };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function origin(instance: string): string {
  if (!isDynamicsHost(instance)) throw new CrmError('not-configured', `${instance} is not a Dynamics 365 host.`);
  return `https://${instance}`;
}

async function get(io: CrmFetch, url: string, collection: boolean): Promise<Json> {
  const res = await send(io, url, { headers: headers(collection) }, WHO);
  if (res.status < 200 || res.status >= 300) throw failure(res, WHO);
  if (typeof res.body === 'string' && res.body.trimStart().startsWith('<')) throw signInPageError();
  if (!isRecord(res.body)) throw new CrmError('malformed', 'Dynamics 365 sent something that is not JSON.', res.status);
  return res.body;
}

/** All rows of a collection, following `@odata.nextLink` (an absolute URL on the same host). */
async function getAll(io: CrmFetch, instance: string, path: string): Promise<Json[]> {
  const rows: Json[] = [];
  let page = await get(io, `${origin(instance)}${path}`, true);
  const fresh = cursorGuard(LABEL, 'records');
  for (;;) {
    rows.push(...asArray(page.value).filter(isRecord));
    const next = str(page['@odata.nextLink']);
    if (!next) return rows;
    if (!URL.canParse(next) || new URL(next).origin !== origin(instance)) throw new CrmError('malformed', 'Dynamics 365 pointed the next page at another host or an unreadable link.');
    page = await get(io, fresh(next), true);
  }
}

export interface DynamicsAdapterOptions {
  now?: () => Date;
}

export function createDynamicsAdapter(options: DynamicsAdapterOptions = {}): CrmAdapter {
  const now = options.now ?? (() => new Date());

  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!GUID.test(ref.id)) throw new CrmError('not-found', `${ref.id} is not a Dynamics 365 record id.`);
    const host = origin(ref.instance);
    const [opp, connections, activities, audit] = await Promise.all([
      get(io, `${host}${opportunityPath(ref.id)}`, false),
      getAll(io, ref.instance, connectionsPath(ref.id)),
      getAll(io, ref.instance, activitiesPath(ref.id)),
      // Auditing may be off or not readable with the user's role: then history is unknown, not empty.
      get(io, `${host}${auditPath(ref.id)}`, false).catch((error: unknown) => {
        if (error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not-found' || error.kind === 'server')) return null;
        throw error;
      }),
    ]);
    return validateDeal(mapDeal(ref, { opp, connections, activities, audit }, now()), LABEL);
  }

  async function readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const owners = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])].map((o) => o.toLowerCase()).filter((o) => GUID.test(o));
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    const rows = await getAll(io, ref.instance, historyPath(owners, since));
    return rows.map((row) => validateDeal(mapHistoryRow(ref.instance, row), LABEL));
  }

  async function whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch): Promise<CrmUser> {
    const host = origin(ref.instance);
    const me = await get(io, `${host}${WHO_AM_I}`, false);
    const id = str(me.UserId)?.toLowerCase() ?? null;
    if (!id || !GUID.test(id)) throw new CrmError('malformed', 'Dynamics 365 did not say who you are (no UserId).');
    const [user, reports] = await Promise.all([get(io, `${host}${userPath(id)}`, false), getAll(io, ref.instance, reportsPath(id))]);
    return {
      id,
      name: str(asRecord(user).fullname) ?? id,
      teamOwnerIds: reports.map((r) => str(r.systemuserid)).filter((x): x is string => x !== null),
    };
  }

  return { id: CRM_ID, label: LABEL, transport: 'page', matches: matchDynamics, readDeal, readHistory, whoAmI };
}

export const dynamics: CrmAdapter = createDynamicsAdapter();
