/**
 * Pipedrive deal pages: `https://<company>.pipedrive.com/deal/<id>` (optional trailing slash, query or
 * hash). The API is served from the same company domain (`https://<company>.pipedrive.com/api/v2/…`),
 * so `instance` is that host. `app.pipedrive.com` (a redirector, not a company) and `api.pipedrive.com`
 * are not companies.
 */
import type { RecordRef } from '../../model';

export const CRM_ID = 'pipedrive';

const HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.pipedrive\.com$/;
const NOT_COMPANIES = new Set(['www', 'app', 'api', 'developers', 'oauth', 'marketplace', 'support', 'status']);

export function isPipedriveCompanyHost(host: string): boolean {
  const m = HOST.exec(host.toLowerCase());
  return m !== null && !NOT_COMPANIES.has(m[1]!);
}

export function matchPipedrive(url: string): RecordRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || !isPipedriveCompanyHost(u.hostname)) return null;
  const m = /^\/deal\/(\d{1,15})\/?$/.exec(u.pathname);
  if (!m) return null;
  return { crm: CRM_ID, instance: u.hostname.toLowerCase(), id: m[1]!, url };
}

/*
Test URLs:
https://acme.pipedrive.com/deal/1234
https://acme-sales.pipedrive.com/deal/1234?tab=activity
*/
