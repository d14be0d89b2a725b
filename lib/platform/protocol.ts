/**
 * The extension's messages, as types only: the content script imports this file without
 * pulling any runtime code (validation lives in schemas.ts, background only).
 *
 *   content script / extension pages  ──▶ background   BackgroundProtocol
 *   background                        ──▶ content tab  TabProtocol
 *
 * Every reply is a value, never a thrown error: failures come back as `{ kind: 'error' }`.
 */
import type { DataSource, Connection, PopupState } from '../../components/types';
import type { DealCoachingView } from '../coaching/types';
import type { CrmErrorKind } from '../crm/types';
import type { FieldReport } from '../crm/custom/draft';
import type { DomLocator } from '../crm/custom/locate';
import type { ReadDomReply, ReadDomRequest } from '../crm/custom/read-raw';
import type { Deal, Finding, Settings, Severity } from '../model';
import type { ReviewSnapshot } from '../review/diff';

/** Why a message could not be answered, beyond the CRM's own failures. */
export type ReplyErrorKind = CrmErrorKind | 'internal' | 'bad-request' | 'refused';

export interface ErrorReply {
  kind: 'error';
  errorKind: ReplyErrorKind;
  /** Plain words for the person: what failed and what to do. */
  message: string;
}

export type MatchPageReply =
  | { kind: 'none' }
  | {
      kind: 'record';
      crmLabel: string;
      recordId: string;
      /** CSS selector present once the CRM rendered this record; null: do not wait. */
      readySelector: string | null;
    }
  | ErrorReply;

export type CoachingReply =
  | { kind: 'none' }
  | { kind: 'ready'; crmLabel: string; view: DealCoachingView; source: DataSource; notice?: string }
  | (ErrorReply & { crmLabel: string; cached?: { view: DealCoachingView; source: DataSource } });

export type SummaryReply = Exclude<PopupState, { kind: 'loading' }>;

export type ConnectionsReply = { kind: 'ready'; connections: Connection[] } | ErrorReply;

export type DeleteReply = { kind: 'done' } | ErrorReply;

export interface ReviewRow {
  id: string;
  url: string;
  name: string;
  accountName: string | null;
  stage: string;
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
  findings: Finding[];
}

export type ReviewReply =
  | {
      kind: 'ready';
      crmLabel: string;
      owner: { id: string; name: string };
      rows: ReviewRow[];
      /** Open deals considered before the severity filter. */
      openDeals: number;
      source: DataSource;
    }
  | { kind: 'no-crm'; message: string }
  | ErrorReply;

/** The manager's team (the signed-in user and the reps reporting to them), every deal, for the review page. */
export type TeamReviewReply =
  | {
      kind: 'ready';
      crmLabel: string;
      /** Snapshot scope of this review: `crm:<crm>|<instance>|<manager id>`. */
      scope: string;
      manager: { id: string; name: string };
      /** Owner ids of the reps reporting to the manager (empty for a rep: their own deals). */
      teamOwnerIds: string[];
      deals: Deal[];
      settings: Settings;
      source: DataSource;
      /** e.g. "Refresh failed: …; showing data from 2 h ago." */
      notice?: string;
    }
  | { kind: 'no-crm'; message: string }
  | ErrorReply;

export interface GetTeamReviewRequest {
  /** Read the CRM now even when the cached team history is fresh (the page's Refresh). */
  force?: boolean;
}

export type SaveSnapshotReply = { kind: 'saved'; savedAt: string } | ErrorReply;
export type SnapshotReply = { kind: 'ready'; snapshot: ReviewSnapshot | null } | ErrorReply;

export interface GetCoachingRequest {
  url: string;
  /** Read the CRM now even when the cache is fresh (the sidebar's Refresh). */
  force?: boolean;
}

export interface GetReviewDealsRequest {
  ownerId?: string;
  severity?: Severity;
}

// --- Custom CRMs (issue #7): options page ⇄ background ⇄ the CRM tab ---------------------------

/** A tab the options page may preview or pick in: one whose URL fits the profile's match pattern. */
export interface CustomCrmTab {
  tabId: number;
  title: string;
  url: string;
  /** The URL is a record page by the profile's record-URL rule. */
  isRecord: boolean;
}

export type CustomCrmTabsReply = { kind: 'ready'; tabs: CustomCrmTab[] } | ErrorReply;

/** The deal as the profile reads it from a tab right now, field by field (LivePreview). */
export type PreviewCustomCrmReply = { kind: 'ready'; url: string; report: FieldReport[] } | { kind: 'not-record'; url: string } | ErrorReply;

export interface StartPickRequest {
  tabId: number;
  /** Echoed in the result, so the options page applies it to the field it asked for. */
  requestId: string;
  /** "Close date", "the stakeholder list". */
  label: string;
  what: 'value' | 'list';
}

/** What the admin picked on the page (or that they cancelled), sent by the tab's pick script. */
export interface PickResultMessage {
  requestId: string;
  outcome:
    | { kind: 'picked'; text: string; locator: DomLocator; alternatives: DomLocator[]; headers?: string[] }
    | { kind: 'cancelled' };
}

export type DoneReply = { kind: 'done' } | ErrorReply;

export interface BackgroundProtocol {
  /** Options: the open tabs a custom profile's pattern covers. */
  customCrmTabs(data: { urlPattern: string }): CustomCrmTabsReply;
  /** Options: read the chosen tab with a draft profile (validated here), for the live preview. */
  previewCustomCrm(data: { profile: unknown; tabId: number }): PreviewCustomCrmReply;
  /** Options: start "pick on page" in a CRM tab. */
  startPick(data: StartPickRequest): DoneReply;
  stopPick(data: { tabId: number }): DoneReply;
  /** The tab's pick script: what was picked; the background hands it to the options page. */
  pickResult(data: PickResultMessage): DoneReply;
  /** The tab's custom-CRM reader: the record's texts changed after they were read (a panel loaded); coach again. */
  customPageChanged(data: { url: string }): DoneReply;

  /** Is this URL a record page of a supported CRM? No I/O: answered instantly. */
  matchPage(data: { url: string }): MatchPageReply;
  getCoaching(data: GetCoachingRequest): CoachingReply;
  getPersonalSummary(): SummaryReply;
  getConnections(): ConnectionsReply;
  deleteAllData(): DeleteReply;
  getReviewDeals(data: GetReviewDealsRequest): ReviewReply;
  getTeamReview(data: GetTeamReviewRequest): TeamReviewReply;
  saveReviewSnapshot(data: { snapshot: ReviewSnapshot }): SaveSnapshotReply;
  getReviewSnapshot(data: { scope: string }): SnapshotReply;
  /** The sidebar's "Open pipeline review": content scripts cannot open extension pages, the background opens it in a tab. */
  openReview(data: OpenReviewRequest): OpenReviewReply;
  /** Options: the owners of a HubSpot portal whose token is saved, for "who are you" (sorted by name). */
  listHubSpotOwners(data: { portal: string }): HubSpotOwnersReply;
}

export interface OpenReviewRequest {
  /** Whose pipeline: the owner of the deal the sidebar shows. */
  ownerId?: string;
}

export type OpenReviewReply = { kind: 'opened' } | ErrorReply;

export type HubSpotOwnersReply = { kind: 'ready'; instance: string; owners: { id: string; name: string; email: string | null }[] } | ErrorReply;

export interface PageFetchRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export type PageFetchReply =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: unknown }
  | ErrorReply;

export interface TabProtocol {
  /** Custom CRMs: the raw texts a profile points at on this page (answered by the injected custom-crm script). */
  readDom(data: ReadDomRequest): ReadDomReply | ErrorReply;
  /** Custom CRMs: show the pick-mode banner and wait for the admin's click. */
  beginPick(data: { requestId: string; label: string; what: 'value' | 'list' }): DoneReply;
  endPick(): DoneReply;
  /** 'page' transport: the content script performs a same-origin request with the page's session. */
  pageFetch(data: PageFetchRequest): PageFetchReply;
  /** A revalidation finished: the sidebar for `url` re-renders with `reply`. */
  coachingUpdated(data: { url: string; reply: CoachingReply }): void;
}

export type BackgroundMessage = keyof BackgroundProtocol;
export type TabMessage = keyof TabProtocol;
