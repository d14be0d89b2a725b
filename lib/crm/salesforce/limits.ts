/**
 * Org API usage from the `Sforce-Limit-Info: api-usage=NNN/MMMMM` header that Salesforce returns on
 * every REST response (REST API "Limit Info Header"). The background wraps its Salesforce io with a
 * guard per org: the options page shows the last usage seen, and Deal Coach stops calling an org
 * that is above the threshold (default 80%) so it never eats the budget other integrations need,
 * probing again at most every `probeEveryMs`.
 */
import { CrmError, type CrmFetch } from '../types';
import { header } from '../shared/values';

export interface ApiUsage {
  used: number;
  max: number;
  /** used ÷ max. */
  share: number;
  /** When it was seen (ms since epoch). */
  at: number;
}

/** Parse `api-usage=25/5000; per-app-api-usage=17/250(appName=x)`; null when absent or unreadable. */
export function parseLimitInfo(value: string | null, at: number): ApiUsage | null {
  if (!value) return null;
  const m = /(?:^|[;,\s])api-usage=(\d+)\/(\d+)/.exec(value);
  if (!m) return null;
  const used = Number(m[1]);
  const max = Number(m[2]);
  if (!(max > 0)) return null;
  return { used, max, share: used / max, at };
}

export interface UsageGuardOptions {
  /** Refuse new calls while the last seen usage is at or above this share. Default 0.8. */
  threshold?: number;
  /** While above the threshold, let one call through this often to learn whether usage dropped. Default 15 min. */
  probeEveryMs?: number;
  /** Last usage persisted by the background, if any. */
  initial?: ApiUsage | null;
  /** Called with every usage seen, for the options page's "API calls today". */
  onUsage?: (usage: ApiUsage) => void;
  now?: () => number;
}

export interface UsageGuard {
  wrap(io: CrmFetch): CrmFetch;
  last(): ApiUsage | null;
}

export function createUsageGuard(options: UsageGuardOptions = {}): UsageGuard {
  const threshold = options.threshold ?? 0.8;
  const probeEveryMs = options.probeEveryMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  let last: ApiUsage | null = options.initial ?? null;
  let lastProbe = -Infinity;

  return {
    last: () => last,
    wrap(io) {
      return async (url, init) => {
        if (last && last.share >= threshold) {
          const t = now();
          if (t - lastProbe < probeEveryMs) {
            const pct = Math.round(last.share * 100);
            throw new CrmError(
              'rate-limited',
              `Your Salesforce org has used ${pct}% of its daily API calls (${last.used.toLocaleString('en-US')} of ${last.max.toLocaleString('en-US')}). ` +
                `Deal Coach pauses its own calls above ${Math.round(threshold * 100)}% so your other integrations keep working; showing cached data.`,
            );
          }
          lastProbe = t;
        }
        const res = await io(url, init);
        const usage = parseLimitInfo(header(res.headers, 'Sforce-Limit-Info'), now());
        if (usage) {
          last = usage;
          options.onUsage?.(usage);
        }
        return res;
      };
    },
  };
}
