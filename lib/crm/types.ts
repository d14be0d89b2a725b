import type { Deal, RecordRef } from '../model';

/**
 * The only I/O an adapter may use: a fetch, injected so tests replay recorded responses
 * and so the background can add credentials for the right host only (DESIGN §7, §9).
 */
export type CrmFetch = (url: string, init?: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }) => Promise<CrmResponse>;

export interface CrmResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when the body is not JSON. */
  body: unknown;
}

export interface HistoryQuery {
  /** CRM user id of the owner whose closed and open deals are wanted. */
  ownerId?: string;
  /** Owner ids of a manager's team. */
  teamOwnerIds?: string[];
  /** Only deals created or closed on/after this date. */
  since?: string;
}

/** Why reading failed, in words the sidebar can show (DESIGN §9). */
export type CrmErrorKind = 'session-expired' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'malformed' | 'offline' | 'timeout' | 'not-configured';

export class CrmError extends Error {
  /** The CRM's Retry-After header on a rate limit (seconds or an HTTP date), as sent: the background's back-off honours it. */
  retryAfter?: string;

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export interface CrmAdapter {
  id: string;
  /** Human name for messages: "Salesforce", "Demo CRM". */
  label: string;
  /**
   * Who performs the adapter's requests. 'page': a same-origin fetch from the content script, so
   * the CRM's own session cookie applies (demo CRM, Dynamics, Tryton). 'background': the service
   * worker, which may add a credential for that host only (Salesforce sid, HubSpot/Pipedrive token).
   */
  transport: 'page' | 'background';
  /**
   * The origin a 'background' adapter's requests go to, from `ref.instance` (Salesforce's My Domain
   * API host, HubSpot's api host, the Pipedrive company host). The background pins its io to it and
   * refuses any other origin. Omitted: the record page's own origin.
   */
  apiOrigin?(instance: string): string;
  /** Recognise a record page; null for any other page. Pure: no DOM, just the URL. */
  matches(url: string): RecordRef | null;
  readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal>;
  readHistory(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, query: HistoryQuery, io: CrmFetch): Promise<Deal[]>;
  /** The signed-in CRM user, and the owners reporting to them when they manage a team. */
  whoAmI(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, io: CrmFetch, hint?: WhoAmIHint): Promise<CrmUser>;
  /**
   * Optional: owner ids of `ownerId`'s team (the reps sharing their manager, the owner included),
   * read when the owner has too few won deals for a typical cycle of their own (DESIGN §4). An
   * adapter without it is coached on the owner's own history, and the sidebar says so.
   */
  teamOf?(ref: Pick<RecordRef, 'crm' | 'instance' | 'url'>, ownerId: string, io: CrmFetch): Promise<string[]>;
}

/** What the person told Deal Coach about themselves in options, for CRMs whose credential does not say who they are (HubSpot private apps). */
export interface WhoAmIHint {
  email?: string;
  /** HubSpot: the owner the person picked in options (preferred over the email). */
  ownerId?: string;
}

export interface CrmUser {
  id: string;
  name: string;
  /** Owner ids of the user's direct team (empty for a rep). */
  teamOwnerIds: string[];
}

/** Map an HTTP status to the sidebar's words. */
export function errorForStatus(status: number, crmLabel: string): CrmError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return new CrmError('session-expired', `${crmLabel} says your session has expired. Reload your CRM tab and sign in again.`, status);
  if (status === 403) return new CrmError('forbidden', `${crmLabel} refused access to this record with your permissions.`, status);
  if (status === 404) return new CrmError('not-found', `${crmLabel} could not find this record (it may have been deleted or you lack access).`, status);
  if (status === 429) return new CrmError('rate-limited', `${crmLabel} asked us to slow down (API limit reached). Showing cached data.`, status);
  return new CrmError('server', `${crmLabel} answered with an error (HTTP ${status}).`, status);
}
