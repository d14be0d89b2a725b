/**
 * When to serve the cache, when to read the CRM, and when to hold back (DESIGN §8-9).
 * Pure decisions, separate from IndexedDB, so the rules are unit-tested on plain numbers.
 */
import type { ReplyErrorKind } from './protocol';

/** A deal is re-read after 2 minutes; an owner's history at most hourly. */
export const DEAL_TTL_MS = 2 * 60_000;
export const HISTORY_TTL_MS = 60 * 60_000;
export const USER_TTL_MS = 60 * 60_000;

/** After an error, wait 15 s, 30 s, 1 min … up to 5 minutes before asking the CRM again (Refresh skips it). */
export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** How long either transport waits for a CRM answer before saying it timed out (crm-io.ts, page-fetch.ts). */
export const CRM_TIMEOUT_MS = 15_000;
/** When a CRM says "slow down" without saying for how long. */
export const RATE_LIMIT_DEFAULT_MS = 60_000;

export type Freshness = 'fresh' | 'stale' | 'missing';

/** Fresh while younger than `ttlMs`. An entry dated in the future (clock change) counts as stale. */
export function freshness(fetchedAt: string | null | undefined, now: number, ttlMs: number): Freshness {
  if (!fetchedAt) return 'missing';
  const at = Date.parse(fetchedAt);
  if (Number.isNaN(at)) return 'missing';
  const age = now - at;
  return age >= 0 && age < ttlMs ? 'fresh' : 'stale';
}

export interface Backoff {
  failures: number;
  /** Epoch ms before which the CRM is not asked again for this key. */
  until: number;
  lastError: { errorKind: ReplyErrorKind; message: string };
}

export function nextBackoff(previous: Backoff | undefined, now: number, error: { errorKind: ReplyErrorKind; message: string; retryAfterMs?: number }): Backoff {
  const failures = (previous?.failures ?? 0) + 1;
  let delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
  if (error.errorKind === 'rate-limited') delay = Math.min(BACKOFF_MAX_MS * 2, Math.max(delay, error.retryAfterMs ?? RATE_LIMIT_DEFAULT_MS));
  return { failures, until: now + delay, lastError: { errorKind: error.errorKind, message: error.message } };
}

export function isBackingOff(backoff: Backoff | undefined, now: number): backoff is Backoff {
  return backoff !== undefined && now < backoff.until;
}

export type ReadPlan =
  /** Fresh cache: answer from it, no request. */
  | { action: 'serve' }
  /** Stale cache: answer from it now, read the CRM in the background, push the result. */
  | { action: 'serve-and-revalidate' }
  /** Stale cache while backing off: answer from it, no request. */
  | { action: 'serve-stale' }
  /** Nothing usable cached (or a forced refresh): read the CRM and answer with the result. */
  | { action: 'read' }
  /** Nothing cached while backing off: answer with the last error, no request. */
  | { action: 'fail-fast' };

/**
 * One decision per request. A forced refresh (the person clicked Refresh) skips the ordinary
 * error back-off, but not a CRM's own rate limit.
 */
export function planRead(input: { freshness: Freshness; force: boolean; backoff: Backoff | undefined; now: number }): ReadPlan {
  const { freshness: state, force, backoff, now } = input;
  const backingOff = isBackingOff(backoff, now);
  if (force) {
    if (backingOff && backoff.lastError.errorKind === 'rate-limited') return state === 'missing' ? { action: 'fail-fast' } : { action: 'serve-stale' };
    return { action: 'read' };
  }
  if (state === 'fresh') return { action: 'serve' };
  if (state === 'stale') return backingOff ? { action: 'serve-stale' } : { action: 'serve-and-revalidate' };
  return backingOff ? { action: 'fail-fast' } : { action: 'read' };
}

/** "Deal Coach will not ask HubSpot again before 4:52 PM." — the back-off's end, local time of day. */
export function askAgainNote(crmLabel: string, until: number): string {
  const time = new Date(until).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  return `Deal Coach will not ask ${crmLabel} again before ${time}.`;
}

/** Parse a Retry-After header (seconds or an HTTP date) to milliseconds. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The person's local calendar day, used to count API calls per instance per day. */
export function usageDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
