/**
 * The custom CRMs of the current settings as adapters, for lib/crm/registry.ts to consult after the
 * built-in CRMs: one adapter per profile, rebuilt when the profiles change. Background only.
 */
import type { RecordRef } from '../../model';
import type { CrmAdapter } from '../types';
import { CUSTOM_CRM_ID_PREFIX } from './fields';
import { matchCustomRecord } from './match';
import type { CustomCrmProfile } from './profile';
import { createCustomAdapter, type CustomAdapterOptions } from './read-json';

export interface CustomCrmMatch {
  adapter: CrmAdapter;
  profile: CustomCrmProfile;
  ref: RecordRef;
  /** A selector present once the record is rendered (the deal name's CSS selector), else null: show at once. */
  readySelector: string | null;
}

export function isCustomCrmId(id: string): boolean {
  return id.startsWith(CUSTOM_CRM_ID_PREFIX);
}

/** Wait for the deal name when the profile finds it by CSS; label-based profiles are read when the page settles instead. */
export function readySelectorFor(profile: CustomCrmProfile): string | null {
  const name = profile.fields.name?.locator;
  return name && name.by === 'css' ? name.selector : null;
}

export function customRegistry(profiles: readonly CustomCrmProfile[], options: CustomAdapterOptions = {}) {
  const entries = profiles.map((profile) => ({ profile, adapter: createCustomAdapter(profile, options) }));
  return {
    adapters: entries.map((e) => e.adapter),
    adapterFor(url: string): CustomCrmMatch | null {
      for (const { profile, adapter } of entries) {
        const ref = matchCustomRecord(url, profile);
        if (ref) return { adapter, profile, ref, readySelector: readySelectorFor(profile) };
      }
      return null;
    },
    adapterById(id: string): CrmAdapter | null {
      return entries.find((e) => e.adapter.id === id)?.adapter ?? null;
    },
    profileById(id: string): CustomCrmProfile | null {
      return entries.find((e) => e.adapter.id === id || e.profile.id === id)?.profile ?? null;
    },
  };
}
export type CustomRegistry = ReturnType<typeof customRegistry>;
