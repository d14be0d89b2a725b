/**
 * Where the person's custom CRM origins live: `local:customOrigins`, origin → the built-in CRM they
 * said runs there (`{ "http://crm.lan:8000": { "crm": "tryton" } }`). Read through zod
 * (custom-origins.ts); the host permission itself is the browser's, asked for in options.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CustomOrigins } from '../crm/registry';
import { activeCustomOrigins, parseCustomOrigins, withPolicyOrigins, type CustomOriginEntry } from './custom-origins';
import { readPolicy, watchPolicy } from './policy';

const item = storage.defineItem<unknown>('local:customOrigins', { fallback: {} });

/** The person's own origins (storage) and the admin's (policy, marked managed). */
export async function readCustomOrigins(): Promise<Map<string, CustomOriginEntry>> {
  const [own, policy] = await Promise.all([item.getValue(), readPolicy()]);
  return withPolicyOrigins(parseCustomOrigins(own), policy.customCrmDomains);
}

/** Name the CRM of an origin, or forget the origin (`crm` null). Entries that no longer parse are dropped on write. */
export async function setCustomOrigin(origin: string, crm: string | null, now: Date = new Date()): Promise<void> {
  // Only the person's own entries are written back: policy ones stay the policy's.
  const next = Object.fromEntries(parseCustomOrigins(await item.getValue()));
  if (crm === null) delete next[origin];
  else next[origin] = { crm, addedAt: now.toISOString() };
  await item.setValue(next);
}

export function watchCustomOrigins(callback: () => void): () => void {
  const stopOwn = item.watch(callback);
  const stopPolicy = watchPolicy(() => callback());
  return () => {
    stopOwn();
    stopPolicy();
  };
}

/** Every host permission granted now (the manifest's and the optional ones). */
export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }));
  return all.origins ?? [];
}

/**
 * The background's view of the named origins whose permission is granted, kept in memory and
 * dropped whenever the mapping or a permission changes (one read per change, not per page).
 */
export function createCustomOriginsCache(): { get(): Promise<CustomOrigins>; invalidate(): void } {
  let cached: Promise<CustomOrigins> | null = null;
  return {
    get() {
      cached ??= Promise.all([readCustomOrigins(), grantedOrigins()])
        .then(([named, granted]) => activeCustomOrigins(named, granted))
        .catch((error: unknown) => {
          cached = null;
          console.warn('Deal Coach: could not read the custom CRM domains', error);
          return new Map<string, string>();
        });
      return cached;
    },
    invalidate() {
      cached = null;
    },
  };
}
