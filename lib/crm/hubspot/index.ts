/**
 * HubSpot adapter (transport 'background'; the background adds the portal's private app token).
 *
 * A record view is at most two rounds (plus one per extra page of a paged list), because HubSpot
 * returns associated records as ids only:
 *   1. the deal (default properties, closedate/dealstage history, associated company and engagement
 *      ids), the deal's contacts with labels (v4), and — from the metadata cache when warm, else read
 *      here — the deal property names and the pipelines; with warm metadata the custom properties too;
 *   2. contacts, company, engagements and each call/meeting/email's contacts (batch reads or single
 *      GETs), the owner's name when the cache does not know it, the custom properties when cold, and
 *      the pipelines again when the cached ones miss the deal's stage.
 * A deal with nothing associated and warm metadata is one round. Lists are paged with
 * `paging.next.after`; batch reads are cut into 100s.
 */
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmFetch, type CrmUser, type HistoryQuery, type WhoAmIHint } from '../types';
import { apiOriginOf } from '../shared/origin';
import { fetchJson, type Caller } from '../shared/http';
import { asArray, asRecord, isRecord, str, type Json } from '../shared/values';
import { validateDeal } from '../shared/validate';
import { isValidDate } from '../../dates';
import { classifyHubSpotError, LABEL } from './errors';
import { API_HOSTS, CRM_ID, matchHubSpot, parseInstance, type HubSpotInstance } from './match';
import { activitiesFrom, contactAssociations, mapDeal, mapSearchResult, ownerName, stagesFrom, stageStillValid, stakeholdersFrom, type Stages } from './map-deal';
import { loadMetadata, saveMetadata } from './metadata';
import { crmMetadata, type MetadataCache } from '../shared/metadata';
import {
  associationBatchPath,
  associationsPath,
  BATCH,
  batchReadPath,
  companyPath,
  CONTACT_PROPERTIES,
  DEAL_PROPERTIES,
  DEAL_PROPERTIES_PATH,
  dealPath,
  ENGAGEMENT_PROPERTIES,
  ENGAGEMENTS,
  historySearchBody,
  OWNERS_PATH,
  ownerPath,
  PIPELINES_PATH,
  SEARCH_DEALS_PATH,
  WITH_PARTICIPANTS,
  type EngagementType,
} from './queries';
import { cursorGuard } from '../shared/paging';

export { hubspotPortalOf, matchHubSpot } from './match';
export { REQUIRED_SCOPES } from './errors';

const WHO: Caller = { label: LABEL, classify: classifyHubSpotError };
const ACCEPT = { Accept: 'application/json' };
const POST = { ...ACCEPT, 'Content-Type': 'application/json' };

function instanceOf(instance: string): HubSpotInstance {
  const parsed = parseInstance(instance);
  if (!parsed) throw new CrmError('not-configured', `${instance} is not a HubSpot portal Deal Coach knows.`);
  return parsed;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function idsOf(associations: unknown): string[] {
  return [...new Set(asArray(asRecord(associations).results).filter(isRecord).map((r) => str(r.id) ?? str(r.toObjectId)).filter((x): x is string => x !== null))];
}

function nextAfter(page: Json): string | null {
  return str(asRecord(asRecord(page.paging).next).after);
}

export interface HubSpotAdapterOptions {
  now?: () => Date;
  /**
   * The HubSpot login email of the person using Deal Coach (from Options). A private app token acts
   * for the app, not for a user, so whoAmI finds the user among the portal's owners by this email.
   */
  userEmail?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Pipelines, property names and owner names kept between views (none: every view reads them). */
  metadata?: MetadataCache;
}

export function createHubSpotAdapter(options: HubSpotAdapterOptions = {}): CrmAdapter {
  const now = options.now ?? (() => new Date());

  async function getAll(io: CrmFetch, base: string, path: (after?: string) => string, what: string): Promise<Json[]> {
    const out: Json[] = [];
    let after: string | undefined;
    const fresh = cursorGuard(LABEL, what);
    for (;;) {
      const page = asRecord(await fetchJson(io, `${base}${path(after)}`, { headers: ACCEPT }, WHO, what));
      out.push(...asArray(page.results).filter(isRecord));
      const next = nextAfter(page);
      if (!next) return out;
      after = fresh(next);
    }
  }

  async function batchRead(io: CrmFetch, base: string, type: string, ids: readonly string[], properties: readonly string[], what: string): Promise<Json[]> {
    const pages = await Promise.all(
      chunks(ids, BATCH).map((part) =>
        fetchJson(io, `${base}${batchReadPath(type)}`, { method: 'POST', headers: POST, body: JSON.stringify({ properties, inputs: part.map((id) => ({ id })) }) }, WHO, what),
      ),
    );
    return pages.flatMap((p) => asArray(asRecord(p).results).filter(isRecord));
  }

  async function participants(io: CrmFetch, base: string, type: EngagementType, ids: readonly string[]): Promise<[string, string[]][]> {
    const pages = await Promise.all(
      chunks(ids, BATCH).map((part) =>
        fetchJson(io, `${base}${associationBatchPath(type, 'contacts')}`, { method: 'POST', headers: POST, body: JSON.stringify({ inputs: part.map((id) => ({ id })) }) }, WHO, 'who took part'),
      ),
    );
    return pages.flatMap((p) =>
      asArray(asRecord(p).results)
        .filter(isRecord)
        .map((r): [string, string[]] => [`${type}:${str(asRecord(r.from).id) ?? ''}`, asArray(r.to).filter(isRecord).map((t) => str(t.toObjectId)).filter((x): x is string => x !== null)]),
    );
  }

  const get = (io: CrmFetch, base: string, path: string, what: string): Promise<Json> => fetchJson(io, `${base}${path}`, { headers: ACCEPT }, WHO, what).then(asRecord);

  /** One engagement type of the deal: ids (the deal read embeds a first page, the v4 list has the rest), rows and who took part. */
  async function engagementsOf(io: CrmFetch, base: string, dealId: string, deal: Json, type: EngagementType): Promise<{ rows: Json[]; links: [string, string[]][] }> {
    const embedded = asRecord(asRecord(deal.associations)[type]);
    let ids = idsOf(embedded);
    if (nextAfter(embedded)) ids = [...new Set((await getAll(io, base, (after) => associationsPath(dealId, type, after), `${type} of the deal`)).map((r) => str(r.toObjectId)).filter((x): x is string => x !== null))];
    if (!ids.length) return { rows: [], links: [] };
    const [rows, links] = await Promise.all([batchRead(io, base, type, ids, ENGAGEMENT_PROPERTIES[type], type), WITH_PARTICIPANTS.includes(type) ? participants(io, base, type, ids) : []]);
    return { rows, links };
  }

  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!/^\d{1,20}$/.test(ref.id)) throw new CrmError('not-found', `${ref.id} is not a HubSpot deal id.`);
    const base = `https://${instanceOf(ref.instance).apiHost}`;
    const meta = await loadMetadata(options.metadata, ref.instance);
    const cachedStages = meta.stages;
    let changed = false;

    // Every request starts as soon as what it needs has arrived, so a view costs as many rounds as its
    // longest chain: with warm metadata the deal, its contact links and its custom properties go out
    // together; the associated records follow (HubSpot returns associations as ids only).
    const dealP = get(io, base, dealPath(ref.id), 'the deal');
    const namesP: Promise<string[]> = meta.propertyNames
      ? Promise.resolve(meta.propertyNames)
      : get(io, base, DEAL_PROPERTIES_PATH, 'deal properties').then((defs) => {
          changed = true;
          return (meta.propertyNames = asArray(defs.results).filter(isRecord).map((p) => str(p.name)).filter((n): n is string => n !== null));
        });
    const pipelinesP: Promise<Stages> = cachedStages ? Promise.resolve(cachedStages) : get(io, base, PIPELINES_PATH, 'pipelines').then(stagesFrom);
    const extraP = namesP.then((names) => {
      const extra = names.filter((n) => !(DEAL_PROPERTIES as readonly string[]).includes(n));
      return extra.length ? batchRead(io, base, 'deals', [ref.id], extra, 'custom deal properties') : [];
    });
    const contactsP = getAll(io, base, (after) => associationsPath(ref.id, 'contacts', after), 'contacts of the deal').then(async (links) => {
      const contacts = contactAssociations(links);
      const rows = contacts.length ? await batchRead(io, base, 'contacts', contacts.map((c) => c.id), CONTACT_PROPERTIES, 'contacts') : [];
      return stakeholdersFrom(contacts, new Map(rows.map((c) => [str(c.id) ?? '', c])));
    });
    // Cached stages that do not know the deal's stage, or disagree with its own closed flags, are
    // refetched once: a stale pipeline must never give a wrong open/won/lost.
    const stagesP = Promise.all([dealP, pipelinesP]).then(async ([deal, stages]) => {
      if (cachedStages && !stageStillValid(stages, asRecord(deal.properties))) stages = stagesFrom(await get(io, base, PIPELINES_PATH, 'pipelines'));
      if (stages !== cachedStages) {
        meta.stages = stages;
        changed = true;
      }
      return stages;
    });
    const companyP = dealP.then((deal) => {
      const companyId = idsOf(asRecord(deal.associations).companies)[0];
      return companyId ? get(io, base, companyPath(companyId), 'the company').then((c) => str(asRecord(c.properties).name)) : null;
    });
    const ownerP = dealP.then(async (deal): Promise<string | null> => {
      const ownerId = str(asRecord(deal.properties).hubspot_owner_id);
      if (!ownerId) return null;
      const known = meta.owners.get(ownerId);
      if (known) return known;
      // An owner who left the portal no longer resolves: keep the id, drop the name.
      const name = ownerName(await get(io, base, ownerPath(ownerId), 'the owner').catch(() => null));
      if (name) {
        changed = true;
        meta.owners.set(ownerId, name);
      }
      return name;
    });
    const activitiesP = dealP.then(async (deal) => {
      const each = await Promise.all(ENGAGEMENTS.map(async (type) => [type, await engagementsOf(io, base, ref.id, deal, type)] as const));
      return activitiesFrom(new Map(each.map(([type, e]) => [type, e.rows])), new Map(each.flatMap(([, e]) => e.links)), now());
    });

    const [deal, extra, stakeholders, stages, accountName, owner, activities] = await Promise.all([dealP, extraP, contactsP, stagesP, companyP, ownerP, activitiesP]);
    if (changed) await saveMetadata(options.metadata, ref.instance, meta);
    return validateDeal(
      mapDeal(ref, {
        deal,
        properties: { ...asRecord(deal.properties), ...asRecord(extra[0]?.properties) },
        stages,
        ownerName: owner,
        accountName,
        stakeholders,
        activities,
      }),
      LABEL,
    );
  }

  async function owners(io: CrmFetch, base: string): Promise<Json[]> {
    return getAll(io, base, (after) => `${OWNERS_PATH}?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`, 'owners');
  }

  async function readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const inst = instanceOf(ref.instance);
    const base = `https://${inst.apiHost}`;
    const uiHost = Object.entries(API_HOSTS).find(([, api]) => api === inst.apiHost)![0];
    const ownerIds = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])].filter((o) => /^\d+$/.test(o));
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    const meta = await loadMetadata(options.metadata, ref.instance);
    const needOwners = ownerIds.length === 0 || ownerIds.some((id) => !meta.owners.has(id));

    async function search(): Promise<Json[]> {
      const rows: Json[] = [];
      let after: string | undefined;
      const fresh = cursorGuard(LABEL, 'deal history');
      // Search pages are read one after the other (the search endpoints allow a few requests per second).
      for (;;) {
        const page = asRecord(
          await fetchJson(io, `${base}${SEARCH_DEALS_PATH}`, { method: 'POST', headers: POST, body: JSON.stringify(historySearchBody(ownerIds, since, after)) }, WHO, 'deal history'),
        );
        rows.push(...asArray(page.results).filter(isRecord));
        const next = nextAfter(page);
        if (!next) return rows;
        after = fresh(next);
      }
    }

    const [first, ownerRows, rows] = await Promise.all([
      meta.stages ? Promise.resolve(meta.stages) : get(io, base, PIPELINES_PATH, 'pipelines').then(stagesFrom),
      needOwners ? owners(io, base) : Promise.resolve(null),
      search(),
    ]);
    let stages = first;
    // As for a record view: cached stages that miss or contradict a deal's stage are read again once.
    if (meta.stages && rows.some((row) => !stageStillValid(stages, asRecord(row.properties)))) stages = stagesFrom(await get(io, base, PIPELINES_PATH, 'pipelines'));
    for (const o of ownerRows ?? []) {
      const id = str(o.id);
      const name = ownerName(o);
      if (id && name) meta.owners.set(id, name);
    }
    if (stages !== meta.stages || ownerRows) await saveMetadata(options.metadata, ref.instance, { ...meta, stages });
    return rows.map((row) => validateDeal(mapSearchResult(ref.instance, `https://${uiHost}`, inst.portalId, row, stages, meta.owners), LABEL));
  }

  async function whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch, hint?: WhoAmIHint): Promise<CrmUser> {
    const base = `https://${instanceOf(ref.instance).apiHost}`;
    // The owner picked in Options: the whole app's "who am I" for this portal.
    if (hint?.ownerId && /^\d{1,20}$/.test(hint.ownerId)) {
      const found = await get(io, base, ownerPath(hint.ownerId), 'your owner record').catch((error: unknown) => {
        if (error instanceof CrmError && error.kind === 'not-found') {
          throw new CrmError('not-configured', 'The HubSpot owner chosen in Options → Connections → HubSpot no longer exists in this portal. Choose yourself again there.');
        }
        throw error;
      });
      return { id: hint.ownerId, name: ownerName(found) ?? hint.ownerId, teamOwnerIds: [] };
    }
    const email = (hint?.email ?? (await options.userEmail?.()))?.trim();
    if (!email) {
      throw new CrmError('not-configured', 'A HubSpot private app token does not say who you are. Choose yourself in Options → Connections → HubSpot.');
    }
    const found = asArray(asRecord(await fetchJson(io, `${base}${OWNERS_PATH}?email=${encodeURIComponent(email)}&limit=1`, { headers: ACCEPT }, WHO, 'your owner record')).results).filter(isRecord)[0];
    const id = str(found?.id);
    if (!found || !id) throw new CrmError('not-configured', `No HubSpot owner has the email ${email}. Choose yourself in Options → Connections → HubSpot.`);
    // HubSpot exposes teams but no reporting line, so a manager's team is not derived here.
    return { id, name: ownerName(found) ?? email, teamOwnerIds: [] };
  }

  return { id: CRM_ID, label: LABEL, transport: 'background', apiOrigin: apiOriginOf, matches: matchHubSpot, readDeal, readHistory, whoAmI };
}

/** The portal's owners, for the options page's "who are you" picker. */
export async function listHubSpotOwners(instance: string, io: CrmFetch): Promise<{ id: string; name: string; email: string | null }[]> {
  const base = `https://${instanceOf(instance).apiHost}`;
  const out: { id: string; name: string; email: string | null }[] = [];
  let after: string | undefined;
  const fresh = cursorGuard(LABEL, 'owners');
  for (;;) {
    const page = asRecord(await fetchJson(io, `${base}${OWNERS_PATH}?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: ACCEPT }, WHO, 'owners'));
    for (const o of asArray(page.results).filter(isRecord)) {
      const id = str(o.id);
      if (id) out.push({ id, name: ownerName(o) ?? id, email: str(o.email) });
    }
    const next = nextAfter(page);
    if (!next) return out;
    after = fresh(next);
  }
}

export const hubspot: CrmAdapter = createHubSpotAdapter({ metadata: crmMetadata });
