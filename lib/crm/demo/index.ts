/**
 * Demo CRM adapter (test/demo-crm): reads the Demo CRM's JSON API through the injected io.
 * Record pages: http://127.0.0.1:<port>/opportunities/<id> (or localhost).
 */
import { z } from 'zod';
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmUser, type HistoryQuery } from '../types';
import { OpportunityPageJson, UserJson, UsersJson } from './api';
import { getJson } from './http';
import { asRecord, str } from '../shared/values';
import { toDeal } from './map-deal';
import { DEMO_CRM_ID, DEMO_CRM_LABEL, demoOrigin, matchDemoRecord } from './match';

/** Page size asked of the list endpoint; the server caps it at 500. */
export const HISTORY_PAGE_SIZE = 200;
/** A cursor loop or a runaway server must not turn into a request storm. */
const MAX_PAGES = 500;

type InstanceRef = Pick<RecordRef, 'crm' | 'instance' | 'url'>;

export const demoAdapter: CrmAdapter = {
  id: DEMO_CRM_ID,
  label: DEMO_CRM_LABEL,
  // Same-origin fetches from the page, so the demo_user cookie says who is signed in.
  transport: 'page',
  matches: matchDemoRecord,

  async readDeal(ref, io) {
    const body = await getJson(io, `${demoOrigin(ref)}/api/opportunities/${encodeURIComponent(ref.id)}`, z.unknown(), `opportunity ${ref.id}`);
    return toDeal(ref, body);
  },

  async readHistory(ref, query, io) {
    const owners = ownersOf(query);
    if (owners.length === 0) return [];
    const origin = demoOrigin(ref);
    const params = new URLSearchParams();
    for (const owner of owners) params.append('owner', owner);
    params.set('state', 'all');
    params.set('include', 'related');
    params.set('limit', String(HISTORY_PAGE_SIZE));
    if (query.since) params.set('since', query.since);

    const deals: Deal[] = [];
    const cursors = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body: OpportunityPageJson = await getJson(io, `${origin}/api/opportunities?${params}`, OpportunityPageJson, 'a page of opportunities');
      for (const item of body.results) deals.push(toDeal(recordRef(ref, origin, item), item));
      if (body.next === null) return deals;
      if (cursors.has(body.next)) break;
      cursors.add(body.next);
      params.set('cursor', body.next);
    }
    throw new CrmError('malformed', `${DEMO_CRM_LABEL} kept sending more pages of opportunities; stopped after ${cursors.size + 1}.`);
  },

  async whoAmI(ref, io): Promise<CrmUser> {
    const me = await getJson(io, `${demoOrigin(ref)}/api/me`, UserJson, 'the signed-in user');
    return { id: me.id, name: me.name, teamOwnerIds: me.team.map((member) => member.id) };
  },

  /** The reps under the owner's manager (`/api/users` lists each rep's manager), the owner included. */
  async teamOf(ref, ownerId, io) {
    const { results: users } = await getJson(io, `${demoOrigin(ref)}/api/users`, UsersJson, 'the list of users');
    const owner = users.find((u) => u.id === ownerId);
    if (!owner) return [ownerId];
    const managerId = owner.manager?.id ?? (owner.role === 'manager' ? owner.id : null);
    if (managerId === null) return [ownerId];
    return [ownerId, ...users.filter((u) => u.id !== ownerId && u.manager?.id === managerId).map((u) => u.id)];
  },
};

function ownersOf(query: HistoryQuery): string[] {
  return [...new Set([query.ownerId, ...(query.teamOwnerIds ?? [])].filter((id): id is string => !!id))];
}

/** Ref of a record met in a list; the id is read leniently here and checked by the Deal schema. */
function recordRef(ref: InstanceRef, origin: string, item: unknown): RecordRef {
  const id = str(asRecord(item).id) ?? '';
  return { crm: DEMO_CRM_ID, instance: ref.instance, id: id || '(no id)', url: `${origin}/opportunities/${encodeURIComponent(id)}` };
}
