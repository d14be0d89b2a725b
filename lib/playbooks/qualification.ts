/**
 * Which playbook questions a deal answers (DESIGN §6).
 *
 * A playbook maps, per CRM adapter id, `questionId -> [field spec, …]`. A field spec is one of:
 * - `ApiName`   a CRM field. Answered when its value is a non-blank string, any number or `true`.
 *               A string that only says the answer is unknown ("Unknown", "TBD", "n/a", "?", "-"; see
 *               NO_ANSWER) is not an answer: a rep who typed "TBD" has not qualified the point.
 *               `false` is NOT an answer here: a checkbox is false until someone ticks it, so false
 *               cannot be told apart from "never asked" (Salesforce `Budget_Confirmed__c`, Dynamics `decisionmaker`).
 * - `ApiName?`  an explicit yes/no field that stays empty (null) until answered: `false` is then the
 *               answer "no" and counts as answered ("competing projects? no" is a real answer).
 * - `$fact`     a fact derived from the Deal itself (see facts.ts).
 *
 * Status of a question:
 * - `answered`     any mapped field/fact answers it (`answeredBy` lists which);
 * - `missing`      it is mapped and at least one mapped field is present on the record (the key exists in
 *                  `deal.fields`, even as null) or a mapped fact is known — the CRM tracks it, nobody filled it in;
 * - `not-tracked`  no mapping for this CRM, or none of the mapped fields exists on this record
 *                  (custom fields this org never created): "not tracked in your CRM", never a failure.
 * Adapters therefore put every field the record has into `fields` (null when empty) and omit the ones the org lacks.
 *
 * For `csv` deals a field name also matches a column whose name is the same ignoring case, spaces
 * and punctuation ("Next Step" = "next_step"), since export headers vary.
 */
import type { Deal, FieldMapping, FieldValue, Playbook } from '../model';
import type { QualificationItem, QualificationView } from '../coaching/types';
import { describeFact, isFact, resolveFact } from './facts';

export interface FieldSpec {
  /** Field API name, or the fact with its `$`. */
  name: string;
  /** `?` suffix: false counts as the answer "no". */
  yesNo: boolean;
  fact: boolean;
}

export function parseFieldSpec(spec: string): FieldSpec {
  if (isFact(spec)) return { name: spec, yesNo: false, fact: true };
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), yesNo: true, fact: false };
  return { name: spec, yesNo: false, fact: false };
}

/** Text that fills a field without answering it, compared trimmed and lower-cased. Kept short on purpose. */
export const NO_ANSWER: ReadonlySet<string> = new Set(['', 'unknown', 'not known', 'tbd', 'tba', 'tbc', 'n/a', 'na', '?', '-', '—', '–']);

/** Whether a raw CRM value answers a question. */
export function isAnswerValue(value: FieldValue | undefined, yesNo: boolean): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return !NO_ANSWER.has(value.trim().toLowerCase());
  if (typeof value === 'number') return true;
  return value || yesNo;
}

/** The mapping a playbook has for a CRM adapter id, or undefined ("nothing tracked"). */
export function mappingFor(playbook: Playbook, crm: string): FieldMapping | undefined {
  return Object.prototype.hasOwnProperty.call(playbook.mappings, crm) ? playbook.mappings[crm] : undefined;
}

const normaliseColumn = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

type FieldLookup = (name: string) => { present: boolean; value: FieldValue | undefined };

function fieldLookup(deal: Deal): FieldLookup {
  const fields = deal.fields;
  const exact: FieldLookup = (name) =>
    Object.prototype.hasOwnProperty.call(fields, name) ? { present: true, value: fields[name] } : { present: false, value: undefined };
  if (deal.ref.crm !== 'csv') return exact;
  let byNormal: Map<string, FieldValue> | null = null;
  return (name) => {
    const hit = exact(name);
    if (hit.present) return hit;
    if (!byNormal) {
      byNormal = new Map();
      for (const [key, value] of Object.entries(fields)) {
        const k = normaliseColumn(key);
        // Keep the first non-empty value when two columns normalise alike.
        if (!byNormal.has(k) || !isAnswerValue(byNormal.get(k), false)) byNormal.set(k, value);
      }
    }
    const k = normaliseColumn(name);
    return byNormal.has(k) ? { present: true, value: byNormal.get(k) } : { present: false, value: undefined };
  };
}

export function qualificationStatus(deal: Deal, playbook: Playbook): QualificationView {
  const mapping = mappingFor(playbook, deal.ref.crm);
  const lookup = fieldLookup(deal);
  let answered = 0;
  let tracked = 0;
  const items: QualificationItem[] = playbook.questions.map((q) => {
    const specs = mapping?.[q.id] ?? [];
    const answeredBy: string[] = [];
    let present = false;
    for (const raw of specs) {
      const spec = parseFieldSpec(raw);
      if (spec.fact) {
        const value = resolveFact(spec.name, deal);
        if (value === null) continue;
        present = true;
        if (value) answeredBy.push(describeFact(spec.name) ?? spec.name);
      } else {
        const hit = lookup(spec.name);
        if (!hit.present) continue;
        present = true;
        if (isAnswerValue(hit.value, spec.yesNo)) answeredBy.push(spec.name);
      }
    }
    const status = answeredBy.length > 0 ? 'answered' : present ? 'missing' : 'not-tracked';
    if (status !== 'not-tracked') tracked++;
    if (status === 'answered') answered++;
    return { questionId: q.id, label: q.label, why: q.why, ask: q.ask, weight: q.weight, status, answeredBy };
  });
  return { playbookId: playbook.id, playbookName: playbook.name, items, answered, tracked, total: items.length };
}
