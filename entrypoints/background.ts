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
import { cacheFullSince, clearStorage, connections, readSettings, touchConnection } from '../lib/platform/settings';
import { createSummaryService } from '../lib/platform/summary-service';
import { createReviewService } from '../lib/platform/review-service';
import { createReviewCache } from '../lib/platform/cache';
import { ReviewSnapshot } from '../lib/review/diff';
import { crmMetadata } from '../lib/crm/shared/metadata';
import { sessionMetadataStore } from '../lib/platform/metadata-store';
import { listOwners } from '../lib/platform/hubspot-owners';
import { isCrmEnabled, readPolicy } from '../lib/platform/policy';
import { createCustomCrmService } from '../lib/platform/custom-crm-service';
import { isCustomCrmId } from '../lib/crm/custom/registry';
import { keepContentScriptsRegistered } from '../lib/platform/content-scripts';
import { createCustomOriginsCache, watchCustomOrigins } from '../lib/platform/custom-origins-storage';

const HISTORY_ALARM = 'refresh-history';

export default defineBackground(() => {
  const now = () => Date.now();
  // Admin policy: a CRM it does not enable is neither coached, read nor refreshed.
  const crmEnabled = async (crmId: string) => isCrmEnabled(await readPolicy(), crmId);
  const enabledConnections = async () => {
    const [all, policy] = await Promise.all([connections.getValue(), readPolicy()]);
    return all.filter((c) => isCrmEnabled(policy, c.crm));
  };
  const lastUse = new Map<string, number>();
  // Storage full even after evicting old entries: options says so (cacheFullSince).
  const cache = createCache(console.warn, { onFull: (full) => void cacheFullSince.setValue(full ? new Date().toISOString() : null).catch(() => undefined) });
  // Every CRM io: pinned transport, the sender tab's own credential, Salesforce's usage guard, calls counted.
  const access = createCrmAccess({ cache, now });
  // HubSpot / Pipedrive metadata (pipelines, property and owner names) outlives worker restarts in storage.session.
  crmMetadata.persistTo(sessionMetadataStore());
  // Custom CRM profiles (settings and admin policy): their adapters, page reader, preview and pick mode.
  const custom = createCustomCrmService({ now });
  // Custom CRM domains: the CRM named for each granted origin in options, and the content script registered there.
  const customOrigins = createCustomOriginsCache();
  watchCustomOrigins(customOrigins.invalidate);
  keepContentScriptsRegistered(customOrigins.invalidate);
  /** Built-in CRMs and custom profiles; a custom profile wins where it is configured (see lib/crm/registry.ts). */
  const matchUrl = async (url: string) => {
    const match = adapterFor(url, await custom.registry(), await customOrigins.get());
    // The sidebar says which profile reads this page: "Acme CRM (custom profile)".
    if (match && isCustomCrmId(match.adapter.id)) return { ...match, adapter: { ...match.adapter, label: `${match.adapter.label} (custom profile)` } };
    return match;
  };
  // Custom adapters' io also reads their tab's page (readDom); every other io is the same as before.
  const ioFor: typeof access.ioFor = (adapter, at, tabId) => custom.ioFor(adapter, access.ioFor(adapter, at, tabId), tabId);
  const repository = createRepository({
    cache,
    now,
    whoAmIHint: access.whoAmIHint,
    // Custom CRMs are read one page at a time (no history, no user): they are not connections for the popup or review.
    onSynced: (at, fetchedAt) => !isCustomCrmId(at.crm) && void touchConnection({ crm: at.crm, instance: at.instance, origin: new URL(at.url).origin, lastSync: fetchedAt }),
  });
  const coaching = createCoachingService({
    repository,
    settings: readSettings,
    now,
    ioFor,
    push: (tabId, url, reply) => void tabMessenger.sendMessage('coachingUpdated', { url, reply }, { tabId, frameId: 0 }).catch(() => undefined),
    adapterFor: matchUrl,
    adjustments: (adapter) => custom.coachingAdjustments(adapter),
    // "Last used" feeds the popup's choice of connection; a write a minute is plenty.
    onUsed: (at, origin) => {
      // Custom CRMs have no history or signed-in user to summarise: not a connection of the popup.
      if (isCustomCrmId(at.crm)) return;
      const key = `${at.crm}|${at.instance}`;
      if (now() - (lastUse.get(key) ?? 0) < 60_000) return;
      lastUse.set(key, now());
      void touchConnection({ crm: at.crm, instance: at.instance, origin, pageUrl: at.url, lastUsedAt: new Date(now()).toISOString() });
    },
    // Who is signed in (cached hourly), for the options page and the popup.
    afterRead: (adapter, at, io) =>
      !isCustomCrmId(adapter.id) &&
      void repository.user(adapter, at, io).then((entry) => {
        if (entry) void touchConnection({ crm: at.crm, instance: at.instance, origin: new URL(at.url).origin, user: { id: entry.user.id, name: entry.user.name } });
      }),
  });
  const summaries = createSummaryService({
    repository,
    cache,
    settings: readSettings,
    connections: enabledConnections,
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
    connections: enabledConnections,
    now,
    findTab: findCrmTab,
    ioFor,
  });

  const handlers: HandlerMap = {
    matchPage: {
      from: ['content-script'],
      handle: async ({ url }) => {
        const match = await matchUrl(url);
        if (!match || !(await crmEnabled(match.adapter.id))) return { kind: 'none' };
        return { kind: 'record', crmLabel: match.adapter.label, recordId: match.ref.id, readySelector: match.readySelector };
      },
    },
    getCoaching: {
      from: ['content-script'],
      handle: async (request, { sender, tabId }) => {
        const origin = checkSameOrigin(request.url, sender);
        if (!origin.ok) return { kind: 'error', crmLabel: 'Deal Coach', errorKind: 'refused', message: `Refused: ${origin.reason}.` };
        const match = await matchUrl(request.url);
        if (match && !(await crmEnabled(match.adapter.id))) return { kind: 'error', crmLabel: match.adapter.label, errorKind: 'refused', message: `Deal Coach is turned off for ${match.adapter.label} by your administrator.` };
        // A custom CRM read from its page is read on every visit (no API cost; starts following its late panels).
        const force = request.force === true || (match !== null && (await custom.readsPage(match.adapter)));
        return coaching.getCoaching({ ...request, force }, { id: tabId, origin: origin.origin, url: sender.tab?.url ?? request.url });
      },
    },
    customCrmTabs: { from: ['extension-page'], handle: ({ urlPattern }) => custom.tabs(urlPattern) },
    previewCustomCrm: { from: ['extension-page'], handle: ({ profile, tabId }) => custom.preview(profile, tabId) },
    startPick: { from: ['extension-page'], handle: (request) => custom.startPick(request) },
    stopPick: { from: ['extension-page'], handle: ({ tabId }) => custom.stopPick(tabId) },
    pickResult: { from: ['content-script'], handle: (result, { tabId }) => custom.pickResult(result, tabId) },
    // A custom CRM page's texts changed after they were read (a collapsed panel loaded): read it again and push.
    customPageChanged: {
      from: ['content-script'],
      handle: async ({ url }, { sender, tabId }) => {
        const origin = checkSameOrigin(url, sender);
        if (!origin.ok || tabId === null) return { kind: 'error', errorKind: 'refused', message: `Refused: ${origin.ok ? 'no tab' : origin.reason}.` };
        const match = await matchUrl(url);
        if (!match || !isCustomCrmId(match.adapter.id) || !(await crmEnabled(match.adapter.id))) return { kind: 'done' };
        const reply = await coaching.getCoaching({ url, force: true }, { id: tabId, origin: origin.origin, url: sender.tab?.url ?? url });
        await tabMessenger.sendMessage('coachingUpdated', { url, reply }, { tabId, frameId: 0 }).catch(() => undefined);
        return { kind: 'done' };
      },
    },
    getPersonalSummary: { from: ['extension-page'], handle: () => summaries.getPersonalSummary() },
    listHubSpotOwners: { from: ['extension-page'], handle: ({ portal }) => listOwners(portal, { ioFor }) },
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
        crmMetadata.clear();
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
