/**
 * The `io` an adapter reads its CRM with (DESIGN §7): through the CRM tab's content script
 * ('page' transport, the page's own session) or from the service worker ('background').
 * Both are pinned to the instance's origin and count their calls for the options page.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CrmError, type CrmAdapter, type CrmErrorKind, type CrmFetch } from '../crm/types';
import { originOf } from './guards';
import { tabMessenger } from './messaging';
import { PageFetchReply } from './schemas';
import { responseParts } from './response-parts';
import { CRM_TIMEOUT_MS, retryAfterMs } from './cache-policy';

const TIMEOUT_MS = CRM_TIMEOUT_MS;
const CRM_ERROR_KINDS = new Set<string>(['session-expired', 'forbidden', 'not-found', 'rate-limited', 'server', 'malformed', 'offline', 'timeout', 'not-configured']);

/** Refuse any URL outside the instance, whatever an adapter asks for. */
function pinned(url: string, origin: string, label: string): string {
  const absolute = new URL(url, origin).href;
  if (originOf(absolute) !== origin) throw new CrmError('forbidden', `Deal Coach only talks to ${label} at ${origin}; refused a request to another site.`);
  return absolute;
}

/** 'page' transport: ask the tab's content script to fetch on the page's origin. */
export function pageTransport(tabId: number, origin: string, label: string): CrmFetch {
  return async (url, init) => {
    const target = pinned(url, origin, label);
    let raw: unknown;
    try {
      raw = await tabMessenger.sendMessage('pageFetch', { url: target, ...init }, { tabId, frameId: 0 });
    } catch {
      throw new CrmError('offline', `The ${label} tab did not answer. Reload the tab and try again.`);
    }
    const reply = PageFetchReply.safeParse(raw);
    if (!reply.success) throw new CrmError('malformed', `The ${label} tab sent an answer Deal Coach could not read.`);
    if (reply.data.kind === 'error') {
      const kind = CRM_ERROR_KINDS.has(reply.data.errorKind) ? (reply.data.errorKind as CrmErrorKind) : 'offline';
      throw new CrmError(kind, reply.data.message);
    }
    const { status, headers, body } = reply.data;
    return { status, headers, body };
  };
}

/**
 * 'background' transport: the service worker fetches the adapter's API origin directly. No ambient
 * cookies (`credentials: 'omit'`): the only credential is the header `withCredentials` adds for the
 * sender tab's own org / portal / company.
 */
export function backgroundTransport(origin: string, label: string): CrmFetch {
  return async (url, init) => {
    const target = pinned(url, origin, label);
    let response: Response;
    try {
      response = await fetch(target, {
        method: init?.method ?? 'GET',
        headers: { Accept: 'application/json', ...init?.headers },
        body: init?.body,
        credentials: 'omit',
        // A redirect from an API host is a sign-in page or a proxy: never follow it with a credential.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') throw new CrmError('timeout', `${label} did not answer within ${TIMEOUT_MS / 1000} s.`);
      throw new CrmError('offline', `Could not reach ${label}: you may be offline.`);
    }
    if (response.type === 'opaqueredirect') throw new CrmError('session-expired', `${label} sent Deal Coach to another page (usually its sign-in page). Reload your ${label} tab and sign in again.`);
    return responseParts(response);
  };
}

/** Count each request made, for "API calls today" (DESIGN §8). */
export function counted(io: CrmFetch, onCall: () => void): CrmFetch {
  return (url, init) => {
    onCall();
    return io(url, init);
  };
}

/** A top-level tab currently showing this instance, most recently used first; null when none. */
export async function findCrmTab(origin: string): Promise<number | null> {
  const tabs = await browser.tabs.query({ url: `${new URL(origin).protocol}//${new URL(origin).hostname}/*` }).catch(() => []);
  const open = tabs.filter((tab) => tab.id !== undefined && tab.url !== undefined && originOf(tab.url) === origin && tab.discarded !== true);
  open.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return open[0]?.id ?? null;
}

/** What the background needs to build an adapter's io for one instance. */
export interface IoTarget {
  crm: string;
  instance: string;
  /** `scheme://host[:port]` of the CRM's pages. */
  pageOrigin: string;
  /**
   * The tab whose credential may be used: the sender tab of a coaching request, or for the popup,
   * review and hourly refresh the last record page of that connection seen from a sender tab.
   */
  tabUrl: string;
}

/**
 * Where an adapter's requests may go for an instance: its API origin for 'background' adapters
 * (Salesforce's My Domain host, HubSpot's API host, the Pipedrive company), else the page's origin.
 */
export function requestOriginFor(adapter: CrmAdapter, instance: string, pageOrigin: string): string {
  return adapter.transport === 'background' && adapter.apiOrigin ? adapter.apiOrigin(instance) : pageOrigin;
}

/**
 * The io an adapter uses for one instance, or null when a 'page' adapter has no tab to go through.
 * Either way pinned: a request to any other origin is refused before it is made.
 */
export function transportFor(adapter: CrmAdapter, at: { instance: string; pageOrigin: string }, tabId: number | null): CrmFetch | null {
  if (adapter.transport === 'background') return backgroundTransport(requestOriginFor(adapter, at.instance, at.pageOrigin), adapter.label);
  return tabId === null ? null : pageTransport(tabId, at.pageOrigin, adapter.label);
}

/** Any failure as the sidebar's words: CRM errors keep theirs, a failed parse names what could not be read. */
export function describeError(error: unknown, label: string): { errorKind: CrmErrorKind | 'internal'; message: string; retryAfterMs?: number } {
  if (error instanceof CrmError) {
    const wait = retryAfterMs(error.retryAfter, Date.now());
    return { errorKind: error.kind, message: error.message, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  }
  if (error instanceof z.ZodError) {
    const fields = [...new Set(error.issues.map((issue) => issue.path.filter((p) => typeof p === 'string').join('.') || '(root)'))].slice(0, 4);
    return { errorKind: 'malformed', message: `${label} answered, but Deal Coach could not read ${fields.join(', ')}.` };
  }
  return { errorKind: 'internal', message: `Deal Coach hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}` };
}
