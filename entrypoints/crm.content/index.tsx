/**
 * CRM pages: recognise a record, mount the one Deal Coach sidebar beside it, follow SPA
 * navigation, and perform the background's same-origin reads ('page' transport).
 * Nothing runs at import time; every run is aborted by the next navigation or invalidation.
 * No zod here (bundle budget, DESIGN §8): the background validates.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SidebarState } from '../../components/types';
import { backgroundMessenger, tabMessenger } from '../../lib/platform/content-messaging';
import { pageFetch } from '../../lib/platform/page-fetch';
import type { CoachingReply, PageFetchReply, PageFetchRequest } from '../../lib/platform/protocol';
import { sidebarCollapsedState as sidebarCollapsed } from '../../lib/platform/sidebar-state';
import { pageTheme, watchPageTheme } from './page-theme';
import { CRM_PAGE_HOSTS } from '../../lib/crm/hosts';
import { createSidebarHost } from './sidebar-host';
import { waitFor } from './wait-for';

/** How long a record page may take to render before the sidebar shows anyway. */
const RECORD_RENDER_TIMEOUT_MS = 5_000;
/** Keep the previous deal this long after an SPA navigation before showing "loading". */
const LOADING_DELAY_MS = 120;

export default defineContentScript({
  // Whole hosts: CRMs are SPAs and reach a record from any page.
  matches: [...CRM_PAGE_HOSTS],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    try {
      start(ctx);
    } catch (error) {
      console.warn('Deal Coach: could not start', error);
    }
  },
});

function start(ctx: ContentScriptContext): void {
  let run: AbortController | null = null;
  /** The record the sidebar shows, to match pushed updates and refreshes. */
  let current: { url: string; crmLabel: string } | null = null;
  let collapsed = false;

  const host = createSidebarHost(ctx, {
    onToggleCollapsed: () => {
      collapsed = !collapsed;
      host.setCollapsed(collapsed);
      void sidebarCollapsed.setValue(collapsed).catch(() => undefined);
    },
    onRefresh: () => {
      if (current) void coach(current.url, current.crmLabel, true, run?.signal);
    },
    // Content scripts cannot open extension pages: the background opens the review of this deal's owner.
    onOpenReview: () => void backgroundMessenger.sendMessage('openReview', shownOwner ? { ownerId: shownOwner } : {}).catch(() => undefined),
  });
  /** Owner of the deal the sidebar shows, for "Open pipeline review". */
  let shownOwner: string | undefined;

  const fromExtension = (sender: { id?: string }) => sender.id === browser.runtime.id;

  // Background → page: same-origin reads and pushed revalidations.
  const removePageFetch = tabMessenger.onMessage('pageFetch', ({ data, sender }): Promise<PageFetchReply> | PageFetchReply => {
    if (!fromExtension(sender) || !isPageFetchRequest(data)) return { kind: 'error', errorKind: 'refused', message: 'Deal Coach refused an unexpected request.' };
    return pageFetch(data, location.href, ctx.signal);
  });
  /** A revalidation pushed for the current visit: newer than the cached answer the visit may still be about to show. */
  let pushed: { url: string; reply: CoachingReply } | null = null;
  const removeUpdated = tabMessenger.onMessage('coachingUpdated', ({ data, sender }) => {
    if (!fromExtension(sender) || !current || data.url !== current.url) return;
    pushed = { url: data.url, reply: data.reply };
    showReply(data.reply, current.crmLabel);
  });

  const unwatchCollapsed = sidebarCollapsed.watch((value) => {
    collapsed = value;
    host.setCollapsed(value);
  });

  ctx.onInvalidated(() => {
    run?.abort();
    removePageFetch();
    removeUpdated();
    unwatchCollapsed();
    host.hide();
  });

  watchPageTheme(() => host.setTheme(pageTheme()), ctx.signal);

  function showReply(reply: CoachingReply, crmLabel: string): void {
    const state = toSidebarState(reply, crmLabel);
    shownOwner = (reply.kind === 'ready' ? reply.view : reply.kind === 'error' ? reply.cached?.view : undefined)?.deal.owner.id;
    if (state) host.show(state);
    else host.hide();
  }

  async function coach(url: string, crmLabel: string, force: boolean, signal: AbortSignal | undefined): Promise<void> {
    if (force) host.show({ kind: 'loading', crmLabel });
    const reply = await ask(() => backgroundMessenger.sendMessage('getCoaching', { url, force }), crmLabel);
    if (signal?.aborted || current?.url !== url) return;
    showReply(reply, crmLabel);
  }

  async function visit(url: string, signal: AbortSignal): Promise<void> {
    const match = await backgroundMessenger.sendMessage('matchPage', { url }).catch(() => ({ kind: 'none' }) as const);
    if (signal.aborted) return;
    if (match.kind !== 'record') {
      current = null;
      host.hide();
      return;
    }
    current = { url, crmLabel: match.crmLabel };
    // Ask now; the answer is shown once the page shows the record.
    const reply = ask(() => backgroundMessenger.sendMessage('getCoaching', { url }), match.crmLabel);
    const loading: SidebarState = { kind: 'loading', crmLabel: match.crmLabel };
    // While the CRM loads the next record the previous deal may stay a moment; "loading" only if it takes a while.
    const loadingTimer = host.visible ? setTimeout(() => !signal.aborted && host.show(loading), LOADING_DELAY_MS) : undefined;
    try {
      if (match.readySelector) {
        // Show coaching once the page shows the record; an error (the page likely fails too) at once.
        const failed = reply.then((r) => (r.kind === 'error' ? true : new Promise<never>(() => undefined)));
        await Promise.race([waitFor(match.readySelector, signal, RECORD_RENDER_TIMEOUT_MS), failed]);
      }
      if (signal.aborted) return;
      host.setTheme(pageTheme());
      // Already answered (cached)? Show it directly, without a flash of "loading".
      const early = await Promise.race([reply, Promise.resolve(null)]);
      if (signal.aborted) return;
      if (!early) host.show(loading);
      const result = early ?? (await reply);
      if (signal.aborted) return;
      // The cached answer came first; a re-read pushed while the page rendered (its failure, its fresh deal) wins.
      showReply(pushed?.url === url ? pushed.reply : result, match.crmLabel);
    } finally {
      clearTimeout(loadingTimer);
    }
  }

  /** The URL of the current run: one location announced twice (an event, then WXT's poll) is one visit. */
  let visited: string | null = null;

  function navigate(url: string): void {
    if (url === visited) return;
    visited = url;
    pushed = null;
    run?.abort();
    const controller = new AbortController();
    run = controller;
    visit(url, controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      console.warn('Deal Coach: failed on this page', error);
      host.show({ kind: 'error', crmLabel: current?.crmLabel ?? 'your CRM', errorKind: 'internal', message: 'Deal Coach could not talk to its background service. Reload the page.' });
    });
  }

  void sidebarCollapsed
    .getValue()
    .then((value) => {
      collapsed = value;
      host.setCollapsed(value);
    })
    .catch(() => undefined)
    .finally(() => {
      if (ctx.isValid) navigate(location.href);
    });
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => navigate(newUrl.href));
  // WXT's locationchange polls (once a second); hash routers (Tryton's sao) and history navigation announce themselves at once.
  const follow = () => navigate(location.href);
  ctx.addEventListener(window, 'hashchange', follow);
  ctx.addEventListener(window, 'popstate', follow);
}

/** A background reply, or an error reply when the background could not be reached. */
async function ask(send: () => Promise<CoachingReply>, crmLabel: string): Promise<CoachingReply> {
  try {
    return await send();
  } catch {
    return { kind: 'error', crmLabel, errorKind: 'internal', message: 'Deal Coach could not reach its background service. Reload the page; if it persists, reload the extension.' };
  }
}

function toSidebarState(reply: CoachingReply, crmLabel: string): SidebarState | null {
  switch (reply.kind) {
    case 'none':
      return null;
    case 'ready':
      return reply;
    case 'error':
      return { kind: 'error', crmLabel: reply.crmLabel || crmLabel, errorKind: reply.errorKind === 'bad-request' || reply.errorKind === 'refused' ? 'internal' : reply.errorKind, message: reply.message, ...(reply.cached ? { cached: reply.cached } : {}) };
  }
}

function isPageFetchRequest(data: unknown): data is PageFetchRequest {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  if (typeof d.url !== 'string') return false;
  if (d.method !== undefined && d.method !== 'GET' && d.method !== 'POST') return false;
  if (d.body !== undefined && typeof d.body !== 'string') return false;
  if (d.headers !== undefined && (typeof d.headers !== 'object' || d.headers === null || Object.values(d.headers).some((v) => typeof v !== 'string'))) return false;
  return true;
}
