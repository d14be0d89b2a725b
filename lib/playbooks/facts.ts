/**
 * Derived facts: answers a playbook can read from the Deal itself rather than from a CRM field.
 * In a mapping they are written with a `$` prefix, next to field API names:
 *
 *   influencers-identified: ['qual_influencers_identified', '$stakeholders:key']
 *
 * The list is deliberately short; each fact is a yes/no about the normalised Deal, so it works the
 * same in every CRM whose adapter fills `stakeholders`:
 *
 * - `$stakeholder:<influence>`  at least one stakeholder has that influence
 *                               (economic-buyer, decision-maker, champion, influencer, evaluator, user, other).
 * - `$stakeholders:key`         the key people are named: an economic buyer or a decision maker, and a champion.
 * - `$stakeholders:roles`       there is at least one stakeholder and every one has an influence other than 'other'
 *                               (we know what part each person plays).
 *
 * Map a fact only for CRMs whose adapter reads people with roles (contact roles, connection roles,
 * association labels, party relations); elsewhere the fact would always be "missing".
 */
import { Influence, type Deal } from '../model';

export const FACT_PREFIX = '$';

const INFLUENCES = new Set<string>(Influence.options);

const INFLUENCE_WORDS: Record<Influence, string> = {
  'economic-buyer': 'an economic buyer',
  'decision-maker': 'a decision maker',
  champion: 'a champion',
  influencer: 'an influencer',
  evaluator: 'an evaluator',
  user: 'a user',
  other: 'a contact with no role',
};

export function isFact(spec: string): boolean {
  return spec.startsWith(FACT_PREFIX);
}

/** Whether `$…` names a fact this module knows. */
export function isKnownFact(fact: string): boolean {
  return describeFact(fact) !== null;
}

/** Plain words for a fact, for the sidebar's "answered by"; null for an unknown fact. */
export function describeFact(fact: string): string | null {
  if (fact === '$stakeholders:key') return 'key people named on the deal (economic buyer or decision maker, and a champion)';
  if (fact === '$stakeholders:roles') return "every contact on the deal has a role";
  if (fact.startsWith('$stakeholder:')) {
    const influence = fact.slice('$stakeholder:'.length);
    return INFLUENCES.has(influence) ? `${INFLUENCE_WORDS[influence as Influence]} named on the deal` : null;
  }
  return null;
}

/** Resolve a fact against the deal: true/false, or null when the fact is unknown (treated as not tracked). */
export function resolveFact(fact: string, deal: Deal): boolean | null {
  // People not read (a history row, a CSV export): a fact about them is unknown, not false.
  if (deal.tracks?.people === false) return null;
  const people = deal.stakeholders;
  if (fact === '$stakeholders:key') {
    let buyer = false;
    let champion = false;
    for (const s of people) {
      if (s.influence === 'economic-buyer' || s.influence === 'decision-maker') buyer = true;
      else if (s.influence === 'champion') champion = true;
    }
    return buyer && champion;
  }
  if (fact === '$stakeholders:roles') return people.length > 0 && people.every((s) => s.influence !== 'other');
  if (fact.startsWith('$stakeholder:')) {
    const influence = fact.slice('$stakeholder:'.length);
    if (!INFLUENCES.has(influence)) return null;
    return people.some((s) => s.influence === influence);
  }
  return null;
}
