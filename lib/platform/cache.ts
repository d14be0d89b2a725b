/**
 * The background's IndexedDB cache (DESIGN §9): deals, owners' history, the signed-in user per
 * CRM instance, and API calls per instance per day. Versioned: each schema version is one
 * migration step, run in order, so a new version adds stores or indexes without losing data.
 *
 * Every failure (no IndexedDB, quota exceeded, a corrupt entry) degrades to "not cached":
 * coaching goes on uncached, it never fails because of the cache. Out of space, the oldest
 * deals and histories are evicted first (see `write` in createCache).
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { Deal } from '../model';
import type { CrmUser } from '../crm/types';

export const DB_NAME = 'deal-coach';
export const DB_VERSION = 2;

export interface DealEntry {
  /** `crm|instance|id` */
  key: string;
  crm: string;
  instance: string;
  id: string;
  deal: Deal;
  fetchedAt: string;
}

export interface HistoryEntry {
  /** `crm|instance|ownerId` */
  key: string;
  crm: string;
  instance: string;
  ownerId: string;
  deals: Deal[];
  fetchedAt: string;
}

export interface UserEntry {
  /** `crm|instance` */
  key: string;
  crm: string;
  instance: string;
  user: CrmUser;
  fetchedAt: string;
}

export interface UsageEntry {
  /** `instance|YYYY-MM-DD` */
  key: string;
  instance: string;
  day: string;
  calls: number;
}

/** A manager's team history (version 2): every deal of the manager and the reps reporting to them. */
export interface TeamEntry {
  /** `crm|instance|managerId` */
  key: string;
  crm: string;
  instance: string;
  managerId: string;
  teamOwnerIds: string[];
  deals: Deal[];
  fetchedAt: string;
}

/** A saved review snapshot (version 2), for "changed since last review". */
export interface SnapshotEntry {
  /** `scope|savedAt` */
  key: string;
  scope: string;
  savedAt: string;
  snapshot: unknown;
}

interface CacheSchema extends DBSchema {
  deals: { key: string; value: DealEntry; indexes: { 'by-instance': [string, string] } };
  teams: { key: string; value: TeamEntry; indexes: { 'by-instance': [string, string] } };
  snapshots: { key: string; value: SnapshotEntry; indexes: { 'by-scope': string } };
  history: { key: string; value: HistoryEntry; indexes: { 'by-instance': [string, string] } };
  user: { key: string; value: UserEntry };
  usage: { key: string; value: UsageEntry; indexes: { 'by-day': string } };
}

type Db = IDBPDatabase<CacheSchema>;
/** The cache's database, for tests that pass a stand-in (CacheOptions.open). */
export type CacheDb = Db;
type UpgradeTx = IDBPTransaction<CacheSchema, StoreNames<CacheSchema>[], 'versionchange'>;

/**
 * Migration to version N is MIGRATIONS[N - 1]. Append, never edit a shipped step; a step may
 * create stores and indexes and rewrite values through `tx`, and must not drop data.
 * For example, version 2 would be:
 *   (db, tx) => { tx.objectStore('deals').createIndex('by-owner', 'deal.owner.id'); }
 */
export const MIGRATIONS: ReadonlyArray<(db: Db, tx: UpgradeTx) => void> = [
  (db) => {
    db.createObjectStore('deals', { keyPath: 'key' }).createIndex('by-instance', ['crm', 'instance']);
    db.createObjectStore('history', { keyPath: 'key' }).createIndex('by-instance', ['crm', 'instance']);
    db.createObjectStore('user', { keyPath: 'key' });
    db.createObjectStore('usage', { keyPath: 'key' }).createIndex('by-day', 'day');
  },
  // Version 2 (review page): team histories and review snapshots. Adds stores only; v1 data stays.
  (db) => {
    db.createObjectStore('teams', { keyPath: 'key' }).createIndex('by-instance', ['crm', 'instance']);
    db.createObjectStore('snapshots', { keyPath: 'key' }).createIndex('by-scope', 'scope');
  },
];

export function runMigrations(db: Db, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) MIGRATIONS[version - 1]?.(db, tx);
}

export const dealKey = (ref: { crm: string; instance: string; id: string }): string => `${ref.crm}|${ref.instance}|${ref.id}`;
export const historyKey = (crm: string, instance: string, ownerId: string): string => `${crm}|${instance}|${ownerId}`;
export const userKey = (crm: string, instance: string): string => `${crm}|${instance}`;

export interface Cache {
  getDeal(key: string): Promise<DealEntry | undefined>;
  putDeal(entry: DealEntry): Promise<void>;
  getHistory(key: string): Promise<HistoryEntry | undefined>;
  putHistory(entry: HistoryEntry): Promise<void>;
  /** Owners whose history is cached for one CRM instance (for the hourly refresh). */
  historyOwners(crm: string, instance: string): Promise<string[]>;
  getUser(key: string): Promise<UserEntry | undefined>;
  putUser(entry: UserEntry): Promise<void>;
  addUsage(instance: string, day: string, calls: number): Promise<void>;
  usage(instance: string, day: string): Promise<number>;
  clearAll(): Promise<void>;
}

type Log = (message: string, error: unknown) => void;

/**
 * The database, opened on first use and migrated (runMigrations); null when IndexedDB is unavailable,
 * so callers work uncached. Reopened after a newer version of the extension closed it.
 */
function lazyDb(log: Log, whenUnavailable: string): () => Promise<Db | null> {
  let dbPromise: Promise<Db | null> | null = null;
  return () => {
    dbPromise ??= openDB<CacheSchema>(DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion, newVersion, tx) => runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx),
      // A newer version of the extension wants the database: let it.
      blocking: () => {
        void dbPromise?.then((d) => d?.close());
        dbPromise = null;
      },
      terminated: () => {
        dbPromise = null;
      },
    }).catch((error: unknown) => {
      log(`Deal Coach: IndexedDB unavailable, ${whenUnavailable}`, error);
      dbPromise = null;
      return null;
    });
    return dbPromise;
  };
}

/** How long the cache stays off after a write failed for lack of space even once the oldest entries were evicted. */
export const CACHE_OFF_MS = 60 * 60_000;

export interface CacheOptions {
  /** The database (tests pass a fake); default: IndexedDB, opened and migrated on first use. */
  open?: () => Promise<CacheDb | null>;
  /** The cache turned off (storage full even after eviction) or, after CACHE_OFF_MS or "Delete all", back on. */
  onFull?: (full: boolean) => void;
  now?: () => number;
}

/**
 * Delete the oldest half (by fetchedAt, at least one) of the cached deals and histories: they are
 * re-read from the CRM when needed. Keys and dates only are kept while scanning (histories are large).
 */
export async function evictOldest(d: Db): Promise<number> {
  const stores = ['deals', 'history'] as const;
  const found: { store: (typeof stores)[number]; key: string; fetchedAt: string }[] = [];
  for (const store of stores) {
    let cursor = await d.transaction(store).store.openCursor();
    while (cursor) {
      found.push({ store, key: cursor.key, fetchedAt: String(cursor.value.fetchedAt) });
      cursor = await cursor.continue();
    }
  }
  if (found.length === 0) return 0;
  const victims = found.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt)).slice(0, Math.ceil(found.length / 2));
  const tx = d.transaction([...stores], 'readwrite');
  await Promise.all([...victims.map((v) => tx.objectStore(v.store).delete(v.key)), tx.done]);
  return victims.length;
}

export function createCache(log: Log = console.warn, options: CacheOptions = {}): Cache {
  const db = options.open ?? lazyDb(log, 'working uncached');
  const now = options.now ?? Date.now;
  /** Writes are skipped until then: the storage is full even after eviction. */
  let offUntil = 0;

  async function read<T>(what: string, fn: (d: Db) => Promise<T>, fallback: T): Promise<T> {
    try {
      const d = await db();
      return d ? await fn(d) : fallback;
    } catch (error) {
      log(`Deal Coach: cache read failed (${what})`, error);
      return fallback;
    }
  }

  /**
   * A failed write never fails the caller: the answer is still served, just not cached. Out of
   * space (QuotaExceededError): evict the oldest deals and histories and try once more; still
   * out of space: stop writing for a while and say so (onFull → options).
   */
  async function write(what: string, fn: (d: Db) => Promise<unknown>): Promise<void> {
    if (offUntil > now()) return;
    if (offUntil !== 0) {
      offUntil = 0;
      options.onFull?.(false);
    }
    let d: Db | null = null;
    try {
      d = await db();
      if (d) await fn(d);
    } catch (error) {
      if (!isQuotaError(error) || !d) {
        log(`Deal Coach: cache write failed (${what})`, error);
        return;
      }
      try {
        const evicted = await evictOldest(d);
        log(`Deal Coach: storage quota exceeded (${what}); evicted the ${evicted} oldest cached deals and histories`, error);
        await fn(d);
      } catch (retryError) {
        log(`Deal Coach: cache write failed again (${what})${isQuotaError(retryError) ? ': storage still full, working without the cache' : ''}`, retryError);
        if (isQuotaError(retryError)) {
          offUntil = now() + CACHE_OFF_MS;
          options.onFull?.(true);
        }
      }
    }
  }

  return {
    getDeal: (key) =>
      read('deal', async (d) => {
        const entry = await d.get('deals', key);
        if (!entry) return undefined;
        const parsed = Deal.safeParse(entry.deal);
        return parsed.success ? { ...entry, deal: parsed.data } : undefined;
      }, undefined),
    putDeal: (entry) => write('deal', (d) => d.put('deals', entry)),
    getHistory: (key) =>
      read('history', async (d) => {
        const entry = await d.get('history', key);
        if (!entry) return undefined;
        const parsed = Deal.array().safeParse(entry.deals);
        return parsed.success ? { ...entry, deals: parsed.data } : undefined;
      }, undefined),
    putHistory: (entry) => write('history', (d) => d.put('history', entry)),
    historyOwners: (crm, instance) =>
      read('history owners', async (d) => (await d.getAllFromIndex('history', 'by-instance', [crm, instance])).map((e) => e.ownerId), []),
    getUser: (key) => read('user', (d) => d.get('user', key), undefined),
    putUser: (entry) => write('user', (d) => d.put('user', entry)),
    addUsage: (instance, day, calls) =>
      write('usage', async (d) => {
        const tx = d.transaction('usage', 'readwrite');
        const key = `${instance}|${day}`;
        const current = await tx.store.get(key);
        await tx.store.put({ key, instance, day, calls: (current?.calls ?? 0) + calls });
        await tx.done;
      }),
    usage: (instance, day) => read('usage', async (d) => (await d.get('usage', `${instance}|${day}`))?.calls ?? 0, 0),
    clearAll: async () => {
      // Everything deleted: there is room again.
      if (offUntil !== 0) {
        offUntil = 0;
        options.onFull?.(false);
      }
      const d = await db();
      if (d) {
        const stores = ['deals', 'history', 'user', 'usage', 'teams', 'snapshots'] as const;
        const tx = d.transaction([...stores], 'readwrite');
        await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
      } else {
        await deleteDB(DB_NAME).catch(() => undefined);
      }
    },
  };
}

function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && (error as { name: unknown }).name === 'QuotaExceededError';
}

/** Snapshots kept per review scope (older ones are dropped when a new one is saved). */
export const SNAPSHOTS_KEPT = 12;

export const teamKey = (crm: string, instance: string, managerId: string): string => `${crm}|${instance}|${managerId}`;

/** The review page's stores (version 2): team histories and review snapshots. Failures degrade like the cache's. */
export interface ReviewCache {
  getTeam(key: string): Promise<TeamEntry | undefined>;
  putTeam(entry: TeamEntry): Promise<void>;
  /** Saves a snapshot; false when it could not be stored (no IndexedDB, quota). */
  putSnapshot(entry: SnapshotEntry): Promise<boolean>;
  latestSnapshot(scope: string): Promise<SnapshotEntry | undefined>;
}

export function createReviewCache(log: Log = console.warn): ReviewCache {
  const db = lazyDb(log, 'review data not kept');
  const guard = async <T>(what: string, fn: (d: Db) => Promise<T>, fallback: T): Promise<T> => {
    try {
      const d = await db();
      return d ? await fn(d) : fallback;
    } catch (error) {
      log(`Deal Coach: ${what} failed${isQuotaError(error) ? ': storage quota exceeded' : ''}`, error);
      return fallback;
    }
  };
  return {
    getTeam: (key) =>
      guard('team history read', async (d) => {
        const entry = await d.get('teams', key);
        if (!entry) return undefined;
        const parsed = Deal.array().safeParse(entry.deals);
        return parsed.success ? { ...entry, deals: parsed.data } : undefined;
      }, undefined),
    putTeam: (entry) => guard('team history write', async (d) => void (await d.put('teams', entry)), undefined),
    putSnapshot: (entry) =>
      guard('snapshot write', async (d) => {
        const tx = d.transaction('snapshots', 'readwrite');
        await tx.store.put(entry);
        const keys = (await tx.store.index('by-scope').getAllKeys(entry.scope)).sort();
        for (const key of keys.slice(0, Math.max(0, keys.length - SNAPSHOTS_KEPT))) await tx.store.delete(key);
        await tx.done;
        return true;
      }, false),
    latestSnapshot: (scope) =>
      guard('snapshot read', async (d) => {
        const all = await d.getAllFromIndex('snapshots', 'by-scope', scope);
        return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt)).at(-1);
      }, undefined),
  };
}
