/**
 * The JSON API the pages use and the extension's adapter reads (README.md documents the shapes).
 * No access control beyond "who is signed in": every user may read every record (org-wide read).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpportunityJsonOut, UserJson } from '../../lib/crm/demo/api';
import type { DemoCrmData, DemoOpportunity } from './data';
import { cookies, sendError, sendJson } from './http-util';
import { decodeCursor, encodeCursor, parseLimit, parseQuery, QueryError, selectIds } from './query';
import { SHOWCASE_OWNER } from './showcase';

export const USER_COOKIE = 'demo_user';
export const USER_HEADER = 'x-demo-user';
export const DEFAULT_USER = SHOWCASE_OWNER;

export type SignedIn = { user: UserJson } | { error: string };

/** `X-Demo-User` header (id or name) first, then the `demo_user` cookie, else the default rep. */
export function signedInUser(req: IncomingMessage, data: DemoCrmData): SignedIn {
  const header = req.headers[USER_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const key = fromHeader !== undefined ? safeDecode(fromHeader) : (cookies(req)[USER_COOKIE] ?? DEFAULT_USER);
  const user = data.findUser(key);
  return user ? { user } : { error: `Unknown user "${key}".` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A list item: the record without its related lists, unless asked for. */
function listItem(record: DemoOpportunity, related: boolean): OpportunityJsonOut {
  if (related) return record;
  const { contact_roles: _roles, activities: _activities, ...rest } = record;
  return rest;
}

export function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, data: DemoCrmData): void {
  if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'The API is read-only.');
  const signedIn = signedInUser(req, data);
  if ('error' in signedIn) return sendError(res, 401, 'INVALID_SESSION', `${signedIn.error} Choose a user again.`);
  const me = signedIn.user;
  const path = url.pathname.replace(/\/$/, '');
  try {
    if (path === '/api/me') return sendJson(res, 200, me);
    if (path === '/api/users') return sendJson(res, 200, { results: data.users });
    if (path === '/api/opportunities') {
      const query = parseQuery(url.searchParams, data, me);
      const limit = parseLimit(url.searchParams);
      const offset = decodeCursor(url.searchParams.get('cursor'));
      const related = (url.searchParams.get('include') ?? '').split(',').includes('related');
      const ids = selectIds(data, query);
      const page = ids.slice(offset, offset + limit);
      const next = offset + limit < ids.length ? encodeCursor(offset + limit) : null;
      return sendJson(res, 200, { results: page.map((id) => listItem(data.get(id)!, related)), next, total: ids.length });
    }
    const neighbors = /^\/api\/opportunities\/([^/]+)\/neighbors$/.exec(path);
    if (neighbors) {
      // Previous/next record in the signed-in user's list (same filters and sort as the list page).
      const ids = selectIds(data, parseQuery(url.searchParams, data, me));
      const at = ids.indexOf(decodeURIComponent(neighbors[1]!));
      return sendJson(res, 200, {
        previous_id: at > 0 ? ids[at - 1] : null,
        next_id: at >= 0 && at < ids.length - 1 ? ids[at + 1] : null,
        position: at >= 0 ? at + 1 : null,
        total: ids.length,
      });
    }
    const record = /^\/api\/opportunities\/([^/]+)$/.exec(path);
    if (record) {
      const id = decodeURIComponent(record[1]!);
      const found = data.get(id);
      return found ? sendJson(res, 200, found) : sendError(res, 404, 'NOT_FOUND', `No opportunity with id ${id}.`);
    }
    sendError(res, 404, 'NOT_FOUND', `No API route ${path}.`);
  } catch (error) {
    if (error instanceof QueryError) return sendError(res, 400, error.code, error.message);
    throw error;
  }
}
