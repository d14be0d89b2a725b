/**
 * The Salesforce session credential, background side (DESIGN §9: credentials only for the host of the
 * sender tab's own org).
 *
 * The Lightning UI runs on `acme.lightning.force.com`, whose `sid` cookie is not valid for the REST API;
 * the API-capable session is the `sid` cookie of the org's My Domain host `acme.my.salesforce.com`
 * (the same cookie Salesforce Inspector-style tools use). We read it only:
 *   - for a request to exactly the API host derived from the sender tab's Lightning host,
 *   - over https, default port, under `/services/`,
 *   - and only from a cookie that is `secure` and set for exactly that host.
 * The value is handed to the io that performs the request and is never stored or logged here.
 */
import { browser } from 'wxt/browser';
import { apiHostForLightningHost } from '../../crm/salesforce/match';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The API host the sender tab's session belongs to, or null when the tab is not a supported Lightning page. */
export function salesforceApiHostForTab(senderTabUrl: string): string | null {
  const tab = parse(senderTabUrl);
  if (!tab || tab.protocol !== 'https:' || tab.port !== '' || tab.username !== '' || tab.password !== '') return null;
  return apiHostForLightningHost(tab.hostname);
}

/** Pure decision: may the sid of the sender tab's org be attached to this request? */
export function mayUseSalesforceSession(senderTabUrl: string, requestUrl: string): boolean {
  const apiHost = salesforceApiHostForTab(senderTabUrl);
  const req = parse(requestUrl);
  if (!apiHost || !req) return false;
  return (
    req.protocol === 'https:' &&
    req.port === '' &&
    req.username === '' &&
    req.password === '' &&
    req.hostname === apiHost &&
    req.pathname.startsWith('/services/')
  );
}

/** The org id a session id starts with (`00D…!…`); null when the value has another shape. */
export function sessionOrgId(sid: string): string | null {
  const m = /^(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)!/.exec(sid);
  return m ? m[1]!.slice(0, 15) : null;
}

interface CookieLike {
  value: string;
  domain: string;
  secure: boolean;
}

export interface CookieReader {
  get(details: { url: string; name: string; storeId?: string }): Promise<CookieLike | null | undefined>;
}

/**
 * Thin browser-facing part: the sid for `requestUrl`, or null when it may not be used or is absent.
 * `storeId` is the sender tab's cookie store (Firefox containers, incognito).
 */
export async function readSalesforceSession(
  senderTabUrl: string,
  requestUrl: string,
  storeId?: string,
  cookies: CookieReader = browser.cookies as unknown as CookieReader,
): Promise<string | null> {
  if (!mayUseSalesforceSession(senderTabUrl, requestUrl)) return null;
  const apiHost = salesforceApiHostForTab(senderTabUrl)!;
  const store = storeId === undefined ? {} : { storeId };
  const api = await cookies.get({ url: `https://${apiHost}`, name: 'sid', ...store });
  if (!api || !api.secure || api.domain.replace(/^\./, '') !== apiHost || api.value === '') return null;
  // Defence in depth: the Lightning tab's own session must belong to the same org.
  const tab = await cookies.get({ url: new URL(senderTabUrl).origin, name: 'sid', ...store });
  const tabOrg = tab ? sessionOrgId(tab.value) : null;
  const apiOrg = sessionOrgId(api.value);
  if (tabOrg && apiOrg && tabOrg !== apiOrg) return null;
  return api.value;
}
