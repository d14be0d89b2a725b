/** Wording helpers so every finding cites numbers the same way. */
import type { Influence, Stakeholder } from '../model';

export const INFLUENCE_LABEL: Record<Influence, string> = {
  'economic-buyer': 'Economic buyer',
  'decision-maker': 'Decision maker',
  champion: 'Champion',
  influencer: 'Influencer',
  evaluator: 'Evaluator',
  user: 'User',
  other: 'No role',
};

/** "1 Champion", "2 Champions", "2 with no role". */
export function influenceCount(influence: Influence, n: number): string {
  if (influence === 'other') return `${n} with no role`;
  return `${n} ${INFLUENCE_LABEL[influence]}${n === 1 ? '' : 's'}`;
}

/** 57 → "57"; 56.5 → "56.5" (one decimal at most, never a rounding that hides the figure used). */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

export function days(n: number): string {
  return `${num(n)} ${n === 1 ? 'day' : 'days'}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "USD 120,000", or "120,000" when the currency is unknown. */
export function money(amount: number, currency: string | null | undefined): string {
  const n = GROUPED.format(amount);
  return currency ? `${currency} ${n}` : n;
}

/** 0.6234 → "62%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** ["a"] → "a"; ["a", "b", "c"] → "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Dana Ruiz (Economic buyer)". */
export function person(s: Pick<Stakeholder, 'name' | 'influence'>): string {
  return `${s.name} (${INFLUENCE_LABEL[s.influence]})`;
}

/** The person to name in an action, or a generic "the buyer". */
export function who(s: Pick<Stakeholder, 'name' | 'influence'> | undefined, fallback = 'the buyer'): string {
  return s ? person(s) : fallback;
}
