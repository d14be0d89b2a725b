/**
 * The review page's background side: the manager's team history (the signed-in user and the reps
 * reporting to them, from whoAmI().teamOwnerIds), cached in IndexedDB with the history TTL, and
 * the review snapshots behind "changed since last review". IndexedDB is background-only.
 */
import type { DataSource } from '../../components/types';
import { adapterById } from '../crm/registry';
import type { CrmAdapter, CrmFetch } from '../crm/types';
import type { Settings } from '../model';
import type { ReviewSnapshot } from '../review/diff';
import { teamKey, type ReviewCache, type TeamEntry } from './cache';
import { HISTORY_TTL_MS, freshness, isBackingOff, nextBackoff, type Backoff } from './cache-policy';
import { describeError, type IoTarget } from './crm-io';
import type { SaveSnapshotReply, SnapshotReply, TeamReviewReply } from './protocol';
import type { Repository } from './repository';
import type { StoredConnection } from './settings';

export interface ReviewServiceDeps {
  repository: Repository;
  reviewCache: ReviewCache;
  settings(): Promise<Settings>;
  connections(): Promise<StoredConnection[]>;
  now(): number;
  findTab(origin: string): Promise<number | null>;
  ioFor(adapter: CrmAdapter, target: IoTarget, tabId: number | null): CrmFetch | null;
}

const NO_CRM = 'Open an opportunity in your CRM first: the review reads your team’s deals through the CRM you use with Deal Coach. Or import a CSV report export.';

export function createReviewService(deps: ReviewServiceDeps) {
  const inFlight = new Map<string, Promise<TeamEntry>>();
  const backoffs = new Map<string, Backoff>();

  async function getTeamReview(request: { force?: boolean } | null | undefined): Promise<TeamReviewReply> {
    const force = request?.force === true;
    const [connection] = await deps.connections();
    const adapter = connection && adapterById(connection.crm);
    if (!connection || !adapter) return { kind: 'no-crm', message: NO_CRM };
    const at = { crm: connection.crm, instance: connection.instance, url: connection.origin };
    const tabId = adapter.transport === 'page' ? await deps.findTab(connection.origin) : null;
    const target: IoTarget = { crm: connection.crm, instance: connection.instance, pageOrigin: connection.origin, tabUrl: connection.pageUrl ?? connection.origin };
    const io = deps.ioFor(adapter, target, tabId);
    const user = await deps.repository.user(adapter, at, io);
    if (!user) return { kind: 'no-crm', message: `Open ${adapter.label} in a tab so Deal Coach can see who you are and who reports to you.` };
    const me = user.user;
    const key = teamKey(connection.crm, connection.instance, me.id);
    const cached = await deps.reviewCache.getTeam(key);
    const now = deps.now();
    const state = freshness(cached?.fetchedAt, now, HISTORY_TTL_MS);
    let entry = cached;
    let notice: string | undefined;
    const sameTeam = cached && sameIds(cached.teamOwnerIds, me.teamOwnerIds);
    if (io && (force || state !== 'fresh' || !sameTeam) && (force || !isBackingOff(backoffs.get(key), now))) {
      try {
        entry = await readTeam(adapter, at, key, me.id, me.teamOwnerIds, io);
      } catch (error) {
        const failure = describeError(error, adapter.label);
        backoffs.set(key, nextBackoff(backoffs.get(key), deps.now(), failure));
        if (!cached) return { kind: 'error', errorKind: failure.errorKind, message: failure.message };
        notice = `Refresh failed: ${failure.message}`;
      }
    } else if (!io && state !== 'fresh') {
      notice = `${adapter.label} is not open in a tab, so the team's deals could not be refreshed.`;
    }
    if (!entry) return { kind: 'no-crm', message: `Open ${adapter.label} in a tab: Deal Coach has not read your team's deals yet.` };
    const source: DataSource = { fetchedAt: entry.fetchedAt, fromCache: entry !== undefined && entry === cached, stale: freshness(entry.fetchedAt, deps.now(), HISTORY_TTL_MS) !== 'fresh' };
    return {
      kind: 'ready',
      crmLabel: adapter.label,
      scope: `crm:${key}`,
      manager: { id: me.id, name: me.name },
      teamOwnerIds: entry.teamOwnerIds,
      deals: entry.deals,
      settings: await deps.settings(),
      source,
      ...(notice ? { notice } : {}),
    };
  }

  /** One read per team at a time (two review tabs share it). */
  function readTeam(adapter: CrmAdapter, at: { crm: string; instance: string; url: string }, key: string, managerId: string, teamOwnerIds: string[], io: CrmFetch): Promise<TeamEntry> {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = (async () => {
      const deals = await adapter.readHistory(at, { ownerId: managerId, teamOwnerIds }, io);
      const entry: TeamEntry = { key, crm: at.crm, instance: at.instance, managerId, teamOwnerIds, deals, fetchedAt: new Date(deps.now()).toISOString() };
      await deps.reviewCache.putTeam(entry);
      backoffs.delete(key);
      return entry;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  return {
    getTeamReview,
    async saveSnapshot(snapshot: ReviewSnapshot): Promise<SaveSnapshotReply> {
      const savedAt = new Date(deps.now()).toISOString();
      const ok = await deps.reviewCache.putSnapshot({ key: `${snapshot.scope}|${savedAt}`, scope: snapshot.scope, savedAt, snapshot: { ...snapshot, savedAt } });
      return ok ? { kind: 'saved', savedAt } : { kind: 'error', errorKind: 'internal', message: 'The snapshot could not be saved (browser storage unavailable or full).' };
    },
    async latestSnapshot(scope: string, parse: (value: unknown) => ReviewSnapshot | null): Promise<SnapshotReply> {
      const entry = await deps.reviewCache.latestSnapshot(scope);
      return { kind: 'ready', snapshot: entry ? parse(entry.snapshot) : null };
    },
    reset(): void {
      inFlight.clear();
      backoffs.clear();
    },
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
