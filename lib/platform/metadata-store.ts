/**
 * Where the background keeps CRM metadata (pipelines, property names, owner names; see
 * lib/crm/shared/metadata.ts) across the service worker's idle restarts: `storage.session`, which
 * lives in memory until the browser closes, is not readable by content scripts, and is cleared by
 * "Delete all local data". The TTL is checked by the memory cache in front of it.
 */
import { browser } from 'wxt/browser';
import type { MetadataBacking } from '../crm/shared/metadata';

const PREFIX = 'crmMetadata:';

/** null where the browser has no storage.session (the metadata then lives in memory only). */
export function sessionMetadataStore(): MetadataBacking | null {
  const area = (browser.storage as Partial<typeof browser.storage>).session;
  if (!area) return null;
  return {
    get: async (key) => (await area.get(PREFIX + key))[PREFIX + key],
    set: (key, value) => area.set({ [PREFIX + key]: value }),
  };
}
