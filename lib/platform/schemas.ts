/**
 * zod schemas for every request the background accepts (DESIGN §9). Background only: the
 * content script never imports this file, so zod stays out of its bundle.
 */
import { z } from 'zod';
import { Severity } from '../model';
import { ReviewSnapshot } from '../review/diff';
import { DomLocatorSchema } from '../crm/custom/profile';
import type { BackgroundMessage, TabMessage } from './protocol';

const MAX_URL = 4096;

export const HttpUrl = z
  .string()
  .max(MAX_URL)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

const Empty = z.union([z.undefined(), z.null(), z.object({}).strict()]);

export const MatchPageRequest = z.object({ url: HttpUrl }).strict();
export const GetCoachingRequest = z.object({ url: HttpUrl, force: z.boolean().optional() }).strict();
export const GetReviewDealsRequest = z
  .object({ ownerId: z.string().min(1).max(200).optional(), severity: Severity.optional() })
  .strict();

export const GetTeamReviewRequest = z.union([z.undefined(), z.null(), z.object({ force: z.boolean().optional() }).strict()]);
export const SaveReviewSnapshotRequest = z.object({ snapshot: ReviewSnapshot }).strict();
export const GetReviewSnapshotRequest = z.object({ scope: z.string().min(1).max(2000) }).strict();

// Custom CRMs (issue #7). The draft profile of a preview is checked by the handler, which answers with its issues.
const TabId = z.number().int().min(0).max(2 ** 31);
const PickId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const PickResultRequest = z
  .object({
    requestId: PickId,
    outcome: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('picked'),
        text: z.string().max(2000),
        locator: DomLocatorSchema,
        alternatives: z.array(DomLocatorSchema).max(5),
        headers: z.array(z.string().max(200)).max(50).optional(),
      }).strict(),
      z.object({ kind: z.literal('cancelled') }).strict(),
    ]),
  })
  .strict();

/** Requests to the background, by message name. */
export const REQUEST_SCHEMAS = {
  matchPage: MatchPageRequest,
  getCoaching: GetCoachingRequest,
  getPersonalSummary: Empty,
  getConnections: Empty,
  deleteAllData: Empty,
  getReviewDeals: GetReviewDealsRequest,
  getTeamReview: GetTeamReviewRequest,
  saveReviewSnapshot: SaveReviewSnapshotRequest,
  getReviewSnapshot: GetReviewSnapshotRequest,
  openReview: z.object({ ownerId: z.string().min(1).max(200).optional() }).strict(),
  listHubSpotOwners: z.object({ portal: z.string().regex(/^\d{1,12}$/) }).strict(),
  customCrmTabs: z.object({ urlPattern: z.string().max(300) }).strict(),
  previewCustomCrm: z.object({ profile: z.unknown(), tabId: TabId }).strict(),
  startPick: z.object({ tabId: TabId, requestId: PickId, label: z.string().min(1).max(120), what: z.enum(['value', 'list']) }).strict(),
  stopPick: z.object({ tabId: TabId }).strict(),
  pickResult: PickResultRequest,
  customPageChanged: z.object({ url: HttpUrl }).strict(),
} satisfies Record<BackgroundMessage, z.ZodType>;

/** What the content script may be asked by the background; checked again on the page side by page-fetch.ts. */
export const PageFetchRequest = z
  .object({
    url: HttpUrl,
    method: z.enum(['GET', 'POST']).optional(),
    headers: z.record(z.string().max(200), z.string().max(8192)).optional(),
    body: z.string().max(1_000_000).optional(),
  })
  .strict();

export const TAB_REQUEST_SCHEMAS = { pageFetch: PageFetchRequest } satisfies Partial<Record<TabMessage, z.ZodType>>;

/** Shape of the content script's pageFetch reply, checked before an adapter sees it. */
export const PageFetchReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), status: z.number().int().min(0).max(999), headers: z.record(z.string(), z.string()), body: z.unknown() }),
  z.object({ kind: z.literal('error'), errorKind: z.string(), message: z.string() }),
]);
