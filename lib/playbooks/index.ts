/** The shipped qualification playbooks (DESIGN §6). Each file holds one playbook and its CRM mappings. */
import type { Playbook, PlaybookId } from '../model';
import { BANT } from './bant';
import { DEALMAKER } from './dealmaker';
import { MEDDPICC } from './meddpicc';

export { BANT, DEALMAKER, MEDDPICC };
export { qualificationStatus, mappingFor, parseFieldSpec, isAnswerValue } from './qualification';
export { describeFact, isKnownFact, resolveFact } from './facts';

/** Every CRM adapter id the shipped playbooks carry a mapping for. */
export const MAPPED_CRMS = ['demo', 'salesforce', 'dynamics', 'hubspot', 'pipedrive', 'tryton', 'csv'] as const;

export const PLAYBOOKS: readonly Playbook[] = [DEALMAKER, MEDDPICC, BANT];

const BY_ID = new Map<string, Playbook>(PLAYBOOKS.map((p) => [p.id, p]));

/** The playbook with this id; unknown ids fall back to Dealmaker (the settings default) only when `fallback` is set. */
export function getPlaybook(id: PlaybookId | string): Playbook | undefined;
export function getPlaybook(id: PlaybookId | string, fallback: true): Playbook;
export function getPlaybook(id: PlaybookId | string, fallback = false): Playbook | undefined {
  return BY_ID.get(id) ?? (fallback ? DEALMAKER : undefined);
}
