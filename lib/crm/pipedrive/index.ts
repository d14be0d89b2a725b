/**
 * Pipedrive adapter (transport 'background'; the background adds the user's API token as `x-api-token`).
 *
 * A record view with warm metadata (stages, user and organization names from the injected cache) is
 * one round: the deal, its participants, activities and field changelog, in parallel. Cold, the stages
 * and the user list join that round, and the organization's name (v2 deals carry ids only) follows in
 * a second. Each further page of a paged list adds a round.
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
import { mapDeal, mapListDeal, stagesFrom, type StageInfo } from './map-deal';
import { loadMetadata, saveMetadata } from './metadata';
import { crmMetadata, type MetadataCache } from '../shared/metadata';
import { activitiesPath, changelogPath, dealPath, ME_PATH, organizationPath, ownerDealsPath, participantsPath, stagePath, stagesPath, teamsOfUserPath, userPath, USERS_PATH } from './queries';
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

export interface PipedriveAdapterOptions {
  /** Stages, user and organization names kept between views (none: every view reads them). */
  metadata?: MetadataCache;
}

export function createPipedriveAdapter(options: PipedriveAdapterOptions = {}): CrmAdapter {
  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!/^\d{1,15}$/.test(ref.id)) throw new CrmError('not-found', `${ref.id} is not a Pipedrive deal id.`);
    const base = origin(ref.instance);
    const meta = await loadMetadata(options.metadata, ref.instance);
    let changed = false;

    // Every request starts as soon as what it needs has arrived: with warm metadata a view is the
    // deal, its participants, activities and changelog, in parallel (plus further pages of a paged list).
    const dealP = get(io, `${base}${dealPath(ref.id)}`, 'the deal').then((body) => asRecord(body.data));
    const participantsP = allByOffset(io, base, (start) => participantsPath(ref.id, start), 'deal participants');
    const activitiesP = allByCursor(io, base, (cursor) => activitiesPath(ref.id, cursor), 'activities');
    // Without the changelog, pushes are unknown rather than absent.
    const changesP = allByCursor(io, base, (cursor) => changelogPath(ref.id, cursor), 'deal changes').catch((error: unknown) => {
      if (error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not-found' || error.kind === 'server')) return null;
      throw error;
    });
    const listedP: Promise<Map<string, StageInfo>> = meta.stages ? Promise.resolve(meta.stages) : allByCursor(io, base, (cursor) => stagesPath(cursor), 'stages').then(stagesFrom);
    // Cold: the whole (unpaged) user list, so later views of anyone's deals need no name lookup.
    const usersP = meta.usersComplete ? Promise.resolve(null) : get(io, `${base}${USERS_PATH}`, 'users').catch(() => null);

    const stagesP = Promise.all([dealP, listedP]).then(async ([deal, stages]) => {
      const stageId = str(deal.stage_id);
      // A stage added since the stages were cached: read that one stage (its name and order; the
      // category comes from the deal's status, so a stale stage list cannot make it wrong).
      if (meta.stages && stageId && !stages.has(stageId)) {
        const one = await get(io, `${base}${stagePath(stageId)}`, 'the stage').catch(() => null);
        stages = new Map([...stages, ...stagesFrom(asArray([asRecord(one?.data)]).filter(isRecord))]);
      }
      if (stages !== meta.stages) {
        meta.stages = stages;
        changed = true;
      }
      return stages;
    });
    const ownerP = Promise.all([dealP, usersP]).then(async ([deal, users]): Promise<string | null> => {
      if (users) {
        for (const u of asArray(users.data).filter(isRecord)) if (str(u.id) && str(u.name)) meta.users.set(str(u.id)!, str(u.name)!);
        meta.usersComplete = true;
        changed = true;
      }
      const ownerId = str(deal.owner_id);
      if (!ownerId) return null;
      const known = meta.users.get(ownerId);
      if (known) return known;
      const name = str(asRecord((await get(io, `${base}${userPath(ownerId)}`, 'the owner').catch(() => null))?.data).name);
      if (name) {
        meta.users.set(ownerId, name);
        changed = true;
      }
      return name;
    });
    const orgP = dealP.then(async (deal): Promise<string | null> => {
      const orgId = str(deal.org_id);
      if (!orgId) return null;
      const known = meta.orgs.get(orgId);
      if (known) return known;
      const name = str(asRecord((await get(io, `${base}${organizationPath(orgId)}`, 'the organization').catch(() => null))?.data).name);
      if (name) {
        meta.orgs.set(orgId, name);
        changed = true;
      }
      return name;
    });

    const [deal, participants, activities, changes, stages, owner, organization] = await Promise.all([dealP, participantsP, activitiesP, changesP, stagesP, ownerP, orgP]);
    if (changed) await saveMetadata(options.metadata, ref.instance, meta);
    return validateDeal(mapDeal(ref, { deal, stages, names: { organization, owner }, participants, activities, changes }), LABEL);
  }

  async function readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const base = origin(ref.instance);
    const owners = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])].filter((o) => /^\d+$/.test(o));
    if (!owners.length) throw new CrmError('not-configured', 'Deal Coach needs to know whose Pipedrive deals to read (no owner given).');
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    const meta = await loadMetadata(options.metadata, ref.instance);
    const cachedStages = meta.stages;
    const needUsers = owners.some((o) => !meta.users.has(o));
    const [listed, users, perOwner] = await Promise.all([
      cachedStages ? Promise.resolve(cachedStages) : allByCursor(io, base, (cursor) => stagesPath(cursor), 'stages').then(stagesFrom),
      needUsers ? get(io, `${base}${USERS_PATH}`, 'users') : Promise.resolve(null),
      // Owners one after the other: a team's history is a background read, kept gentle on the rate limit.
      (async () => {
        const out: Json[][] = [];
        for (const owner of owners) out.push(await allByCursor(io, base, (cursor) => ownerDealsPath(owner, cursor), 'deal history'));
        return out;
      })(),
    ]);
    let stages = listed;
    // Stages added since they were cached: read the list again once (names only; categories come from status).
    if (cachedStages && perOwner.flat().some((row) => str(row.stage_id) && !stages.has(str(row.stage_id)!))) stages = stagesFrom(await allByCursor(io, base, (cursor) => stagesPath(cursor), 'stages'));
    if (users) {
      for (const u of asArray(users.data).filter(isRecord)) if (str(u.id) && str(u.name)) meta.users.set(str(u.id)!, str(u.name)!);
      meta.usersComplete = true;
    }
    if (users || stages !== cachedStages) await saveMetadata(options.metadata, ref.instance, { ...meta, stages });
    const deals: Deal[] = [];
    for (const row of perOwner.flat()) {
      // "Created or closed on/after since": open deals stay (their close is still ahead).
      const day = (v: unknown) => (str(v) ? dayNumber(str(v)!) : NaN);
      if (since && row.status !== 'open' && !(day(row.add_time) >= dayNumber(since)) && !(day(row.close_time) >= dayNumber(since))) continue;
      deals.push(validateDeal(mapListDeal(ref.instance, row, stages, meta.users), LABEL));
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

export const pipedrive: CrmAdapter = createPipedriveAdapter({ metadata: crmMetadata });
