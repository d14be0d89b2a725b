/**
 * The adapter of a custom CRM (background; zod). One adapter per profile, `custom:<profile id>`,
 * transport 'page': every read goes through the CRM tab, with the page's own session.
 *
 * Two ways to read a deal, chosen by the profile:
 * - JSON endpoint (`profile.endpoint`): one same-origin GET through the injected CrmFetch
 *   (`/api/deals/:id` on the record's origin), values picked by JSON path.
 * - The page itself: the background cannot see the DOM, so the tab's content script reads it.
 *   The seam is the io: the background gives page-based custom adapters an io carrying a
 *   `readDom` function (`withDomReader(io, reader)`), which sends TabProtocol `readDom` to the
 *   same tab the io fetches through. The content script answers with `answerReadDom` (read-raw.ts):
 *   the raw texts the profile points at, nothing parsed. Here the reply is checked with zod, the tab's
 *   URL must still show the record, and the texts are parsed into a draft (raw-source.ts, draft.ts)
 *   with the background's own ref, then validated into a Deal (to-deal.ts).
 *
 * History and the signed-in user cannot be read from a single record page: readHistory returns no
 * deals (coaching then says benchmarks are unavailable) and whoAmI reports 'not-configured'.
 */
import type { RecordRef } from '../../model';
import { fetchJson } from '../shared/http';
import { CrmError, type CrmAdapter, type CrmFetch } from '../types';
import { readDraft, type DealReading } from './draft';
import { jsonSource } from './json-source';
import { matchCustomRecord } from './match';
import { customCrmId, type CustomCrmProfile } from './profile';
import { draftFromRaw } from './raw-source';
import type { ReadDomRequest } from './read-raw';
import { dealFromDraft, ReadDomReplySchema } from './to-deal';

/** Ask the CRM tab to read the page (TabProtocol `readDom`); resolves to the tab's raw reply. */
export type DomReader = (request: ReadDomRequest) => Promise<unknown>;

/** An io that can also ask its tab to read the page. */
export type DomCapableFetch = CrmFetch & { readDom: DomReader };

/** Attach the tab's page reader to a 'page' io (after any wrapper such as `counted`: page reads are not API calls). */
export function withDomReader(io: CrmFetch, readDom: DomReader): DomCapableFetch {
  const wrapped: CrmFetch = (url, init) => io(url, init);
  return Object.assign(wrapped, { readDom });
}

function domReaderOf(io: CrmFetch): DomReader | null {
  const reader = (io as Partial<DomCapableFetch>).readDom;
  return typeof reader === 'function' ? reader : null;
}

/** The endpoint URL for a record: the profile's path with the id, on the record page's origin. */
export function endpointUrl(profile: CustomCrmProfile, ref: Pick<RecordRef, 'id' | 'url'>): string | null {
  if (!profile.endpoint) return null;
  const origin = new URL(ref.url).origin;
  const url = new URL(profile.endpoint.url.replace(':id', encodeURIComponent(ref.id)), origin);
  return url.origin === origin ? url.href : null;
}

/** Read a deal from an endpoint's JSON body with the profile's JSON paths (zod-free; also for previews). */
export function readDealFromJson(body: unknown, profile: CustomCrmProfile, ref: RecordRef, now: string): DealReading {
  return readDraft(jsonSource(body), profile, ref, now);
}

export interface CustomAdapterOptions {
  /** "Now" as an ISO instant, for "today"/"yesterday" and for activities counted done by date. */
  now?: () => string;
}

export function createCustomAdapter(profile: CustomCrmProfile, options: CustomAdapterOptions = {}): CrmAdapter {
  const label = profile.name;
  const now = options.now ?? (() => new Date().toISOString());
  return {
    id: customCrmId(profile),
    label,
    transport: 'page',
    matches: (url) => matchCustomRecord(url, profile),

    async readDeal(ref, io) {
      const url = endpointUrl(profile, ref);
      if (url) {
        const body = await fetchJson(io, url, { method: 'GET', headers: { Accept: 'application/json' } }, { label }, `deal ${ref.id}`);
        const reading = readDealFromJson(body, profile, ref, now());
        return dealFromDraft(ref, reading.deal, reading.report, label);
      }
      const readDom = domReaderOf(io);
      if (!readDom) throw new CrmError('not-configured', `${label} is read from the page itself. Open the deal in a ${label} tab and reload it.`);
      let raw: unknown;
      try {
        raw = await readDom({ profile, url: ref.url });
      } catch {
        throw new CrmError('offline', `The ${label} tab did not answer. Reload the tab and try again.`);
      }
      const reply = ReadDomReplySchema.safeParse(raw);
      if (!reply.success) throw new CrmError('malformed', `The ${label} tab sent an answer Deal Coach could not read.`);
      if (reply.data.kind === 'error') throw new CrmError('offline', reply.data.message);
      // The tab must still show the record asked for: its URL is matched here again, not trusted.
      const shown = matchCustomRecord(reply.data.url, profile);
      if (!shown || shown.id !== ref.id || shown.instance !== ref.instance) throw new CrmError('not-found', `The ${label} tab shows another page now. Reload it and try again.`);
      const reading = draftFromRaw(reply.data.raw, profile, ref, now());
      return dealFromDraft(ref, reading.deal, reading.report, label);
    },

    async readHistory() {
      return [];
    },

    async whoAmI() {
      throw new CrmError('not-configured', `${label} is read one record at a time from its pages, which do not say who is signed in.`);
    },
  };
}
