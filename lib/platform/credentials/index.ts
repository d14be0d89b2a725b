/**
 * One entry point for the background's io: which credential header (if any) a CRM request from a
 * given tab may carry. Dynamics (transport 'page') never gets one: its requests run in the page.
 */
import { CrmError, type CrmFetch } from '../../crm/types';
import { readSalesforceSession, type CookieReader } from './salesforce';
import { tokenHeaders, type TokenArea } from './tokens';

export { mayUseSalesforceSession, readSalesforceSession, salesforceApiHostForTab, sessionOrgId } from './salesforce';
export { isPlausibleHubSpotToken, isPlausiblePipedriveToken, mayUseHubSpotToken, mayUsePipedriveToken, redactToken, saveToken, tokenHeaders, tokenOwners, tokenSummaries } from './tokens';

export interface SenderTab {
  /** The URL of the tab whose content script asked (the record page). */
  url: string;
  /** Firefox containers / incognito cookie store of the tab. */
  cookieStoreId?: string;
}

/** Where credentials are read from; the browser's cookie jar and storage.local unless injected (tests). */
export interface CredentialSources {
  cookies?: CookieReader;
  tokens?: TokenArea;
}

export async function credentialHeaders(crm: string, tab: SenderTab, requestUrl: string, sources: CredentialSources = {}): Promise<Record<string, string> | null> {
  switch (crm) {
    case 'salesforce': {
      const sid = await readSalesforceSession(tab.url, requestUrl, tab.cookieStoreId, sources.cookies);
      return sid ? { Authorization: `Bearer ${sid}` } : null;
    }
    case 'hubspot':
    case 'pipedrive':
      return tokenHeaders(crm, tab.url, requestUrl, sources.tokens);
    default:
      return null;
  }
}

function missing(crm: string): CrmError {
  switch (crm) {
    case 'salesforce':
      return new CrmError('session-expired', 'No Salesforce session for this org in this browser. Reload your Salesforce tab and sign in again.');
    case 'hubspot':
      return new CrmError('not-configured', 'No HubSpot private app token is saved for this portal. Add one in Options → Connections → HubSpot.');
    case 'pipedrive':
      return new CrmError('not-configured', 'No Pipedrive API token is saved for this company. Add yours in Options → Connections → Pipedrive.');
    default:
      return new CrmError('forbidden', 'Deal Coach has no credential for this request.');
  }
}

/**
 * Wrap a 'background' io so every request carries the credential of the sender tab's own org /
 * portal / company — or is not sent at all (no credential, or a URL the credential may not go to).
 */
export function withCredentials(io: CrmFetch, crm: string, tab: SenderTab, sources: CredentialSources = {}): CrmFetch {
  return async (url, init) => {
    const headers = await credentialHeaders(crm, tab, url, sources);
    if (!headers) throw missing(crm);
    return io(url, { ...init, headers: { ...init?.headers, ...headers } });
  };
}
