/**
 * Playbooks map questions to fields per CRM adapter id (DESIGN §6); a custom CRM's mapping lives in
 * its profile (`qualification`). This puts it where the playbook engine looks: under
 * `mappings["custom:<id>"]`. Pure; types only.
 */
import type { FieldMapping, Playbook } from '../../model';
import { CUSTOM_CRM_ID_PREFIX } from './fields';
import type { CustomCrmProfile } from './profile';

export function profileMapping(profile: Pick<CustomCrmProfile, 'qualification'>, playbookId: string): FieldMapping {
  const mapping: Array<[string, string[]]> = [];
  for (const q of profile.qualification) {
    if (q.playbook !== playbookId) continue;
    const existing = mapping.find(([id]) => id === q.question);
    if (existing) existing[1] = [...new Set([...existing[1], ...q.fields])];
    else mapping.push([q.question, [...q.fields]]);
  }
  return Object.fromEntries(mapping);
}

/** The playbook with every custom profile's mapping added (unchanged when no profile maps it). */
export function withCustomMappings(playbook: Playbook, profiles: ReadonlyArray<Pick<CustomCrmProfile, 'id' | 'qualification'>>): Playbook {
  const extra = profiles
    .map((p) => [`${CUSTOM_CRM_ID_PREFIX}${p.id}`, profileMapping(p, playbook.id)] as const)
    .filter(([, mapping]) => Object.keys(mapping).length > 0);
  if (extra.length === 0) return playbook;
  return { ...playbook, mappings: { ...playbook.mappings, ...Object.fromEntries(extra) } };
}
