/**
 * Formatting for everything the UI prints. Pure and locale-stable (en-US by default) so
 * screenshots and tests are reproducible; every function accepts "unknown" (null) and says so
 * rather than printing 0.
 */
import { dayNumber } from '../lib/dates';

const DEFAULT_LOCALE = 'en-US';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Placeholder for a value that cannot be computed. */
export const NONE = '—';

/**
 * A share 0..1 as a whole percent: 0.632 -> "63%". Never rounds a partial result to 0% or 100%
 * ("<1%", ">99%"), so a near-perfect figure cannot pass for a perfect one. null -> "—".
 */
export function formatPercent(rate: number | null | undefined, locale = DEFAULT_LOCALE): string {
  if (rate == null || !Number.isFinite(rate)) return NONE;
  if (rate > 0 && rate < 0.01) return '<1%';
  if (rate < 1 && rate > 0.99) return '>99%';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(rate * 100)}%`;
}

/** 4238 -> "4,238". */
export function formatCount(n: number | null | undefined, locale = DEFAULT_LOCALE): string {
  if (n == null || !Number.isFinite(n)) return NONE;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

export interface MoneyOptions {
  /** "$1.3M" instead of "$1,250,000". */
  compact?: boolean;
  locale?: string;
  /** Text for an unknown amount. */
  unknown?: string;
}

/**
 * An amount in its currency: (48000, "USD") -> "$48,000"; (48000, "EUR") -> "€48,000".
 * Without a currency the bare number is shown. null -> "amount unknown" (never "$0").
 */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, options: MoneyOptions = {}): string {
  const { compact = false, locale = DEFAULT_LOCALE, unknown = 'amount unknown' } = options;
  if (amount == null || !Number.isFinite(amount)) return unknown;
  const cents = !compact && Math.abs(amount) < 100 && !Number.isInteger(amount);
  const digits = compact ? { minimumFractionDigits: 0, maximumFractionDigits: 1 } : { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 };
  const notation = compact ? ({ notation: 'compact' } as const) : {};
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...digits, ...notation }).format(amount);
    } catch {
      // Malformed currency code: show it beside the number rather than failing the render.
    }
  }
  const number = new Intl.NumberFormat(locale, { ...digits, ...notation }).format(amount);
  return currency ? `${number} ${currency}` : number;
}

/** 1 -> "1 day", 57 -> "57 days"; null -> "—". Fractions are rounded. */
export function formatDays(days: number | null | undefined, locale = DEFAULT_LOCALE): string {
  if (days == null || !Number.isFinite(days)) return NONE;
  const n = Math.round(days);
  return `${formatCount(n, locale)} ${n === 1 || n === -1 ? 'day' : 'days'}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * How long ago `fromIso` was, seen from `nowIso`: "just now", "3 min ago", "2 h ago",
 * "yesterday", "5 days ago", "3 months ago", "2 years ago". A calendar date (YYYY-MM-DD, e.g. a
 * last-contact day) is counted in whole days: "today", "yesterday", "23 days ago".
 * Future instants (clock skew) read "just now"; unparseable input reads "unknown".
 */
export function formatAge(fromIso: string | null | undefined, nowIso: string): string {
  if (!fromIso) return 'never';
  const dateOnly = fromIso.length === 10;
  const from = dateOnly ? Number.NaN : Date.parse(fromIso);
  const now = Date.parse(nowIso);
  if (Number.isNaN(now)) return 'unknown';

  let days: number;
  if (dateOnly) {
    const d = dayNumber(fromIso);
    if (Number.isNaN(d)) return 'unknown';
    days = dayNumber(nowIso) - d;
    if (days <= 0) return 'today';
  } else {
    if (Number.isNaN(from)) return 'unknown';
    const ms = now - from;
    if (ms < 45_000) return 'just now';
    if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min ago`;
    if (ms < 24 * HOUR) return `${Math.floor(ms / HOUR)} h ago`;
    days = Math.floor(ms / (24 * HOUR));
  }
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${plural(Math.floor(days / 30.44), 'month', 'months')} ago`;
  return `${plural(Math.floor(days / 365.25), 'year', 'years')} ago`;
}

/** Whole days from `fromIso` to `nowIso` (UTC calendar days), or null. */
export function daysSince(fromIso: string | null | undefined, nowIso: string): number | null {
  if (!fromIso) return null;
  const d = dayNumber(nowIso) - dayNumber(fromIso);
  return Number.isNaN(d) ? null : d;
}

/** A multiplier and its change: 1.4793 -> "×1.48 (+48%)", 0.9 -> "×0.90 (−10%)". */
export function formatFactor(factor: number | null | undefined): string {
  if (factor == null || !Number.isFinite(factor)) return NONE;
  const change = Math.round((factor - 1) * 100);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `×${factor.toFixed(2)} (${sign}${Math.abs(change)}%)`;
}

/** A calendar date or instant as "Mar 31, 2026" (UTC, so a close date never shifts a day). */
export function formatDate(iso: string | null | undefined, locale = DEFAULT_LOCALE): string {
  if (!iso) return NONE;
  const d = dayNumber(iso);
  if (Number.isNaN(d)) return NONE;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(d * 86_400_000));
}

/** "1 risk", "3 risks": a count and its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A CRM record link fit for an `href`: http(s) only, so a `javascript:` or `data:` URL never becomes a live link. */
export function crmLink(url: string | null | undefined): string | null {
  const trimmed = url?.trim() ?? '';
  return /^https?:\/\//i.test(trimmed) ? trimmed : null;
}
