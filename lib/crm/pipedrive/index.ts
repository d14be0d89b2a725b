/**
 * Pipedrive adapter (transport 'background'; the background adds the user's API token as `x-api-token`).
 *
 * A record view takes two rounds: 1. the deal, its participants, activities, field changelog and the
 * stages, in parallel; 2. the organization and the owner's name (v2 returns their ids only).
 * Paging: v1 `additional_data.pagination.next_start`, v2 `additional_data.next_cursor`.
 */
import { dayNumber, isValidDate } from '../../dates';
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmFetch, type CrmUser, type HistoryQuery } from '../types';
import { fetchJson, type Caller } from '../shared/http';
import { apiOriginOf } from '../shared/origin';
import { asArray, asRecord, isRecord, str, type Json } from '../shared/values';
import { validateDeal } from '../shared/validate';
import { classifyPipedriveError, LABEL } from './errors';
import { CRM_ID, isPipedriveCompanyHost, matchPipedrive } from './match';
import { mapDeal, mapListDeal, stagesFrom } from './map-deal';
import { activitiesPath, changelogPath, dealPath, ME_PATH, organizationPath, ownerDealsPath, participantsPath, stagesPath, teamsOfUserPath, userPath, USERS_PATH } from './queries';
import { cursorGuard } from '../shared/paging';

export { matchPipedrive } from './match';

const WHO: Caller = { label: LABEL, classify: classifyPipedriveError };
const ACCEPT = { Accept: 'application/json' };

function origin(instance: string): string {
  if (!isPipedriveCompanyHost(instance)) throw new CrmError('not-configured', `${instance} is not a Pipedrive company domain.`);
  return `https://${instance}`;
}

async function get(io: CrmFetch, url: string, what: string): Promise<Json> {
  return asRecord(await fetchJson(io, url, { headers: ACCEPT }, WHO, what));
}

/** v2 lists: follow `additional_data.next_cursor`. */
async function allByCursor(io: CrmFetch, base: string, path: (cursor?: string) => string, what: string): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | undefined;
  const fresh = cursorGuard(LABEL, what);
  for (;;) {
    const page = await get(io, `${base}${path(cursor)}`, what);
    out.push(...asArray(page.data).filter(isRecord));
    const next = str(asRecord(page.additional_data).next_cursor);
    if (!next) return out;
    cursor = fresh(next);
  }
}

/** v1 lists: follow `additional_data.pagination.next_start` while `more_items_in_collection`. */
async function allByOffset(io: CrmFetch, base: string, path: (start: number) => string, what: string): Promise<Json[]> {
  const out: Json[] = [];
  let start = 0;
  for (;;) {
    const page = await get(io, `${base}${path(start)}`, what);
    out.push(...asArray(page.data).filter(isRecord));
    const pagination = asRecord(asRecord(page.additional_data).pagination);
    const next = typeof pagination.next_start === 'number' ? pagination.next_start : null;
    if (pagination.more_items_in_collection !== true || next === null || next <= start) return out;
    start = next;
  }
}

export function createPipedriveAdapter(): CrmAdapter {
  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!/^\d{1,15}$/.test(ref.id)) throw new CrmError('not-found', `${ref.id} is not a Pipedrive deal id.`);
    const base = origin(ref.instance);
    const [dealBody, participants, activities, changes, stageRows] = await Promise.all([
      get(io, `${base}${dealPath(ref.id)}`, 'the deal'),
      allByOffset(io, base, (start) => participantsPath(ref.id, start), 'deal participants'),
      allByCursor(io, base, (cursor) => activitiesPath(ref.id, cursor), 'activities'),
      // Without the changelog, pushes are unknown rather than absent.
      allByCursor(io, base, (cursor) => changelogPath(ref.id, cursor), 'deal changes').catch((error: unknown) => {
        if (error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not-found' || error.kind === 'server')) return null;
        throw error;
      }),
      allByCursor(io, base, (cursor) => stagesPath(cursor), 'stages'),
    ]);
    const deal = asRecord(dealBody.data);
    const orgId = str(deal.org_id);
    const ownerId = str(deal.owner_id);
    const [org, owner] = await Promise.all([
      orgId ? get(io, `${base}${organizationPath(orgId)}`, 'the organization').catch(() => null) : Promise.resolve(null),
      ownerId ? get(io, `${base}${userPath(ownerId)}`, 'the owner').catch(() => null) : Promise.resolve(null),
    ]);
    return validateDeal(
      mapDeal(ref, {
        deal,
        stages: stagesFrom(stageRows),
        names: { organization: str(asRecord(org?.data).name), owner: str(asRecord(owner?.data).name) },
        participants,
        activities,
        changes,
      }),
      LABEL,
    );
  }

  async function readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const base = origin(ref.instance);
    const owners = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])].filter((o) => /^\d+$/.test(o));
    if (!owners.length) throw new CrmError('not-configured', 'Deal Coach needs to know whose Pipedrive deals to read (no owner given).');
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    const [stageRows, users] = await Promise.all([allByCursor(io, base, (cursor) => stagesPath(cursor), 'stages'), get(io, `${base}${USERS_PATH}`, 'users')]);
    const stages = stagesFrom(stageRows);
    const names = new Map(asArray(users.data).filter(isRecord).map((u) => [str(u.id) ?? '', str(u.name) ?? '']));
    const deals: Deal[] = [];
    for (const owner of owners) {
      const rows = await allByCursor(io, base, (cursor) => ownerDealsPath(owner, cursor), 'deal history');
      for (const row of rows) {
        // "Created or closed on/after since": open deals stay (their close is still ahead).
        const day = (v: unknown) => (str(v) ? dayNumber(str(v)!) : NaN);
        if (since && row.status !== 'open' && !(day(row.add_time) >= dayNumber(since)) && !(day(row.close_time) >= dayNumber(since))) continue;
        deals.push(validateDeal(mapListDeal(ref.instance, row, stages, names), LABEL));
      }
    }
    return deals;
  }

  async function whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch): Promise<CrmUser> {
    const base = origin(ref.instance);
    const me = asRecord((await get(io, `${base}${ME_PATH}`, 'your user')).data);
    const id = str(me.id);
    if (!id) throw new CrmError('malformed', 'Pipedrive did not say who you are (no user id).');
    // Teams (with a manager) exist on some plans only; without them a user has no team to review.
    const teams = await get(io, `${base}${teamsOfUserPath(id)}`, 'your teams').catch((error: unknown) => {
      if (error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not-found' || error.kind === 'server')) return null;
      throw error;
    });
    const team = new Set<string>();
    for (const t of asArray(teams?.data).filter(isRecord)) {
      if (str(t.manager_id) !== id) continue;
      for (const u of asArray(t.users)) {
        const uid = str(u);
        if (uid && uid !== id) team.add(uid);
      }
    }
    return { id, name: str(me.name) ?? id, teamOwnerIds: [...team] };
  }

  return { id: CRM_ID, label: LABEL, transport: 'background', apiOrigin: apiOriginOf, matches: matchPipedrive, readDeal, readHistory, whoAmI };
}

export const pipedrive: CrmAdapter = createPipedriveAdapter();
