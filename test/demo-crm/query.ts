/** Filtering, sorting and cursor paging of the opportunity list (GET /api/opportunities). */
import { dayNumber, isValidDate } from '../../lib/dates';
import type { UserJson } from '../../lib/crm/demo/api';
import type { DemoCrmData } from './data';

export type ListState = 'open' | 'closed' | 'all';
const SORT_KEYS = ['id', 'name', 'close_date', 'created_at', 'amount', 'last_modified_at'] as const;
type SortKey = (typeof SORT_KEYS)[number];

export interface OpportunityQuery {
  ownerIds: string[];
  state: ListState;
  /** Case-insensitive substring of id, name, account or product. */
  q: string;
  /** Closed deals closed on/after, open deals created on/after. */
  since: string | null;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

export class QueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The owners a user sees by default: their own deals, or their team's when they manage one. */
export function scopeOf(user: UserJson): string[] {
  return user.role === 'manager' ? user.team.map((m) => m.id) : [user.id];
}

export function parseQuery(params: URLSearchParams, data: DemoCrmData, me: UserJson): OpportunityQuery {
  const owners = params.getAll('owner').filter((o) => o !== '');
  const ownerIds = owners.map((key) => {
    const user = key === 'me' ? me : data.findUser(key);
    if (!user) throw new QueryError('UNKNOWN_OWNER', `No user with id or name "${key}".`);
    return user.id;
  });
  const state = params.get('state') ?? 'all';
  if (state !== 'open' && state !== 'closed' && state !== 'all') throw new QueryError('INVALID_STATE', 'state must be open, closed or all.');
  const since = params.get('since');
  if (since !== null && !isValidDate(since)) throw new QueryError('INVALID_SINCE', 'since must be a date, YYYY-MM-DD.');
  const sortParam = params.get('sort') ?? 'id';
  const descending = sortParam.startsWith('-');
  const sort = sortParam.replace(/^-/, '') as SortKey;
  if (!SORT_KEYS.includes(sort)) throw new QueryError('INVALID_SORT', `sort must be one of ${SORT_KEYS.join(', ')} (prefix - for descending).`);
  return { ownerIds: ownerIds.length > 0 ? ownerIds : scopeOf(me), state, q: (params.get('q') ?? '').trim().toLowerCase(), since: since?.slice(0, 10) ?? null, sort, descending };
}

export function parseLimit(params: URLSearchParams): number {
  const raw = params.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new QueryError('INVALID_LIMIT', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  return Math.min(limit, MAX_LIMIT);
}

/** Ids matching the query, in the requested order. Enriches only what a generated field needs. */
export function selectIds(data: DemoCrmData, query: OpportunityQuery): string[] {
  const owners = new Set(query.ownerIds);
  const ids = data.ids.filter((id) => {
    const s = data.summary(id)!;
    if (!owners.has(s.ownerId)) return false;
    if (query.state === 'open' && s.isClosed) return false;
    if (query.state === 'closed' && !s.isClosed) return false;
    if (query.q && ![s.id, s.name, s.accountName ?? '', s.product ?? ''].some((text) => text.toLowerCase().includes(query.q))) return false;
    if (query.since) {
      const o = data.get(id)!;
      const when = s.isClosed ? o.closed_at : o.created_at;
      if (!when || dayNumber(when) < dayNumber(query.since)) return false;
    }
    return true;
  });
  if (query.sort === 'id') return query.descending ? ids.reverse() : ids;
  const key = (id: string): string | number | null => {
    if (query.sort === 'name') return data.summary(id)!.name.toLowerCase();
    return data.get(id)![query.sort] ?? null;
  };
  const keyed = ids.map((id) => ({ id, key: key(id) }));
  keyed.sort((a, b) => {
    // Missing values last in either direction; ties by id so paging is stable.
    if (a.key === null || b.key === null) return a.key === b.key ? cmp(a.id, b.id) : a.key === null ? 1 : -1;
    const c = cmp(a.key, b.key);
    return c !== 0 ? (query.descending ? -c : c) : cmp(a.id, b.id);
  });
  return keyed.map((k) => k.id);
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Opaque cursors: the offset of the next page, base64url-encoded. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null): number {
  if (cursor === null || cursor === '') return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new QueryError('INVALID_CURSOR', 'cursor is not one this server issued.');
  return Number(m[1]);
}
