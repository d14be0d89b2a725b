/**
 * HubSpot private app tokens and Pipedrive API tokens, background side.
 *
 * - Stored in `storage.local` only (never `sync`, never in settings exports), one per portal / company.
 * - Attached only to a request for the API host that belongs to the sender tab's own portal / company
 *   (DESIGN §9), over https, on the API paths.
 * - Never logged: nothing in this module prints a token; `redactToken` is for any diagnostics.
 */
import { browser } from 'wxt/browser';
import { API_HOSTS, hubspotPortalOf } from '../../crm/hubspot/match';
import { isPipedriveCompanyHost } from '../../crm/pipedrive/match';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function plainHttps(u: URL): boolean {
  return u.protocol === 'https:' && u.port === '' && u.username === '' && u.password === '';
}

/** Private app tokens look like `pat-na1-<uuid>` / `pat-eu1-<uuid>`; the region must match the API host. */
const HUBSPOT_TOKEN = /^pat-([a-z]{2}\d)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HUBLET_API: Readonly<Record<string, string>> = { na1: 'api.hubapi.com', eu1: 'api-eu1.hubapi.com' };
/** Pipedrive personal API tokens are 40 hexadecimal characters. */
const PIPEDRIVE_TOKEN = /^[0-9a-f]{40}$/i;

export function isPlausibleHubSpotToken(token: string): boolean {
  return HUBSPOT_TOKEN.test(token.trim());
}

export function isPlausiblePipedriveToken(token: string): boolean {
  return PIPEDRIVE_TOKEN.test(token.trim());
}

export function redactToken(token: string): string {
  return token.length <= 8 ? '••••' : `${token.slice(0, 4)}…${token.slice(-2)}`;
}

/** Pure: may the token of the sender tab's HubSpot portal go with this request? */
export function mayUseHubSpotToken(senderTabUrl: string, requestUrl: string, token?: string): boolean {
  const portal = hubspotPortalOf(senderTabUrl);
  const req = parse(requestUrl);
  if (!portal || !req || !plainHttps(req) || req.hostname !== portal.apiHost) return false;
  if (!/^\/(crm|account-info)\//.test(req.pathname)) return false;
  if (token !== undefined) {
    const m = HUBSPOT_TOKEN.exec(token.trim());
    const hublet = m?.[1]?.toLowerCase();
    if (hublet && HUBLET_API[hublet] !== undefined && HUBLET_API[hublet] !== req.hostname) return false;
  }
  return Object.values(API_HOSTS).includes(req.hostname);
}

/** Pure: may the Pipedrive token of the sender tab's company go with this request? */
export function mayUsePipedriveToken(senderTabUrl: string, requestUrl: string): boolean {
  const tab = parse(senderTabUrl);
  const req = parse(requestUrl);
  if (!tab || !req || !plainHttps(tab) || !plainHttps(req)) return false;
  if (!isPipedriveCompanyHost(tab.hostname) || req.hostname !== tab.hostname) return false;
  return /^\/api\/v[12]\//.test(req.pathname);
}

/** Where tokens live; `storage.local` by default, injectable for tests. */
export interface TokenArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = { hubspot: 'credentials.hubspot', pipedrive: 'credentials.pipedrive' } as const;
type Kind = keyof typeof KEY;

function localArea(): TokenArea {
  return browser.storage.local as unknown as TokenArea;
}

async function readAll(kind: Kind, area: TokenArea): Promise<Record<string, string>> {
  const raw = (await area.get(KEY[kind]))[KEY[kind]];
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Save (or, with null, delete) the token of one HubSpot portal / Pipedrive company host. */
export async function saveToken(kind: Kind, owner: string, token: string | null, area: TokenArea = localArea()): Promise<void> {
  const all = await readAll(kind, area);
  if (token === null) delete all[owner];
  else all[owner] = token.trim();
  await area.set({ [KEY[kind]]: all });
}

/** Which portals / companies have a token (for the options page), without the tokens themselves. */
export async function tokenOwners(kind: Kind, area: TokenArea = localArea()): Promise<string[]> {
  return Object.keys(await readAll(kind, area));
}

/** The saved tokens, redacted, for the options page (the token itself never leaves this module for display). */
export async function tokenSummaries(kind: Kind, area: TokenArea = localArea()): Promise<{ owner: string; redacted: string }[]> {
  return Object.entries(await readAll(kind, area)).map(([owner, token]) => ({ owner, redacted: redactToken(token) }));
}

/** The header to add to `requestUrl`, or null when no token may be used for it. */
export async function tokenHeaders(kind: Kind, senderTabUrl: string, requestUrl: string, area: TokenArea = localArea()): Promise<Record<string, string> | null> {
  const all = await readAll(kind, area);
  if (kind === 'hubspot') {
    const portal = hubspotPortalOf(senderTabUrl);
    const token = portal ? all[portal.portalId] : undefined;
    if (!portal || !token || !mayUseHubSpotToken(senderTabUrl, requestUrl, token)) return null;
    return { Authorization: `Bearer ${token}` };
  }
  const tab = parse(senderTabUrl);
  const token = tab ? all[tab.hostname.toLowerCase()] : undefined;
  if (!token || !mayUsePipedriveToken(senderTabUrl, requestUrl)) return null;
  return { 'x-api-token': token };
}
