/**
 * The fault matrix's table (DESIGN §9, issue 8): the API faults every CRM is tried with, and the
 * words the sidebar must show for each. The numbers a cell checks come from the product's own
 * policy, imported rather than copied, so a policy change moves the test with it.
 */
import { BACKOFF_BASE_MS, CRM_TIMEOUT_MS, RATE_LIMIT_DEFAULT_MS } from '../../../lib/platform/cache-policy';

export const FAULTS = ['401', '403', '404', '429', '500', 'malformed', 'hang', 'offline'] as const;
export type FaultKind = (typeof FAULTS)[number];

export type CrmName = 'demo' | 'salesforce' | 'dynamics' | 'hubspot' | 'pipedrive';

/** Both transports give up after CRM_TIMEOUT_MS (crm-io.ts, page-fetch.ts); the server holds a hung request at least 30 s, longer than that. */
export { CRM_TIMEOUT_MS };
export const HANG_MS = Math.max(30_000, CRM_TIMEOUT_MS * 2);

/** What a cell waits for the first error: the timeout plus room for a loaded machine. */
export const errorWaitMs = (fault: FaultKind) => (fault === 'hang' ? CRM_TIMEOUT_MS + 15_000 : 20_000);

/**
 * No retry storm: after a failed read the deal's key backs off for at least BACKOFF_BASE_MS (15 s;
 * a rate limit: the CRM's Retry-After or RATE_LIMIT_DEFAULT_MS, never less than the base). A cell's
 * window — the failing read plus two page reloads, all well inside one back-off — may therefore
 * hold at most this many requests to the deal's endpoint: the one read that failed.
 */
export const MAX_READS_PER_BACKOFF = 1;
export const BACKOFF_FLOOR_MS = Math.min(BACKOFF_BASE_MS, RATE_LIMIT_DEFAULT_MS);

/** Retry-After the vendors that send one are given (seconds): shorter than the back-off floor, so the floor applies. */
export const RETRY_AFTER_S = 20;

export interface Expected {
  /** The ErrorState title (components/sidebar/ErrorState.tsx): one per fault kind. */
  title: RegExp;
  /** The plain-words message: what happened and what to do. */
  message: RegExp;
}

/** Expected words per fault; `label` is the CRM's name as the sidebar shows it. */
export function expected(fault: FaultKind, crm: CrmName, label: string): Expected {
  const tokenCrm = crm === 'hubspot' || crm === 'pipedrive';
  switch (fault) {
    case '401':
      return tokenCrm
        ? { title: new RegExp(`Deal Coach is not connected to ${label}`), message: /rejected the (private app|API) token .* Paste (a|your) current token/ }
        : { title: new RegExp(`Your ${label} session has expired`), message: /session has expired.* Reload your .* tab and sign in again/ };
    case '403':
      return { title: /No access to this deal/, message: crm === 'salesforce' ? /API is not enabled|API access is not enabled/ : /refused/ };
    case '404':
      return { title: new RegExp(`${label} could not find this deal`), message: /could not find this (deal|record|opportunity)/ };
    case '429':
      return { title: new RegExp(`${label} API limit reached`), message: /(slow down|API request limit).* Deal Coach will not ask .* again before \d{1,2}:\d{2}/ };
    case '500':
      return { title: new RegExp(`${label} answered with an error`), message: /answered with an error \(HTTP 500\)/ };
    case 'malformed':
      return { title: /This deal could not be read/, message: /(not JSON|could not read)/ };
    case 'hang':
      return { title: new RegExp(`${label} did not answer in time`), message: new RegExp(`did not answer within ${CRM_TIMEOUT_MS / 1000} s`) };
    case 'offline':
      return { title: /You are offline/, message: /(Could not reach|offline)/ };
  }
}
