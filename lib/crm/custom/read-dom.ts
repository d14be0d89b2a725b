/**
 * Reading a deal from a CRM page with a profile, in one call: the page's texts (read-raw.ts, what the
 * content script does) parsed into a Deal-shaped draft with a field-by-field report (raw-source.ts,
 * what the background does). Used where both halves run in one place: tests, and the live preview
 * of pick mode. The draft is validated with zod later (to-deal.ts). Zod-free, global-free.
 */
import type { FieldReport, DealReading } from './draft';
import { matchCustomRecord } from './match';
import type { CustomCrmProfile } from './profile';
import { draftFromRaw } from './raw-source';
import { readRawFromPage } from './read-raw';

export interface PageReading {
  /** null when the URL is not a record page of this profile. */
  deal: DealReading['deal'] | null;
  report: FieldReport[];
}

/**
 * Read the deal shown on a record page. `now` (an ISO instant) dates "today"/"yesterday" and decides
 * which activities are done when the profile counts past activities as done.
 */
export function readDealFromPage(root: ParentNode, profile: CustomCrmProfile, url: string, now: string): PageReading {
  const ref = matchCustomRecord(url, profile);
  if (!ref) return { deal: null, report: [{ field: 'record', label: 'Record page', status: 'missing', message: `this page is not a ${profile.name} record page (${profile.urlPattern})` }] };
  return draftFromRaw(readRawFromPage(root, profile), profile, ref, now);
}
