/**
 * How the background reaches each CRM instance: the adapter's transport pinned to its request origin,
 * the sender tab's own credential (Salesforce sid, HubSpot / Pipedrive token), Salesforce's per-org
 * API usage guard, and the count of calls made today. One place, so every service (coaching, popup,
 * review, hourly refresh) gets the same io for the same instance.
 *
 *   counted(transport)            every request that leaves the browser is counted (DESIGN §8)
 *   withCredentials(…)            'background' CRMs only: the header of the sender tab's org, or no request
 *   usageGuard.wrap(…)            Salesforce only: one guard per org, pauses above 80% of the org's daily API calls
 */
import { storage } from 'wxt/utils/storage';
import type { Connection } from '../../components/types';
import { createUsageGuard, type ApiUsage, type UsageGuard } from '../crm/salesforce/limits';
import type { CrmAdapter, CrmFetch, WhoAmIHint } from '../crm/types';
import { usageDay } from './cache-policy';
import type { Cache } from './cache';
import { withCredentials } from './credentials';
import { counted, transportFor, type IoTarget } from './crm-io';
import { ownerChoices, portalOfInstance } from './hubspot-owner-choice';
import type { StoredConnection } from './settings';

/** Share of an org's daily API calls above which Deal Coach stops calling it (probing every 15 min). */
export const SALESFORCE_USAGE_THRESHOLD = 0.8;

/** Last `Sforce-Limit-Info` seen per org API host (storage.local; cleared by "Delete all local data"). */
export const salesforceUsage = storage.defineItem<Record<string, ApiUsage>>('local:salesforce.apiUsage', { fallback: {} });

/** The person's HubSpot login email (whoAmI: a private app token does not say who is using it). */
export const hubspotUserEmail = storage.defineItem<string>('local:credentials.hubspotEmail', { fallback: '' });

export interface CrmAccessDeps {
  cache: Pick<Cache, 'addUsage'>;
  now(): number;
}

export function createCrmAccess(deps: CrmAccessDeps) {
  const guards = new Map<string, Promise<UsageGuard>>();
  let usageWrites: Promise<void> = Promise.resolve();

  function saveUsage(instance: string, usage: ApiUsage): void {
    usageWrites = usageWrites
      .then(async () => salesforceUsage.setValue({ ...(await salesforceUsage.getValue()), [instance]: usage }))
      .catch((error: unknown) => console.warn('Deal Coach: could not save the org API usage', error));
  }

  function guardFor(instance: string): Promise<UsageGuard> {
    let guard = guards.get(instance);
    if (!guard) {
      guard = salesforceUsage.getValue().then((all) =>
        createUsageGuard({ threshold: SALESFORCE_USAGE_THRESHOLD, initial: all[instance] ?? null, now: deps.now, onUsage: (usage) => saveUsage(instance, usage) }),
      );
      guards.set(instance, guard);
    }
    return guard;
  }

  return {
    ioFor(adapter: CrmAdapter, at: IoTarget, tabId: number | null): CrmFetch | null {
      const transport = transportFor(adapter, at, tabId);
      if (!transport) return null;
      const io = counted(transport, () => void deps.cache.addUsage(at.instance, usageDay(deps.now()), 1));
      if (adapter.transport !== 'background') return io;
      const credentialed = withCredentials(io, adapter.id, { url: at.tabUrl });
      if (adapter.id !== 'salesforce') return credentialed;
      return async (url, init) => (await guardFor(at.instance)).wrap(credentialed)(url, init);
    },

    /** Salesforce's own count of the org's API calls today, for the options page. */
    async usageOf(connection: StoredConnection): Promise<Connection['apiUsage']> {
      if (connection.crm !== 'salesforce') return null;
      const usage = (await salesforceUsage.getValue())[connection.instance];
      return usage ? { used: usage.used, max: usage.max, at: new Date(usage.at).toISOString() } : null;
    },

    async whoAmIHint(at: { crm: string; instance: string }): Promise<WhoAmIHint | undefined> {
      if (at.crm !== 'hubspot') return undefined;
      // The owner picked in options for this portal wins; the typed email is the fallback.
      const portal = portalOfInstance(at.instance);
      const picked = portal ? (await ownerChoices())[portal] : undefined;
      if (picked) return { ownerId: picked.id, ...(picked.email ? { email: picked.email } : {}) };
      const email = (await hubspotUserEmail.getValue()).trim();
      return email ? { email } : undefined;
    },

    /** Forget in-memory guards ("Delete all local data" also clears the persisted usage). */
    reset(): void {
      guards.clear();
    },
  };
}
