/**
 * Tryton's web client (sao) opportunity forms. The record is named only in the URL's fragment:
 *
 *   http(s)://<host>[:port]/#<database>/model/sale.opportunity/<id>[;name=…&views=…]
 *
 * sao writes `#<db>/model/<model>/<id>` for a saved record in a form view and adds `;`-separated
 * parameters (name, views, context…); older links may start with `#!`. The database name may be
 * URL-encoded. List views (`#<db>/model/sale.opportunity;…`, no id) and unsaved records (no id) are
 * not records. Tryton is self-hosted: any host, http or https, any port; sao is served at `/`.
 */
import type { RecordRef } from '../../model';

export const CRM_ID = 'tryton';
export const LABEL = 'Tryton';
export const OPPORTUNITY_MODEL = 'sale.opportunity';

/** The database and the rest of the fragment's path (`model/sale.opportunity/24`); null when the fragment names no database. */
function fragment(url: URL): { database: string; path: string[] } | null {
  const hash = url.hash.replace(/^#!?/, '');
  const path = hash.split(';', 1)[0] ?? '';
  const [database, ...rest] = path.split('/');
  if (!database) return null;
  try {
    return { database: decodeURIComponent(database), path: rest.map((part) => decodeURIComponent(part)) };
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

export function matchTryton(url: string): RecordRef | null {
  const u = parse(url);
  if (!u || u.username !== '' || u.pathname !== '/') return null;
  const f = fragment(u);
  if (!f || f.path.length !== 3) return null;
  const [kind, model, id] = f.path;
  if (kind !== 'model' || model !== OPPORTUNITY_MODEL || !id || !/^[1-9]\d{0,15}$/.test(id)) return null;
  return { crm: CRM_ID, instance: u.host.toLowerCase(), id, url };
}

/** The database a sao URL works in (`#dealcoach/…` → `dealcoach`); null for a page without one (the login screen). */
export function databaseOf(url: string): string | null {
  const u = parse(url);
  return u ? (fragment(u)?.database ?? null) : null;
}

/** Where sao sends its JSON-RPC: `POST <origin>/<database>/`. */
export function endpointOf(url: string, database: string): string {
  return `${new URL(url).origin}/${encodeURIComponent(database)}/`;
}

/** The sao URL of an opportunity, for deals read in bulk (no page URL of their own). */
export function recordUrl(origin: string, database: string, id: number | string): string {
  return `${origin}/#${encodeURIComponent(database)}/model/${OPPORTUNITY_MODEL}/${id}`;
}

/*
Test URLs:
http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24
http://127.0.0.1:8700/#dealcoach/model/sale.opportunity/24;name=%22Opportunities%22&views=%5B%5B175%2C%22form%22%5D%5D
https://erp.example.com/#!acme%20prod/model/sale.opportunity/7
Not records: http://127.0.0.1:8700/#dealcoach/model/sale.opportunity;name=%22Opportunities%22  http://127.0.0.1:8700/#dealcoach
*/
