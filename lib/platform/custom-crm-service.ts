/**
 * Custom CRMs in the background (issue #7): the adapters of the profiles in force, the io that lets
 * them read their tab's page, what coaching they cannot give, and the options page's live preview
 * and "pick on page".
 *
 * The page reader and the pick banner are not in the always-on content script (its budget is
 * 20 kB gzipped, DESIGN §8, and only custom-CRM pages need them): `/custom-crm.js`
 * (entrypoints/custom-crm.ts) is injected into the tab on first need with `scripting.executeScript`,
 * into the content scripts' isolated world, and answers TabProtocol `readDom`, `beginPick`, `endPick`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { validateProfile, type CustomCrmProfile } from '../crm/custom/profile';
import { customView } from '../crm/custom/limitations';
import { matchCustomRecord, parseMatchPattern, urlMatchesPattern } from '../crm/custom/match';
import { withCustomMappings } from '../crm/custom/qualification';
import { draftFromRaw } from '../crm/custom/raw-source';
import { endpointUrl, readDealFromJson, withDomReader } from '../crm/custom/read-json';
import type { ReadDomRequest } from '../crm/custom/read-raw';
import { customRegistry, isCustomCrmId, type CustomRegistry } from '../crm/custom/registry';
import { ReadDomReplySchema } from '../crm/custom/to-deal';
import { unavailableCoaching } from '../crm/custom/unavailable';
import { fetchJson } from '../crm/shared/http';
import { CrmError, type CrmAdapter, type CrmFetch } from '../crm/types';
import type { ViewAdjustments } from './coaching-service';
import { customCrmProfiles, pickResultItem, watchCustomCrms } from './custom-crms';
import { describeError, pageTransport } from './crm-io';
import { tabMessenger } from './messaging';
import type { CustomCrmTabsReply, DoneReply, PickResultMessage, PreviewCustomCrmReply, StartPickRequest, TabProtocol } from './protocol';

/** The unlisted script with the page reader and pick mode (entrypoints/custom-crm.ts). */
const INJECTED_SCRIPT = '/custom-crm.js';


/** Picks under way, tab id → request id (session storage: the service worker may restart while the admin picks). */
const picksItem = storage.defineItem<Record<string, string>>('session:customCrmPicksOpen', { fallback: {} });

type TabMessage = 'readDom' | 'beginPick' | 'endPick';

export interface CustomCrmServiceDeps {
  now(): number;
}

export function createCustomCrmService(deps: CustomCrmServiceDeps) {
  let registry: Promise<CustomRegistry> | null = null;
  /** The pick under way, per tab: a result is accepted only from that tab, for that request. */
  const picks = {
    get: async (tabId: number) => (await picksItem.getValue())[String(tabId)],
    set: async (tabId: number, requestId: string) => picksItem.setValue({ ...(await picksItem.getValue()), [String(tabId)]: requestId }),
    delete: async (tabId: number) => {
      const { [String(tabId)]: _gone, ...rest } = await picksItem.getValue();
      await picksItem.setValue(rest);
    },
  };

  const load = () => (registry ??= customCrmProfiles().then((profiles) => customRegistry(profiles, { now: () => new Date(deps.now()).toISOString() })));
  watchCustomCrms(() => (registry = null));

  async function inject(tabId: number): Promise<void> {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [INJECTED_SCRIPT] });
  }

  /** Send to the tab's custom-CRM script, injecting it first if the tab does not have it yet (a new page load). */
  async function toTab<K extends TabMessage>(tabId: number, type: K, data: Parameters<TabProtocol[K]>[0]): Promise<unknown> {
    const send = () => (tabMessenger.sendMessage as (t: K, d: unknown, o: { tabId: number; frameId: number }) => Promise<unknown>)(type, data, { tabId, frameId: 0 });
    try {
      return await send();
    } catch {
      await inject(tabId);
      return send();
    }
  }

  const readDom = (tabId: number) => (request: ReadDomRequest) => toTab(tabId, 'readDom', request);

  function profileOf(registry: CustomRegistry, adapter: CrmAdapter): CustomCrmProfile | null {
    return isCustomCrmId(adapter.id) ? registry.profileById(adapter.id) : null;
  }

  return {
    /** The current registry of custom adapters (rebuilt after the profiles change). */
    registry: load,

    /**
     * A custom CRM read from its page (not an endpoint): reading costs no API call, and only a read
     * starts following the page's late panels, so it is read on every visit rather than served from cache.
     */
    async readsPage(adapter: CrmAdapter): Promise<boolean> {
      const profile = profileOf(await load(), adapter);
      return profile !== null && profile.endpoint === undefined;
    },

    /** A custom adapter's io also reads its tab's page (withDomReader); other adapters' io is unchanged. */
    ioFor(adapter: CrmAdapter, io: CrmFetch | null, tabId: number | null): CrmFetch | null {
      if (!io || tabId === null || !isCustomCrmId(adapter.id)) return io;
      return withDomReader(io, readDom(tabId));
    },

    /**
     * For a custom adapter: the playbook with the profile's question mapping, and the view's
     * limitations led by what the profile does not map. null for built-in adapters.
     */
    async coachingAdjustments(adapter: CrmAdapter): Promise<ViewAdjustments | null> {
      if (!isCustomCrmId(adapter.id)) return null;
      const profile = profileOf(await load(), adapter);
      if (!profile) return null;
      return {
        playbook: (p) => withCustomMappings(p, [profile]),
        // One record page at a time: no closed deals, no pipeline, so no benchmarks (rather than benchmarks of nothing).
        benchmarks: false,
        view: (view, playbookId) => customView(view, profile, unavailableCoaching(profile, { playbookId })),
      };
    },

    /** Open tabs whose URL fits a match pattern (only tabs Deal Coach may read have a URL to compare). */
    async tabs(urlPattern: string): Promise<CustomCrmTabsReply> {
      const pattern = parseMatchPattern(urlPattern);
      if ('error' in pattern) return { kind: 'error', errorKind: 'bad-request', message: `The match pattern is not valid: ${pattern.error}.` };
      const tabs = await browser.tabs.query({}).catch(() => []);
      return {
        kind: 'ready',
        tabs: tabs
          .filter((t) => t.id !== undefined && t.url !== undefined && urlMatchesPattern(t.url, pattern))
          .map((t) => ({ tabId: t.id!, title: t.title ?? t.url!, url: t.url!, isRecord: false })),
      };
    },

    /** The live preview: the chosen tab read with a draft profile, field by field. */
    async preview(raw: unknown, tabId: number): Promise<PreviewCustomCrmReply> {
      const checked = validateProfile(raw);
      if (!checked.ok) return { kind: 'error', errorKind: 'bad-request', message: `Fix the profile first: ${checked.issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.` };
      const profile = checked.value;
      const tab = await browser.tabs.get(tabId).catch(() => null);
      if (!tab?.url) return { kind: 'error', errorKind: 'forbidden', message: 'Deal Coach may not read that tab: allow access to the CRM first, or choose another tab.' };
      const ref = matchCustomRecord(tab.url, profile);
      if (!ref) return { kind: 'not-record', url: tab.url };
      const now = new Date(deps.now()).toISOString();
      try {
        if (profile.endpoint) {
          const url = endpointUrl(profile, ref);
          if (!url) return { kind: 'error', errorKind: 'bad-request', message: 'The endpoint is not on the CRM’s own site.' };
          const body = await fetchJson(pageTransport(tabId, new URL(ref.url).origin, profile.name), url, { method: 'GET', headers: { Accept: 'application/json' } }, { label: profile.name }, `deal ${ref.id}`);
          return { kind: 'ready', url: tab.url, report: readDealFromJson(body, profile, ref, now).report };
        }
        const reply = ReadDomReplySchema.safeParse(await readDom(tabId)({ profile, url: ref.url }));
        if (!reply.success) return { kind: 'error', errorKind: 'malformed', message: 'The CRM tab sent an answer Deal Coach could not read. Reload the tab.' };
        if (reply.data.kind === 'error') return { kind: 'error', errorKind: 'offline', message: reply.data.message };
        return { kind: 'ready', url: reply.data.url, report: draftFromRaw(reply.data.raw, profile, ref, now).report };
      } catch (error) {
        const { errorKind, message } = error instanceof CrmError ? describeError(error, profile.name) : { errorKind: 'offline' as const, message: 'The CRM tab did not answer. Reload it and try again.' };
        return { kind: 'error', errorKind, message };
      }
    },

    async startPick(request: StartPickRequest): Promise<DoneReply> {
      await picks.set(request.tabId, request.requestId);
      try {
        await toTab(request.tabId, 'beginPick', { requestId: request.requestId, label: request.label, what: request.what });
        // The admin clicks in the CRM tab: bring it forward (no "tabs" permission needed to activate a tab).
        await browser.tabs.update(request.tabId, { active: true }).catch(() => undefined);
        return { kind: 'done' };
      } catch {
        await picks.delete(request.tabId);
        return { kind: 'error', errorKind: 'offline', message: 'Pick mode could not start in that tab. Reload the CRM tab and try again.' };
      }
    },

    async stopPick(tabId: number): Promise<DoneReply> {
      await picks.delete(tabId);
      await toTab(tabId, 'endPick', undefined).catch(() => undefined);
      return { kind: 'done' };
    },

    /** From the tab's pick script: accepted only from the tab the pick was started in, for that request. */
    async pickResult(result: PickResultMessage, tabId: number | null): Promise<DoneReply> {
      if (tabId === null || (await picks.get(tabId)) !== result.requestId) return { kind: 'error', errorKind: 'refused', message: 'No pick under way in this tab.' };
      await picks.delete(tabId);
      await pickResultItem.setValue({ ...result, at: deps.now() });
      return { kind: 'done' };
    },
  };
}

export type CustomCrmService = ReturnType<typeof createCustomCrmService>;
