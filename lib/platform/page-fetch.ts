/**
 * The content-script side of 'page' transport: the background asks, the page fetches with its
 * own session cookie. Same-origin only: any other origin is refused here, whatever the
 * background asked (DESIGN §9). No zod: the content script budget (DESIGN §8).
 */
import { trytonPageHeaders } from '../crm/tryton/session';
import type { PageFetchReply, PageFetchRequest } from './protocol';
import { responseParts } from './response-parts';
import { CRM_TIMEOUT_MS } from './cache-policy';

export const PAGE_FETCH_TIMEOUT_MS = CRM_TIMEOUT_MS;

export async function pageFetch(request: PageFetchRequest, pageUrl: string = location.href, signal?: AbortSignal): Promise<PageFetchReply> {
  let target: URL;
  try {
    target = new URL(request.url, pageUrl);
  } catch {
    return { kind: 'error', errorKind: 'refused', message: 'Deal Coach refused a request to an invalid URL.' };
  }
  const pageOrigin = new URL(pageUrl).origin;
  if (target.origin !== pageOrigin) return { kind: 'error', errorKind: 'refused', message: `Deal Coach refused a request to ${target.origin} from ${pageOrigin}.` };
  const method = request.method === 'POST' ? 'POST' : 'GET';
  const timeout = AbortSignal.timeout(PAGE_FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(target.href, {
      method,
      // Tryton's sao keeps its session in the page's localStorage, not a cookie: added here, so it never leaves the page.
      headers: { Accept: 'application/json', ...request.headers, ...trytonPageHeaders(target.href, pageStorage), 'X-Requested-With': 'XMLHttpRequest' },
      body: method === 'POST' ? request.body : undefined,
      credentials: 'same-origin',
      mode: 'same-origin',
      // A redirect is almost always the CRM's sign-in page: say so rather than parse HTML.
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (response.type === 'opaqueredirect') {
      return { kind: 'error', errorKind: 'session-expired', message: 'The CRM sent Deal Coach to another page (usually its sign-in page). Reload your CRM tab and sign in again.' };
    }
    return { kind: 'response', ...(await responseParts(response)) };
  } catch (error) {
    if (timeout.aborted) return { kind: 'error', errorKind: 'timeout', message: `The CRM did not answer within ${PAGE_FETCH_TIMEOUT_MS / 1000} s.` };
    if (signal?.aborted) return { kind: 'error', errorKind: 'offline', message: 'The page was closed or reloaded before the CRM answered.' };
    return { kind: 'error', errorKind: 'offline', message: `Could not reach the CRM (${error instanceof Error ? error.message : 'network error'}). You may be offline.` };
  }
}

/** The page's localStorage, read-only; nothing when the page forbids it (sandboxed frames, blocked storage). */
const pageStorage = {
  getItem(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
};
