/**
 * The popup's personal summary, the review page's deals, the options page's connections and
 * the hourly history refresh. All read the last-used CRM connection through the same
 * repository (cache first); a 'page' CRM is only read while one of its tabs is open.
 */
import type { Connection, DataSource } from '../../components/types';
import { buildCoachingView } from '../coaching/engine';
import type { CrmAdapter, CrmFetch } from '../crm/types';
import { adapterById } from '../crm/registry';
import { computeBenchmarks, personalSummary } from '../metrics';
import type { Deal, Settings, Severity } from '../model';
import { getPlaybook } from '../playbooks';
import type { Cache, HistoryEntry } from './cache';
import { HISTORY_TTL_MS, freshness, usageDay } from './cache-policy';
import type { ConnectionsReply, GetReviewDealsRequest, ReviewReply, ReviewRow, SummaryReply } from './protocol';
import type { IoTarget } from './crm-io';
import type { Repository } from './repository';
import type { StoredConnection } from './settings';

export interface SummaryDeps {
  repository: Repository;
  cache: Cache;
  settings(): Promise<Settings>;
  connections(): Promise<StoredConnection[]>;
  saveUser(connection: StoredConnection, user: { id: string; name: string }): Promise<void>;
  now(): number;
  /** A tab of this instance to read through ('page' transport), or null. */
  findTab(origin: string): Promise<number | null>;
  ioFor(adapter: CrmAdapter, at: IoTarget, tabId: number | null): CrmFetch | null;
  /** Extra figures per connection for the options page (Salesforce org API usage). */
  usageOf?(connection: StoredConnection): Promise<Connection['apiUsage']>;
}

interface Loaded {
  connection: StoredConnection;
  adapter: CrmAdapter;
  owner: { id: string; name: string };
  history: HistoryEntry;
  settings: Settings;
  nowIso: string;
}

const NO_CRM = 'Open an opportunity in your CRM: Deal Coach sums up your deals once it has read them.';

export function createSummaryService(deps: SummaryDeps) {
  /** The last-used connection, its signed-in user (or `ownerId`) and that owner's history. */
  async function load(ownerId?: string): Promise<Loaded | { kind: 'no-crm'; message: string }> {
    const [connection] = await deps.connections();
    if (!connection) return { kind: 'no-crm', message: NO_CRM };
    const adapter = adapterById(connection.crm);
    if (!adapter) return { kind: 'no-crm', message: NO_CRM };
    const at = { crm: connection.crm, instance: connection.instance, url: connection.origin };
    const tabId = adapter.transport === 'page' ? await deps.findTab(connection.origin) : null;
    const io = deps.ioFor(adapter, targetOf(connection), tabId);
    const user = await deps.repository.user(adapter, at, io);
    if (user && (!connection.user || connection.user.id !== user.user.id)) await deps.saveUser(connection, { id: user.user.id, name: user.user.name });
    const me = user?.user ?? connection.user;
    const owner = ownerId ? { id: ownerId, name: ownerId === me?.id ? me.name : ownerId } : me ? { id: me.id, name: me.name } : null;
    if (!owner) return { kind: 'no-crm', message: `Open ${adapter.label} in a tab so Deal Coach can see who you are.` };
    const history = await deps.repository.history(adapter, at, owner.id, io, { await: true });
    if (!history) return { kind: 'no-crm', message: `Open ${adapter.label} in a tab: Deal Coach has not read your deals yet.` };
    return { connection, adapter, owner, history, settings: await deps.settings(), nowIso: new Date(deps.now()).toISOString() };
  }

  function sourceOf(history: HistoryEntry): DataSource {
    return { fetchedAt: history.fetchedAt, fromCache: true, stale: freshness(history.fetchedAt, deps.now(), HISTORY_TTL_MS) !== 'fresh' };
  }

  /** Coaching of every open deal of the owner, with the owner's benchmarks (their team's history added below minOwnWon wins). */
  async function coachOpenDeals(loaded: Loaded) {
    const { history, owner, settings, nowIso } = loaded;
    const at = { crm: loaded.connection.crm, instance: loaded.connection.instance, url: loaded.connection.origin };
    const tabId = loaded.adapter.transport === 'page' ? await deps.findTab(loaded.connection.origin) : null;
    const basis = await deps.repository.benchmarkHistory(loaded.adapter, at, history, deps.ioFor(loaded.adapter, targetOf(loaded.connection), tabId), settings.thresholds.minOwnWon);
    const benchmarks = computeBenchmarks(basis.deals, owner.id, nowIso, settings.thresholds);
    const playbook = getPlaybook(settings.playbookId, true);
    const context = { playbook, benchmarks, now: nowIso, settings };
    return history.deals.filter((d) => d.owner.id === owner.id && d.stage.category === 'open').map((deal) => ({ deal, findings: buildCoachingView(deal, context).findings }));
  }

  return {
    async getPersonalSummary(): Promise<SummaryReply> {
      const loaded = await load();
      if ('kind' in loaded) return loaded;
      const summary = personalSummary(loaded.history.deals, loaded.owner.id, loaded.nowIso, loaded.settings.thresholds);
      if (!summary.ownerName) summary.ownerName = loaded.owner.name;
      const riskDeals = (await coachOpenDeals(loaded)).filter((d) => d.findings.some((f) => f.severity === 'risk')).length;
      return { kind: 'ready', crmLabel: loaded.adapter.label, summary, riskDeals, source: sourceOf(loaded.history), currency: currencyOf(loaded.history.deals) };
    },

    async getReviewDeals(request: GetReviewDealsRequest): Promise<ReviewReply> {
      const loaded = await load(request.ownerId);
      if ('kind' in loaded) return loaded;
      const all = await coachOpenDeals(loaded);
      const rows: ReviewRow[] = all
        .filter((d) => !request.severity || d.findings.some((f) => atLeast(f.severity, request.severity!)))
        // Most risks first, then most warnings, then the nearest close date.
        .sort((a, b) => count(b.findings, 'risk') - count(a.findings, 'risk') || count(b.findings, 'warn') - count(a.findings, 'warn') || (a.deal.closeDate ?? '9').localeCompare(b.deal.closeDate ?? '9'))
        .map(({ deal, findings }) => ({
          id: deal.ref.id,
          url: deal.ref.url,
          name: deal.name,
          accountName: deal.accountName,
          stage: deal.stage.name,
          amount: deal.amount,
          currency: deal.currency,
          closeDate: deal.closeDate,
          findings,
        }));
      const owner = { id: loaded.owner.id, name: loaded.history.deals.find((d) => d.owner.id === loaded.owner.id)?.owner.name ?? loaded.owner.name };
      return { kind: 'ready', crmLabel: loaded.adapter.label, owner, rows, openDeals: all.length, source: sourceOf(loaded.history) };
    },

    async getConnections(): Promise<ConnectionsReply> {
      const day = usageDay(deps.now());
      const connections: Connection[] = await Promise.all(
        (await deps.connections()).map(async (c) => ({
          crm: c.crm,
          crmLabel: adapterById(c.crm)?.label ?? c.crm,
          instance: c.instance,
          lastSync: c.lastSync,
          callsToday: await deps.cache.usage(c.instance, day),
          user: c.user,
          ...(deps.usageOf ? { apiUsage: await deps.usageOf(c) } : {}),
        })),
      );
      return { kind: 'ready', connections };
    },

    /** The hourly alarm: refresh the cached histories of each known instance that can be read now. */
    async refreshHistories(): Promise<void> {
      for (const connection of await deps.connections()) {
        const adapter = adapterById(connection.crm);
        if (!adapter) continue;
        const tabId = adapter.transport === 'page' ? await deps.findTab(connection.origin) : null;
        const io = deps.ioFor(adapter, targetOf(connection), tabId);
        if (!io) continue;
        const at = { crm: connection.crm, instance: connection.instance, url: connection.origin };
        for (const ownerId of await deps.cache.historyOwners(connection.crm, connection.instance)) {
          await deps.repository.history(adapter, at, ownerId, io, { await: true });
        }
      }
    },
  };
}

/** A stored connection as an io target: its credential is that of the last record page seen from a sender tab. */
function targetOf(connection: StoredConnection): IoTarget {
  return { crm: connection.crm, instance: connection.instance, pageOrigin: connection.origin, tabUrl: connection.pageUrl ?? connection.origin };
}

const RANK: Record<Severity, number> = { risk: 0, warn: 1, info: 2 };

/** A finding at least as severe as the filter: "warn" lists risks and warnings. */
function atLeast(severity: Severity, filter: Severity): boolean {
  return RANK[severity] <= RANK[filter];
}

function count(findings: readonly { severity: Severity }[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

function currencyOf(deals: readonly Deal[]): string | null {
  return deals.find((d) => d.currency)?.currency ?? null;
}
