/**
 * HubSpot adapter (transport 'background'; the background adds the portal's private app token).
 *
 * A record view takes two rounds, because HubSpot returns associated records as ids only:
 *   1. in parallel: the deal (default properties, closedate/dealstage history, associated company and
 *      engagement ids), the deal property names, the deal pipelines, the deal's contacts with labels (v4);
 *   2. in parallel: the remaining (custom) deal properties, contacts, company, owner, engagements and
 *      each call/meeting/email's contacts — all batch reads or single GETs.
 * Lists are paged with `paging.next.after`; batch reads are cut into 100s.
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
import { activitiesFrom, contactAssociations, mapDeal, mapSearchResult, ownerName, stagesFrom, stakeholdersFrom } from './map-deal';
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

  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    if (!/^\d{1,20}$/.test(ref.id)) throw new CrmError('not-found', `${ref.id} is not a HubSpot deal id.`);
    const base = `https://${instanceOf(ref.instance).apiHost}`;

    // Round 1.
    const [deal, propertyDefs, pipelines, contactLinks] = await Promise.all([
      fetchJson(io, `${base}${dealPath(ref.id)}`, { headers: ACCEPT }, WHO, 'the deal').then(asRecord),
      fetchJson(io, `${base}${DEAL_PROPERTIES_PATH}`, { headers: ACCEPT }, WHO, 'deal properties').then(asRecord),
      fetchJson(io, `${base}${PIPELINES_PATH}`, { headers: ACCEPT }, WHO, 'pipelines'),
      getAll(io, base, (after) => associationsPath(ref.id, 'contacts', after), 'contacts of the deal'),
    ]);
    const properties = asRecord(deal.properties);
    const associations = asRecord(deal.associations);
    const extraProperties = asArray(propertyDefs.results)
      .filter(isRecord)
      .map((p) => str(p.name))
      .filter((n): n is string => n !== null && !(DEAL_PROPERTIES as readonly string[]).includes(n));
    const contacts = contactAssociations(contactLinks);
    const companyId = idsOf(associations.companies)[0] ?? null;
    const ownerId = str(properties.hubspot_owner_id);
    const engagementIds = new Map<EngagementType, string[]>();
    for (const type of ENGAGEMENTS) {
      const embedded = asRecord(associations[type]);
      let ids = idsOf(embedded);
      // The deal read embeds a first page of associations; the rest comes from the v4 list.
      if (nextAfter(embedded)) ids = [...new Set((await getAll(io, base, (after) => associationsPath(ref.id, type, after), `${type} of the deal`)).map((r) => str(r.toObjectId)).filter((x): x is string => x !== null))];
      if (ids.length) engagementIds.set(type, ids);
    }

    // Round 2.
    const [extra, contactRows, company, owner, engagementRows, links] = await Promise.all([
      extraProperties.length ? batchRead(io, base, 'deals', [ref.id], extraProperties, 'custom deal properties') : Promise.resolve([]),
      contacts.length ? batchRead(io, base, 'contacts', contacts.map((c) => c.id), CONTACT_PROPERTIES, 'contacts') : Promise.resolve([]),
      companyId ? fetchJson(io, `${base}${companyPath(companyId)}`, { headers: ACCEPT }, WHO, 'the company').then(asRecord) : Promise.resolve(null),
      // An owner who left the portal no longer resolves: keep the id, drop the name.
      ownerId ? fetchJson(io, `${base}${ownerPath(ownerId)}`, { headers: ACCEPT }, WHO, 'the owner').then(asRecord, () => null) : Promise.resolve(null),
      Promise.all([...engagementIds].map(async ([type, ids]) => [type, await batchRead(io, base, type, ids, ENGAGEMENT_PROPERTIES[type], type)] as const)),
      Promise.all([...engagementIds].filter(([type]) => WITH_PARTICIPANTS.includes(type)).map(([type, ids]) => participants(io, base, type, ids))),
    ]);

    const allProperties = { ...properties, ...asRecord(extra[0]?.properties) };
    const contactById = new Map(contactRows.map((c) => [str(c.id) ?? '', c]));
    return validateDeal(
      mapDeal(ref, {
        deal,
        properties: allProperties,
        stages: stagesFrom(pipelines),
        owner,
        accountName: company ? str(asRecord(company.properties).name) : null,
        stakeholders: stakeholdersFrom(contacts, contactById),
        activities: activitiesFrom(new Map(engagementRows), new Map(links.flat()), now()),
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
    const [pipelines, ownerRows] = await Promise.all([fetchJson(io, `${base}${PIPELINES_PATH}`, { headers: ACCEPT }, WHO, 'pipelines'), owners(io, base)]);
    const stages = stagesFrom(pipelines);
    const names = new Map(ownerRows.map((o) => [str(o.id) ?? '', ownerName(o) ?? '']));
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
      if (!next) break;
      after = fresh(next);
    }
    return rows.map((row) => validateDeal(mapSearchResult(ref.instance, `https://${uiHost}`, inst.portalId, row, stages, names), LABEL));
  }

  async function whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch, hint?: WhoAmIHint): Promise<CrmUser> {
    const base = `https://${instanceOf(ref.instance).apiHost}`;
    const email = (hint?.email ?? (await options.userEmail?.()))?.trim();
    if (!email) {
      throw new CrmError('not-configured', 'A HubSpot private app token does not say who you are. Enter your HubSpot login email in Options → Connections → HubSpot.');
    }
    const found = asArray(asRecord(await fetchJson(io, `${base}${OWNERS_PATH}?email=${encodeURIComponent(email)}&limit=1`, { headers: ACCEPT }, WHO, 'your owner record')).results).filter(isRecord)[0];
    const id = str(found?.id);
    if (!found || !id) throw new CrmError('not-configured', `No HubSpot owner has the email ${email}. Check the email in Options → Connections → HubSpot.`);
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

export const hubspot: CrmAdapter = createHubSpotAdapter();
