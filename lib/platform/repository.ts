/**
 * Reading the CRM through the cache: one in-flight read per key, back-off after errors,
 * TTLs from cache-policy.ts. Returns entries with their age; decides nothing about the UI.
 */
import type { Deal, RecordRef } from '../model';
import type { CrmAdapter, CrmFetch, CrmUser, WhoAmIHint } from '../crm/types';
import { dealKey, historyKey, userKey, type Cache, type DealEntry, type HistoryEntry, type UserEntry } from './cache';
import { HISTORY_TTL_MS, USER_TTL_MS, askAgainNote, freshness, isBackingOff, nextBackoff, type Backoff } from './cache-policy';
import { describeError } from './crm-io';
import { ownWonCount, withTeamHistory } from '../metrics/cycle';

export type Instance = Pick<RecordRef, 'crm' | 'instance' | 'url'>;

/**
 * A team's history is cached like an owner's, under the owner id `team:<ownerId>` (so the hourly
 * refresh, which walks cached owner ids, refreshes it too).
 */
export const TEAM_PREFIX = 'team:';

export class ReadFailure extends Error {
  constructor(
    readonly errorKind: ReturnType<typeof describeError>['errorKind'],
    message: string,
  ) {
    super(message);
    this.name = 'ReadFailure';
  }
}

export interface RepositoryDeps {
  cache: Cache;
  now(): number;
  /** A successful read of this instance (for the connection's "last sync"). */
  onSynced?(instance: Instance, at: string): void;
  /** What the person entered about themselves in options (HubSpot login email), for whoAmI. */
  whoAmIHint?(instance: Instance): Promise<WhoAmIHint | undefined>;
}

export function createRepository(deps: RepositoryDeps) {
  const inFlight = new Map<string, Promise<unknown>>();
  const backoffs = new Map<string, Backoff>();
  /** History parsed from IndexedDB, kept while the worker lives (hundreds of deals per owner). */
  const historyMemo = new Map<string, HistoryEntry>();

  /** Run `read` unless one is already running for `key`; record back-off on failure. */
  function once<T>(key: string, label: string, read: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = read()
      .then((value) => {
        backoffs.delete(key);
        return value;
      })
      .catch((error: unknown) => {
        const failure = error instanceof ReadFailure ? { errorKind: error.errorKind, message: error.message } : describeError(error, label);
        const backoff = nextBackoff(backoffs.get(key), deps.now(), failure);
        // A rate limit says when Deal Coach asks again (the CRM's Retry-After, else the default), wherever the words are shown later.
        if (failure.errorKind === 'rate-limited' && !(error instanceof ReadFailure)) backoff.lastError.message = `${failure.message} ${askAgainNote(label, backoff.until)}`;
        backoffs.set(key, backoff);
        throw new ReadFailure(failure.errorKind, backoff.lastError.message);
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  const iso = () => new Date(deps.now()).toISOString();

  return {
    /** The back-off recorded for a key (planRead decides whether it is still running). */
    backoff: (key: string): Backoff | undefined => backoffs.get(key),

    cachedDeal: (ref: RecordRef): Promise<DealEntry | undefined> => deps.cache.getDeal(dealKey(ref)),

    /** Read one deal from the CRM (deduplicated) and cache it. */
    readDeal(adapter: CrmAdapter, ref: RecordRef, io: CrmFetch): Promise<DealEntry> {
      const key = dealKey(ref);
      return once(key, adapter.label, async () => {
        const deal = await adapter.readDeal(ref, io);
        const entry: DealEntry = { key, crm: ref.crm, instance: ref.instance, id: ref.id, deal, fetchedAt: iso() };
        await deps.cache.putDeal(entry);
        deps.onSynced?.(ref, entry.fetchedAt);
        return entry;
      });
    },

    /**
     * An owner's history: fresh from cache; stale from cache while a refresh runs in the
     * background; read and awaited when nothing is cached. null when it cannot be had
     * (coaching then goes on without benchmarks).
     */
    async history(adapter: CrmAdapter, at: Instance, ownerId: string, io: CrmFetch | null, options: { await?: boolean } = {}): Promise<HistoryEntry | null> {
      const key = historyKey(at.crm, at.instance, ownerId);
      let entry: HistoryEntry | undefined = historyMemo.get(key);
      if (!entry) {
        entry = await deps.cache.getHistory(key);
        if (entry) historyMemo.set(key, entry);
      }
      const state = freshness(entry?.fetchedAt, deps.now(), HISTORY_TTL_MS);
      if (state === 'fresh' || !io || isBackingOff(backoffs.get(key), deps.now())) return entry ?? null;
      const teamOf = ownerId.startsWith(TEAM_PREFIX) ? ownerId.slice(TEAM_PREFIX.length) : null;
      if (teamOf !== null && !adapter.teamOf) return entry ?? null;
      const refresh = once(key, adapter.label, async () => {
        const deals: Deal[] = teamOf === null ? await adapter.readHistory(at, { ownerId }, io) : await adapter.readHistory(at, { teamOwnerIds: await adapter.teamOf!(at, teamOf, io) }, io);
        const fresh: HistoryEntry = { key, crm: at.crm, instance: at.instance, ownerId, deals, fetchedAt: iso() };
        historyMemo.set(key, fresh);
        await deps.cache.putHistory(fresh);
        deps.onSynced?.(at, fresh.fetchedAt);
        return fresh;
      });
      if (entry && !options.await) {
        refresh.catch(() => undefined);
        return entry;
      }
      return refresh.catch(() => entry ?? null);
    },

    /**
     * The deals `ownerId`'s benchmarks are computed from: their own history, plus their team's
     * (cached hourly like theirs) when they have fewer than `minOwnWon` measurable wins and the
     * adapter can say who the team is. `stamp` changes when either history does.
     */
    async benchmarkHistory(adapter: CrmAdapter, at: Instance, own: HistoryEntry, io: CrmFetch | null, minOwnWon: number): Promise<{ deals: Deal[]; stamp: string }> {
      if (!adapter.teamOf || ownWonCount(own.deals, own.ownerId) >= minOwnWon) return { deals: own.deals, stamp: own.fetchedAt };
      const team = await this.history(adapter, at, TEAM_PREFIX + own.ownerId, io);
      if (!team) return { deals: own.deals, stamp: own.fetchedAt };
      return { deals: withTeamHistory(own.deals, team.deals), stamp: `${own.fetchedAt}|${team.fetchedAt}` };
    },

    /** The signed-in CRM user, cached per instance for an hour. */
    async user(adapter: CrmAdapter, at: Instance, io: CrmFetch | null): Promise<UserEntry | null> {
      const key = userKey(at.crm, at.instance);
      const entry = await deps.cache.getUser(key);
      const hint = await deps.whoAmIHint?.(at);
      // Picking someone else in options (HubSpot) makes the cached user stale at once.
      const picked = hint?.ownerId === undefined || entry?.user.id === hint.ownerId;
      if ((picked && freshness(entry?.fetchedAt, deps.now(), USER_TTL_MS) === 'fresh') || !io || isBackingOff(backoffs.get(key), deps.now())) return entry ?? null;
      return once(key, adapter.label, async () => {
        const user: CrmUser = await adapter.whoAmI(at, io, hint);
        const fresh: UserEntry = { key, crm: at.crm, instance: at.instance, user, fetchedAt: iso() };
        await deps.cache.putUser(fresh);
        return fresh;
      }).catch(() => entry ?? null);
    },

    /** Forget everything in memory ("Delete all local data"). */
    reset(): void {
      historyMemo.clear();
      backoffs.clear();
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;
