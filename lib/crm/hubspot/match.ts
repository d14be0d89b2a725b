/**
 * HubSpot deal records.
 *
 *   https://app.hubspot.com/contacts/{portalId}/record/0-3/{dealId}     (0-3 is the deal object type id)
 *   https://app.hubspot.com/contacts/{portalId}/deal/{dealId}           (older record URL, still linked)
 *   https://app-eu1.hubspot.com/…                                        (EU data centre)
 * with optional trailing path (`/`, `/view/1`) and query. Other hublets (app-na2, app-ap1 …) are not
 * matched until their API host is confirmed.
 *
 * `instance` is `<api host>/<portal id>`: the API host requests go to, plus the portal, because one
 * user may work in several portals and every token belongs to exactly one portal.
 */
import type { RecordRef } from '../../model';

export const CRM_ID = 'hubspot';

/** UI host -> API host (EU portals use the regional host, api-eu1.hubapi.com). */
export const API_HOSTS: Readonly<Record<string, string>> = {
  'app.hubspot.com': 'api.hubapi.com',
  'app-eu1.hubspot.com': 'api-eu1.hubapi.com',
};

const PATH = /^\/contacts\/(\d{1,12})\/(?:record\/0-3|deal)\/(\d{1,20})(?:\/[^?#]*)?$/;

export interface HubSpotInstance {
  apiHost: string;
  portalId: string;
}

export function parseInstance(instance: string): HubSpotInstance | null {
  const m = /^([a-z0-9.-]+)\/(\d{1,12})$/.exec(instance);
  if (!m || !Object.values(API_HOSTS).includes(m[1]!)) return null;
  return { apiHost: m[1]!, portalId: m[2]! };
}

/** The portal and API host of a HubSpot app page (any page of the portal, not only deals). */
export function hubspotPortalOf(url: string): HubSpotInstance | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const apiHost = API_HOSTS[u.hostname];
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || !apiHost) return null;
  const m = /^\/[a-z-]+\/(\d{1,12})(?:\/|$)/.exec(u.pathname);
  return m ? { apiHost, portalId: m[1]! } : null;
}

export function matchHubSpot(url: string): RecordRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const apiHost = API_HOSTS[u.hostname];
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || !apiHost) return null;
  const m = PATH.exec(u.pathname);
  if (!m) return null;
  return { crm: CRM_ID, instance: `${apiHost}/${m[1]}`, id: m[2]!, url };
}

/*
Test URLs:
https://app.hubspot.com/contacts/20417345/record/0-3/14583920011
https://app-eu1.hubspot.com/contacts/143641506/record/0-3/28811456790/view/1
https://app.hubspot.com/contacts/20417345/deal/14583920011/
*/
