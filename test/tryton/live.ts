/**
 * Talking to a live Tryton from Node the way the extension does from the page: log in as sao does,
 * keep the session in a storage object shaped like the page's localStorage, and let the adapter's
 * own `trytonPageHeaders` turn it into the Authorization header (what the content script does).
 * Used by the live integration test and by capture-fixtures.ts.
 */
import { readFileSync } from 'node:fs';
import type { CrmFetch, CrmResponse } from '../../lib/crm/types';
import { SESSION_KEY_PREFIX, trytonPageHeaders, type PageStorage } from '../../lib/crm/tryton/session';

export interface TrytonLogin {
  /** Origin of the server, e.g. http://127.0.0.1:8700 */
  origin: string;
  database: string;
  login: string;
  userId: number;
  session: string;
  /** A stand-in for the page's localStorage after sao's login. */
  storage: PageStorage;
}

/** `common.db.login` as sao calls it; throws with the server's words when refused. */
export async function trytonLogin(origin: string, database: string, login: string, password: string): Promise<TrytonLogin> {
  const res = await fetch(`${origin}/${encodeURIComponent(database)}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ id: 0, method: 'common.db.login', params: [login, { password }, 'en'] }),
  });
  const body = (await res.json()) as { result?: [number, string]; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`Tryton login as ${login} failed: HTTP ${res.status} ${JSON.stringify(body.error ?? body)}`);
  const [userId, session] = body.result;
  const stored = JSON.stringify({ login, user_id: userId, session });
  const storage: PageStorage = { getItem: (key) => (key === SESSION_KEY_PREFIX + database ? stored : null) };
  return { origin, database, login, userId, session, storage };
}

/** A CrmFetch over Node's fetch that adds the page-session headers, as the content script would. */
export function pageIo(storage: PageStorage): CrmFetch {
  return async (url, init) => {
    const res = await fetch(url, {
      method: init?.method ?? 'GET',
      headers: { Accept: 'application/json', ...init?.headers, ...trytonPageHeaders(url, storage), 'X-Requested-With': 'XMLHttpRequest' },
      body: init?.body,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await res.text();
    let body: unknown = text;
    if (/json/.test(headers['content-type'] ?? '') && text) body = JSON.parse(text) as unknown;
    return { status: res.status, headers, body } satisfies CrmResponse;
  };
}

/** One JSON-RPC exchange as the fixtures keep it (the request id left out: it only counts calls). */
export interface Exchange {
  method: string;
  params: unknown;
  status: number;
  body: unknown;
}

/** Wrap an io to keep every exchange, for fixtures. */
export function recording(io: CrmFetch): { io: CrmFetch; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    io: async (url, init) => {
      const res = await io(url, init);
      const request = JSON.parse(init?.body ?? '{}') as { method?: string; params?: unknown };
      exchanges.push({ method: request.method ?? '', params: request.params ?? null, status: res.status, body: res.body });
      return res;
    },
  };
}

/** What test/tryton/seed.py guarantees (seed-facts.json); only the parts the tests read are typed. */
export interface SeedFacts {
  today: string;
  database: string;
  password: string;
  users: { login: string; name: string; userId: number; employeeId: number | null; reports: string[] }[];
  /** Median days from start to win of the seeded won deals (DESIGN §4 "typical cycle"). */
  typicalCycleDays: { alice: number; bob: number; team: number };
  wonCycles: { alice: number[]; bob: number[] };
  opportunities: { total: number; byState: Record<string, number>; byOwner: Record<string, number>; byOwnerState: Record<string, Record<string, number>> };
  showcase: Record<'stale' | 'healthy' | 'noDecisionMaker' | 'pastClose', ShowcaseDeal>;
  /** Every opportunity by its seed key (`w-a3` = Alice's third won deal, `lead-b`, the showcase keys…). */
  deals: Record<string, SeededDeal>;
}

export interface SeededDeal {
  id: number;
  number: string;
  description: string;
  state: string;
  owner: string | null;
  account: string | null;
  amount: number | null;
  startDate: string;
  closeDate: string | null;
  pushCount: number;
}

export interface ShowcaseDeal {
  id: number;
  number: string;
  description: string;
  state: string;
  owner: { employeeId: number; name: string };
  account: { partyId: number; name: string };
  amount: number | null;
  startDate: string;
  ageDays: number;
  closeDate: string;
  closeDateChanges: { on: string; from: string; to: string }[];
  pushCount: number;
  stakeholders: { partyId: number; name: string; relations: string[] }[];
  noteCount: number;
  lastNoteDaysAgo: number;
  lastNoteOn: string;
  url: string;
}

export function readSeedFacts(path: string): SeedFacts {
  return JSON.parse(readFileSync(path, 'utf8')) as SeedFacts;
}
