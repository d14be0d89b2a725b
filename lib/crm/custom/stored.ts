/**
 * The profiles in force from what storage holds: the admin's own (`storage.local`) and those pushed
 * by policy (`storage.managed`). Both are untrusted: each profile is parsed on its own, so one bad
 * entry is dropped with its reason instead of hiding the others; the policy's profile wins over a
 * local one with the same id. Pure (zod); lib/platform/custom-crms.ts does the storage.
 */
import { CustomCrmProfile, MAX_CUSTOM_CRMS, issuesOf } from './profile';

export interface CustomCrmEntry {
  profile: CustomCrmProfile;
  /** 'managed': pushed by admin policy, shown read-only ("set by your administrator"). */
  source: 'local' | 'managed';
}

export interface StoredCustomCrms {
  /** In force, managed first. */
  entries: CustomCrmEntry[];
  /** Stored or pushed entries that were ignored, and why. */
  ignored: string[];
}

function parseEach(raw: unknown, where: string, ignored: string[]): CustomCrmProfile[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ignored.push(`${where}: expected a list of profiles`);
    return [];
  }
  const out: CustomCrmProfile[] = [];
  raw.forEach((value, i) => {
    const parsed = CustomCrmProfile.safeParse(value);
    if (!parsed.success) {
      const first = issuesOf(parsed.error)[0];
      ignored.push(`${where}[${i}]: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid profile'}`);
    } else if (out.some((p) => p.id === parsed.data.id)) ignored.push(`${where}[${i}]: a second profile with the id "${parsed.data.id}"`);
    else out.push(parsed.data);
  });
  return out;
}

export function customCrmsInForce(localRaw: unknown, managedRaw: unknown): StoredCustomCrms {
  const ignored: string[] = [];
  const managed = parseEach(managedRaw, 'policy customCrms', ignored);
  const local = parseEach(localRaw, 'customCrms', ignored).filter((p) => {
    const shadowed = managed.some((m) => m.id === p.id);
    if (shadowed) ignored.push(`customCrms: "${p.id}" is also set by your administrator; theirs is used`);
    return !shadowed;
  });
  const entries: CustomCrmEntry[] = [...managed.map((profile) => ({ profile, source: 'managed' as const })), ...local.map((profile) => ({ profile, source: 'local' as const }))];
  if (entries.length > MAX_CUSTOM_CRMS) ignored.push(`only the first ${MAX_CUSTOM_CRMS} custom CRMs are used`);
  return { entries: entries.slice(0, MAX_CUSTOM_CRMS), ignored };
}
