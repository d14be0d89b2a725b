/**
 * Where custom CRM profiles live (issue #7): the admin's own in `storage.local` (`customCrms`,
 * edited in Options) and the ones pushed by admin policy (`storage.managed` key `customCrms`, read
 * through policy.ts; read-only). Both are untrusted input: every profile is parsed with zod on read,
 * one at a time, so one bad entry is dropped with its reason instead of hiding the others.
 * Background and options page only (zod).
 */
import { storage } from 'wxt/utils/storage';
import { CustomCrmProfiles, type CustomCrmProfile } from '../crm/custom/profile';
import { customCrmsInForce, type CustomCrmEntry, type StoredCustomCrms } from '../crm/custom/stored';
import { readPolicy, watchPolicy } from './policy';
import type { PickResultMessage } from './protocol';

const localItem = storage.defineItem<unknown>('local:customCrms', { fallback: [] });

export type { CustomCrmEntry, StoredCustomCrms };

/** Both lists, parsed, with the policy's profiles taking precedence over a local one of the same id. */
export async function readCustomCrms(): Promise<StoredCustomCrms> {
  const [raw, policy] = await Promise.all([localItem.getValue().catch(() => []), readPolicy().catch(() => ({}) as { customCrms?: unknown })]);
  return customCrmsInForce(raw, policy.customCrms);
}

/** The profiles in force, for the background's registry. */
export async function customCrmProfiles(): Promise<CustomCrmProfile[]> {
  return (await readCustomCrms()).entries.map((e) => e.profile);
}

/** Replace the local profiles (options page). Validated as a whole: throws a zod error when invalid. */
export async function writeLocalCustomCrms(profiles: readonly unknown[]): Promise<CustomCrmProfile[]> {
  const parsed = CustomCrmProfiles.parse(profiles);
  await localItem.setValue(parsed);
  return parsed;
}

/** Called whenever the local profiles or the admin policy change; returns an unsubscribe. */
export function watchCustomCrms(callback: () => void): () => void {
  const unwatchLocal = localItem.watch(() => callback());
  const unwatchPolicy = watchPolicy(() => callback());
  return () => {
    unwatchLocal();
    unwatchPolicy();
  };
}

/** The last "pick on page" result; the options page watches it (storage.session: extension contexts only, gone with the browser session). */
export const pickResultItem = storage.defineItem<(PickResultMessage & { at: number }) | null>('session:customCrmPick', { fallback: null });
