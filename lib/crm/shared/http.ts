/**
 * One place where an adapter's request becomes either a JSON body or a CrmError with plain words.
 * Adapters stay pure: the only I/O is the injected CrmFetch.
 */
import { CrmError, errorForStatus, type CrmFetch, type CrmResponse } from '../types';

export type CrmRequestInit = NonNullable<Parameters<CrmFetch>[1]>;

/**
 * Vendor-specific reading of an error body (Salesforce errorCode, Dynamics error.code, …).
 * Return a CrmError to use it, or null to fall back to the generic status mapping.
 */
export type ErrorClassifier = (status: number, body: unknown) => CrmError | null;

export interface Caller {
  label: string;
  classify?: ErrorClassifier;
}

/** Perform one request; network failures become 'offline' / 'timeout' rather than raw exceptions. */
export async function send(io: CrmFetch, url: string, init: CrmRequestInit | undefined, who: Caller): Promise<CrmResponse> {
  try {
    return await io(url, init);
  } catch (error) {
    if (error instanceof CrmError) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new CrmError('timeout', `${who.label} did not answer in time. Showing cached data if there is any.`);
    }
    throw new CrmError('offline', `Could not reach ${who.label} (offline or blocked). Showing cached data if there is any.`);
  }
}

/** Turn a non-2xx response into the right CrmError; a rate limit keeps the CRM's Retry-After. */
export function failure(res: CrmResponse, who: Caller): CrmError {
  const error = who.classify?.(res.status, res.body) ?? errorForStatus(res.status, who.label) ?? new CrmError('server', `${who.label} answered with HTTP ${res.status}.`, res.status);
  const retryAfter = res.headers['retry-after'];
  if (error.kind === 'rate-limited' && retryAfter) error.retryAfter = retryAfter;
  return error;
}

/** GET/POST and return the JSON body of a 2xx answer, or throw the mapped CrmError. */
export async function fetchJson(io: CrmFetch, url: string, init: CrmRequestInit | undefined, who: Caller, what: string): Promise<unknown> {
  const res = await send(io, url, init, who);
  if (res.status < 200 || res.status >= 300) throw failure(res, who);
  if (typeof res.body === 'string' || res.body === undefined || res.body === null) {
    throw new CrmError('malformed', `${who.label} sent something that is not JSON for ${what}.`, res.status);
  }
  return res.body;
}
