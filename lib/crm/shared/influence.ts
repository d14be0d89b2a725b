/**
 * From a CRM's own role labels (Salesforce contact roles, Dynamics connection roles, HubSpot
 * association labels) to the model's influence. Labels are kept verbatim in `roles`; this only
 * classifies them. Out-of-the-box role names are covered in English and German (Dynamics shows its
 * default stakeholder roles translated: "Entscheidungsträger", "Budgetverantwortlicher", …);
 * anything unrecognised is 'other', never a guess.
 */
import type { Influence } from '../../model';

const RULES: ReadonlyArray<[Influence, readonly string[]]> = [
  ['economic-buyer', ['economic buyer', 'economic decision maker', 'budget holder', 'budgetverantwortlich', 'wirtschaftlicher kaufer', 'wirtschaftlicher entscheider']],
  ['decision-maker', ['decision maker', 'decision-maker', 'entscheidungstrager', 'entscheider']],
  ['champion', ['champion', 'executive sponsor', 'sponsor', 'coach', 'meister', 'fursprecher']],
  ['influencer', ['influencer', 'schlusselperson', 'beeinflusser']],
  ['evaluator', ['evaluator', 'technical buyer', 'technischer kaufer', 'bewerter', 'gutachter']],
  ['user', ['business user', 'end user', 'endbenutzer', 'anwender', 'user']],
];

const ORDER: readonly Influence[] = ['economic-buyer', 'decision-maker', 'champion', 'influencer', 'evaluator', 'user', 'other'];

function normalise(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

export function influenceOf(label: string): Influence {
  const text = normalise(label);
  for (const [influence, words] of RULES) if (words.some((w) => text.includes(w))) return influence;
  return 'other';
}

/** The strongest influence among a person's roles (an economic buyer who also evaluates is an economic buyer). */
export function influenceFromRoles(roles: readonly string[]): Influence {
  let best = ORDER.length - 1;
  for (const role of roles) best = Math.min(best, ORDER.indexOf(influenceOf(role)));
  return ORDER[best]!;
}
