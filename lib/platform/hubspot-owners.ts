/**
 * The options page's HubSpot owner picker, background side: the portal's owners through the same io
 * as every HubSpot read (the saved token goes to that portal's own API host only). The choice itself
 * is kept by hubspot-owner-choice.ts.
 */
import { listHubSpotOwners } from '../crm/hubspot';
import { API_HOSTS } from '../crm/hubspot/match';
import { OWNERS_PATH } from '../crm/hubspot/queries';
import { tokenHeaders } from './credentials';
import type { CrmAdapter, CrmFetch } from '../crm/types';
import { adapterById } from '../crm/registry';
import type { IoTarget } from './crm-io';
import { describeError } from './crm-io';
import type { HubSpotOwnersReply } from './protocol';

/** Owners listed in the picker at most (a portal with more is better served by typing the email). */
const MAX_OWNERS = 5000;

export interface OwnerListDeps {
  ioFor(adapter: CrmAdapter, at: IoTarget, tabId: number | null): CrmFetch | null;
  /** May the saved token of the page `tabUrl` go to `requestUrl`? (tokens.ts; its region picks the host.) */
  tokenFor?(tabUrl: string, requestUrl: string): Promise<boolean>;
}

/**
 * The portal's owners, sorted by name, through the background's io (the saved token goes to the
 * portal's own API host only). Tried on the US host, then the EU one: the token's region decides.
 */
export async function listOwners(portal: string, deps: OwnerListDeps): Promise<HubSpotOwnersReply> {
  const adapter = adapterById('hubspot');
  if (!adapter) return { kind: 'error', errorKind: 'internal', message: 'HubSpot is not available in this build.' };
  const tokenFor = deps.tokenFor ?? (async (tabUrl: string, url: string) => (await tokenHeaders('hubspot', tabUrl, url)) !== null);
  for (const [uiHost, apiHost] of Object.entries(API_HOSTS)) {
    const instance = `${apiHost}/${portal}`;
    const tabUrl = `https://${uiHost}/contacts/${portal}/`;
    if (!(await tokenFor(tabUrl, `https://${apiHost}${OWNERS_PATH}`))) continue;
    const io = deps.ioFor(adapter, { crm: 'hubspot', instance, pageOrigin: `https://${uiHost}`, tabUrl }, null);
    if (!io) continue;
    try {
      const owners = (await listHubSpotOwners(instance, io)).slice(0, MAX_OWNERS);
      owners.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return { kind: 'ready', instance, owners };
    } catch (error) {
      const { errorKind, message } = describeError(error, 'HubSpot');
      return { kind: 'error', errorKind, message };
    }
  }
  return { kind: 'error', errorKind: 'not-configured', message: 'No HubSpot private app token is saved for this portal. Save one above first.' };
}
