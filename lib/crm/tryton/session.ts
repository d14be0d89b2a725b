/**
 * How Tryton's web client (sao) authenticates, and the headers a same-origin request needs.
 *
 * sao keeps no session cookie: after login it stores `{login, user_id, session}` as JSON in the
 * page's `localStorage['sao_session_<database>']` and sends every JSON-RPC call with
 * `Authorization: Session base64(utf8("<login>:<user_id>:<session>"))`. Only code running in the
 * page's origin (the content script) can read that storage, so the content script adds these
 * headers to the requests it performs for the adapter and the session never leaves the page.
 *
 * Tiny and dependency-free on purpose: the content script imports it (DESIGN §8 budget).
 */
export interface PageStorage {
  getItem(key: string): string | null;
}

export const SESSION_KEY_PREFIX = 'sao_session_';

export interface SaoSession {
  login: string;
  userId: number;
  session: string;
}

/** sao's stored session for a database; null when absent (signed out) or unreadable. */
export function readSaoSession(storage: PageStorage, database: string): SaoSession | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(SESSION_KEY_PREFIX + database) ?? 'null');
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { login, user_id: userId, session } = raw as Record<string, unknown>;
  if (typeof login !== 'string' || typeof session !== 'string' || !session || typeof userId !== 'number') return null;
  return { login, userId, session };
}

/** The header value sao sends: `Session ` + base64 of the UTF-8 bytes of `login:user_id:session`. */
export function sessionAuthorization(s: SaoSession): string {
  const bytes = new TextEncoder().encode(`${s.login}:${s.userId}:${s.session}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Session ${btoa(binary)}`;
}

/**
 * Headers for a request to `requestUrl` made from a sao page: the Authorization of the database the
 * request goes to (`POST /<database>/`), read from the page's storage. {} when the request is not a
 * Tryton JSON-RPC call or the page holds no session for that database (the request then fails with
 * 401 and the sidebar says to sign in again).
 */
export function trytonPageHeaders(requestUrl: string, storage: PageStorage): Record<string, string> {
  let path: string;
  try {
    path = new URL(requestUrl).pathname;
  } catch {
    return {};
  }
  const m = /^\/([^/]+)\/$/.exec(path);
  if (!m) return {};
  let database: string;
  try {
    database = decodeURIComponent(m[1]!);
  } catch {
    return {};
  }
  const session = readSaoSession(storage, database);
  return session ? { Authorization: sessionAuthorization(session) } : {};
}
