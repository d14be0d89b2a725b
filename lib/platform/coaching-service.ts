/**
 * getCoaching: one record page → a DealCoachingView, served stale-while-revalidate
 * (DESIGN §8: fresh cache answers instantly; a stale one answers instantly and is refreshed,
 * the tab then gets `coachingUpdated`). Errors become replies, never exceptions.
 */
import type { DataSource } from '../../components/types';
import { buildCoachingView } from '../coaching/engine';
import type { DealCoachingView } from '../coaching/types';
import type { CrmAdapter, CrmFetch } from '../crm/types';
import { adapterFor } from '../crm/registry';
import { computeBenchmarks } from '../metrics/benchmarks';
import type { Benchmarks, Deal, Playbook, Settings } from '../model';
import { getPlaybook } from '../playbooks';
import { dealKey, type DealEntry } from './cache';
import { DEAL_TTL_MS, freshness, planRead } from './cache-policy';
import type { IoTarget } from './crm-io';
import type { CoachingReply, GetCoachingRequest } from './protocol';
import { ReadFailure, type Instance, type Repository } from './repository';

export interface CoachingDeps {
  repository: Repository;
  settings(): Promise<Settings>;
  now(): number;
  /** The io for an adapter on an instance, read through `tabId` for 'page' transport. */
  ioFor(adapter: CrmAdapter, at: IoTarget, tabId: number | null): CrmFetch | null;
  /** Send a revalidated reply to the tab that asked. */
  push(tabId: number, url: string, reply: CoachingReply): void;
  /** A record of this instance was coached (remember it as a connection). */
  onUsed?(instance: Instance, origin: string): void;
  /** The CRM was read successfully through `io` (e.g. to learn the signed-in user, hourly). */
  afterRead?(adapter: CrmAdapter, instance: Instance, io: CrmFetch): void;
  /** The adapter for a URL; default: the built-in CRMs (the background adds the custom CRM profiles). */
  adapterFor?(url: string): Promise<ReturnType<typeof adapterFor>>;
  /** Custom CRMs: the profile's playbook mapping, and a view that says what the profile does not map; null for built-in adapters. */
  adjustments?(adapter: CrmAdapter): Promise<ViewAdjustments | null>;
}

export interface ViewAdjustments {
  playbook(p: Playbook): Playbook;
  /** false: the CRM's history cannot be read (a custom CRM read one page at a time), so there are no benchmarks to judge by. */
  benchmarks: boolean;
  view(view: DealCoachingView, playbookId: string): DealCoachingView;
}

export function createCoachingService(deps: CoachingDeps) {
  const benchmarksMemo = new Map<string, { stamp: string; value: Benchmarks }>();

  /** Benchmarks of the deal's owner, from the owner's history and, with too few own wins, their team's (each cached hourly). */
  async function benchmarksFor(adapter: CrmAdapter, deal: Deal, io: CrmFetch | null, settings: Settings, nowIso: string): Promise<Benchmarks | null> {
    const history = await deps.repository.history(adapter, deal.ref, deal.owner.id, io);
    if (!history) return null;
    const basis = await deps.repository.benchmarkHistory(adapter, deal.ref, history, io, settings.thresholds.minOwnWon);
    const key = `${history.key}`;
    // Benchmarks move with the histories, the thresholds and the day, not with every call.
    const stamp = `${basis.stamp}|${JSON.stringify(settings.thresholds)}|${nowIso.slice(0, 10)}`;
    const memo = benchmarksMemo.get(key);
    if (memo?.stamp === stamp) return memo.value;
    const value = computeBenchmarks(basis.deals, deal.owner.id, nowIso, settings.thresholds);
    benchmarksMemo.set(key, { stamp, value });
    return value;
  }

  async function viewOf(adapter: CrmAdapter, entry: DealEntry, io: CrmFetch | null): Promise<DealCoachingView> {
    const settings = await deps.settings();
    const nowIso = new Date(deps.now()).toISOString();
    const adjust = (await deps.adjustments?.(adapter)) ?? null;
    const benchmarks = adjust?.benchmarks === false ? null : await benchmarksFor(adapter, entry.deal, io, settings, nowIso);
    const base = getPlaybook(settings.playbookId, true);
    const playbook = adjust ? adjust.playbook(base) : base;
    const view = buildCoachingView(entry.deal, { playbook, benchmarks, now: nowIso, settings });
    return adjust ? adjust.view(view, playbook.id) : view;
  }

  function source(entry: DealEntry, fromCache: boolean): DataSource {
    return { fetchedAt: entry.fetchedAt, fromCache, stale: freshness(entry.fetchedAt, deps.now(), DEAL_TTL_MS) !== 'fresh' };
  }

  /** Read the CRM; the answer, or an error carrying what was cached. */
  async function readAndAnswer(adapter: CrmAdapter, ref: DealEntry['deal']['ref'], io: CrmFetch, cached: DealEntry | undefined): Promise<CoachingReply> {
    try {
      const entry = await deps.repository.readDeal(adapter, ref, io);
      deps.afterRead?.(adapter, ref, io);
      return { kind: 'ready', crmLabel: adapter.label, view: await viewOf(adapter, entry, io), source: { fetchedAt: entry.fetchedAt, fromCache: false, stale: false } };
    } catch (error) {
      const failure = error instanceof ReadFailure ? error : new ReadFailure('internal', String(error));
      return {
        kind: 'error',
        crmLabel: adapter.label,
        errorKind: failure.errorKind,
        message: failure.message,
        ...(cached ? { cached: { view: await viewOf(adapter, cached, null), source: source(cached, true) } } : {}),
      };
    }
  }

  return {
    /** `tab.url`: the sender tab's own URL (its credential only); defaults to the requested URL, which the caller checked is on the same origin. */
    async getCoaching(request: GetCoachingRequest, tab: { id: number | null; origin: string; url?: string }): Promise<CoachingReply> {
      const match = deps.adapterFor ? await deps.adapterFor(request.url) : adapterFor(request.url);
      if (!match) return { kind: 'none' };
      const { adapter, ref } = match;
      const origin = new URL(ref.url).origin;
      deps.onUsed?.(ref, origin);
      const io = deps.ioFor(adapter, { crm: ref.crm, instance: ref.instance, pageOrigin: origin, tabUrl: tab.url ?? request.url }, tab.id);
      const key = dealKey(ref);
      const cached = await deps.repository.cachedDeal(ref);
      const now = deps.now();
      const plan = planRead({ freshness: freshness(cached?.fetchedAt, now, DEAL_TTL_MS), force: request.force === true, backoff: deps.repository.backoff(key), now });

      if (!io && plan.action !== 'serve') {
        const message = `Deal Coach cannot reach ${adapter.label} from here. Reload the ${adapter.label} tab.`;
        if (cached) return { kind: 'ready', crmLabel: adapter.label, view: await viewOf(adapter, cached, null), source: source(cached, true), notice: message };
        return { kind: 'error', crmLabel: adapter.label, errorKind: 'offline', message };
      }

      switch (plan.action) {
        case 'serve':
          return { kind: 'ready', crmLabel: adapter.label, view: await viewOf(adapter, cached!, io), source: source(cached!, true) };
        case 'serve-stale': {
          const last = deps.repository.backoff(key)?.lastError;
          return {
            kind: 'ready',
            crmLabel: adapter.label,
            view: await viewOf(adapter, cached!, null),
            source: source(cached!, true),
            ...(last ? { notice: `Refresh failed: ${last.message}` } : {}),
          };
        }
        case 'serve-and-revalidate': {
          const reply: CoachingReply = { kind: 'ready', crmLabel: adapter.label, view: await viewOf(adapter, cached!, io), source: source(cached!, true) };
          if (tab.id !== null) {
            const tabId = tab.id;
            void readAndAnswer(adapter, ref, io!, cached).then((fresh) => deps.push(tabId, request.url, fresh));
          }
          return reply;
        }
        case 'fail-fast': {
          const last = deps.repository.backoff(key)?.lastError;
          return { kind: 'error', crmLabel: adapter.label, errorKind: last?.errorKind ?? 'internal', message: last?.message ?? `${adapter.label} could not be read.` };
        }
        case 'read':
          return readAndAnswer(adapter, ref, io!, cached);
      }
    },

    /** Forget memoised benchmarks ("Delete all local data", settings changes are keyed in already). */
    reset(): void {
      benchmarksMemo.clear();
    },
  };
}

export type CoachingService = ReturnType<typeof createCoachingService>;
