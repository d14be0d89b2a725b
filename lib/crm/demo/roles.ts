import type { Influence } from '../../model';

/**
 * Contact-role labels -> influence. The Demo CRM's own labels plus Salesforce's default
 * OpportunityContactRole picklist, matched without regard to case, spacing or punctuation.
 * A label we do not know maps to `other` (kept verbatim in `roles`).
 */
const INFLUENCE_BY_LABEL: Record<string, Influence> = {
  'economic buyer': 'economic-buyer',
  'economic decision maker': 'economic-buyer',
  'budget holder': 'economic-buyer',
  'decision maker': 'decision-maker',
  champion: 'champion',
  coach: 'champion',
  'technical evaluator': 'evaluator',
  evaluator: 'evaluator',
  'technical buyer': 'evaluator',
  influencer: 'influencer',
  'executive sponsor': 'influencer',
  'end user': 'user',
  'business user': 'user',
  user: 'user',
};

/** When a contact holds several roles, the most decisive one wins. */
const RANK: readonly Influence[] = ['economic-buyer', 'decision-maker', 'champion', 'evaluator', 'influencer', 'user', 'other'];

function normalise(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export function influenceOfLabel(label: string): Influence {
  return INFLUENCE_BY_LABEL[normalise(label)] ?? 'other';
}

export function influenceOf(labels: readonly string[]): Influence {
  let best: Influence = 'other';
  for (const label of labels) {
    const influence = influenceOfLabel(label);
    if (RANK.indexOf(influence) < RANK.indexOf(best)) best = influence;
  }
  return best;
}
