/**
 * Background service worker: wiring only. Message handlers → services in lib/platform,
 * the hourly history refresh alarm. Nothing runs at import time.
 */
import { browser } from 'wxt/browser';
import { createCache } from '../lib/platform/cache';
import { createCoachingService } from '../lib/platform/coaching-service';
import { counted, findCrmTab, transportFor } from '../lib/platform/crm-io';
import { registerHandlers, type HandlerMap } from '../lib/platform/dispatch';
import { adapterFor } from '../lib/crm/registry';
import { checkSameOrigin } from '../lib/platform/guards';
import { tabMessenger } from '../lib/platform/messaging';
import { usageDay } from '../lib/platform/cache-policy';
import { createRepository } from '../lib/platform/repository';
import { clearStorage, connections, readSettings, touchConnection } from '../lib/platform/settings';
import { createSummaryService } from '../lib/platform/summary-service';
import type { CrmAdapter } from '../lib/crm/types';

const HISTORY_ALARM = 'refresh-history';

export default defineBackground(() => {
  const now = () => Date.now();
  const lastUse = new Map<string, number>();
  const cache = createCache();
  const repository = createRepository({
    cache,
    now,
    onSynced: (at, fetchedAt) => void touchConnection({ crm: at.crm, instance: at.instance, origin: new URL(at.url).origin, lastSync: fetchedAt }),
  });
  const ioFor = (adapter: CrmAdapter, origin: string, tabId: number | null) => {
    const io = transportFor(adapter, origin, tabId);
    const instance = new URL(origin).host;
    return io && counted(io, () => void cache.addUsage(instance, usageDay(now()), 1));
  };
  const coaching = createCoachingService({
    repository,
    settings: readSettings,
    now,
    ioFor,
    push: (tabId, url, reply) => void tabMessenger.sendMessage('coachingUpdated', { url, reply }, { tabId, frameId: 0 }).catch(() => undefined),
    // "Last used" feeds the popup's choice of connection; a write a minute is plenty.
    onUsed: (at, origin) => {
      const key = `${at.crm}|${at.instance}`;
      if (now() - (lastUse.get(key) ?? 0) < 60_000) return;
      lastUse.set(key, now());
      void touchConnection({ crm: at.crm, instance: at.instance, origin, lastUsedAt: new Date(now()).toISOString() });
    },
    // Who is signed in (cached hourly), for the options page and the popup.
    afterRead: (adapter, at, io) =>
      void repository.user(adapter, at, io).then((entry) => {
        if (entry) void touchConnection({ crm: at.crm, instance: at.instance, origin: new URL(at.url).origin, user: { id: entry.user.id, name: entry.user.name } });
      }),
  });
  const summaries = createSummaryService({
    repository,
    cache,
    settings: readSettings,
    connections: () => connections.getValue(),
    saveUser: (c, user) => touchConnection({ crm: c.crm, instance: c.instance, origin: c.origin, user }),
    now,
    findTab: findCrmTab,
    ioFor,
  });

  const handlers: HandlerMap = {
    matchPage: {
      from: ['content-script'],
      handle: async ({ url }) => {
        const match = adapterFor(url);
        if (!match) return { kind: 'none' };
        return { kind: 'record', crmLabel: match.adapter.label, recordId: match.ref.id, readySelector: match.readySelector };
      },
    },
    getCoaching: {
      from: ['content-script'],
      handle: async (request, { sender, tabId }) => {
        const origin = checkSameOrigin(request.url, sender);
        if (!origin.ok) return { kind: 'error', crmLabel: 'Deal Coach', errorKind: 'refused', message: `Refused: ${origin.reason}.` };
        return coaching.getCoaching(request, { id: tabId, origin: origin.origin });
      },
    },
    getPersonalSummary: { from: ['extension-page'], handle: () => summaries.getPersonalSummary() },
    getConnections: { from: ['extension-page'], handle: () => summaries.getConnections() },
    getReviewDeals: { from: ['extension-page'], handle: (request) => summaries.getReviewDeals(request) },
    deleteAllData: {
      from: ['extension-page'],
      handle: async () => {
        await cache.clearAll();
        await clearStorage();
        repository.reset();
        coaching.reset();
        lastUse.clear();
        return { kind: 'done' };
      },
    },
  };
  registerHandlers(handlers);

  // Hourly history refresh of known connections (a 'page' CRM only while one of its tabs is open).
  void browser.alarms.get(HISTORY_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(HISTORY_ALARM, { periodInMinutes: 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HISTORY_ALARM) void summaries.refreshHistories().catch((error: unknown) => console.warn('Deal Coach: history refresh failed', error));
  });
});
