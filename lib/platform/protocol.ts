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

export interface BackgroundProtocol {
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
}

export interface OpenReviewRequest {
  /** Whose pipeline: the owner of the deal the sidebar shows. */
  ownerId?: string;
}

export type OpenReviewReply = { kind: 'opened' } | ErrorReply;

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
  /** 'page' transport: the content script performs a same-origin request with the page's session. */
  pageFetch(data: PageFetchRequest): PageFetchReply;
  /** A revalidation finished: the sidebar for `url` re-renders with `reply`. */
  coachingUpdated(data: { url: string; reply: CoachingReply }): void;
}

export type BackgroundMessage = keyof BackgroundProtocol;
export type TabMessage = keyof TabProtocol;
