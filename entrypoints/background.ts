/**
 * Background service worker: wiring only. Message handlers → services in lib/platform,
 * the hourly history refresh alarm. Nothing runs at import time.
 */
import { browser } from 'wxt/browser';
import { createCache } from '../lib/platform/cache';
import { createCoachingService } from '../lib/platform/coaching-service';
import { createCrmAccess } from '../lib/platform/crm-access';
import { findCrmTab } from '../lib/platform/crm-io';
import { registerHandlers, type HandlerMap } from '../lib/platform/dispatch';
import { adapterFor } from '../lib/crm/registry';
import { checkSameOrigin } from '../lib/platform/guards';
import { tabMessenger } from '../lib/platform/messaging';
import { createRepository } from '../lib/platform/repository';
import { clearStorage, connections, readSettings, touchConnection } from '../lib/platform/settings';
import { createSummaryService } from '../lib/platform/summary-service';
import { createReviewService } from '../lib/platform/review-service';
import { createReviewCache } from '../lib/platform/cache';
import { ReviewSnapshot } from '../lib/review/diff';

const HISTORY_ALARM = 'refresh-history';

export default defineBackground(() => {
  const now = () => Date.now();
  const lastUse = new Map<string, number>();
  const cache = createCache();
  // Every CRM io: pinned transport, the sender tab's own credential, Salesforce's usage guard, calls counted.
  const access = createCrmAccess({ cache, now });
  const ioFor = access.ioFor;
  const repository = createRepository({
    cache,
    now,
    whoAmIHint: access.whoAmIHint,
    onSynced: (at, fetchedAt) => void touchConnection({ crm: at.crm, instance: at.instance, origin: new URL(at.url).origin, lastSync: fetchedAt }),
  });
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
      void touchConnection({ crm: at.crm, instance: at.instance, origin, pageUrl: at.url, lastUsedAt: new Date(now()).toISOString() });
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
    usageOf: access.usageOf,
  });

  const reviews = createReviewService({
    repository,
    reviewCache: createReviewCache(),
    settings: readSettings,
    connections: () => connections.getValue(),
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
        return coaching.getCoaching(request, { id: tabId, origin: origin.origin, url: sender.tab?.url ?? request.url });
      },
    },
    getPersonalSummary: { from: ['extension-page'], handle: () => summaries.getPersonalSummary() },
    getConnections: { from: ['extension-page'], handle: () => summaries.getConnections() },
    getReviewDeals: { from: ['extension-page'], handle: (request) => summaries.getReviewDeals(request) },
    getTeamReview: { from: ['extension-page'], handle: (request) => reviews.getTeamReview(request) },
    saveReviewSnapshot: { from: ['extension-page'], handle: ({ snapshot }) => reviews.saveSnapshot(snapshot) },
    getReviewSnapshot: {
      from: ['extension-page'],
      handle: ({ scope }) =>
        reviews.latestSnapshot(scope, (value) => {
          const parsed = ReviewSnapshot.safeParse(value);
          return parsed.success ? parsed.data : null;
        }),
    },
    openReview: {
      from: ['content-script'],
      handle: async ({ ownerId }, { tabId }) => {
        const query = new URLSearchParams(ownerId ? { owner: ownerId } : {}).toString();
        await browser.tabs.create({ url: browser.runtime.getURL(`/review.html${query ? `?${query}` : ''}`), ...(tabId !== null ? { openerTabId: tabId } : {}) });
        return { kind: 'opened' };
      },
    },
    deleteAllData: {
      from: ['extension-page'],
      handle: async () => {
        await cache.clearAll();
        await clearStorage();
        repository.reset();
        coaching.reset();
        reviews.reset();
        access.reset();
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
