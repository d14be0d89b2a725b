import { describe, expect, it } from 'vitest';
import { countOf, daysSince, formatAge, formatCount, formatDate, formatDays, formatFactor, formatMoney, formatPercent } from '../../../lib/format';

describe('formatPercent', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(4238 / 6711)).toBe('63%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(2 / 3)).toBe('67%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });
  it('never rounds a partial result to 0% or 100%', () => {
    expect(formatPercent(0.996)).toBe('>99%');
    expect(formatPercent(0.004)).toBe('<1%');
  });
  it('shows a dash for unknown', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(4238)).toBe('4,238');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
  });
});

describe('formatMoney', () => {
  it('uses the currency symbol', () => {
    expect(formatMoney(48000, 'USD')).toBe('$48,000');
    expect(formatMoney(48000, 'EUR')).toBe('€48,000');
    expect(formatMoney(1250000, 'GBP')).toBe('£1,250,000');
    expect(formatMoney(412.4, 'USD')).toBe('$412');
  });
  it('keeps cents only for small fractional amounts', () => {
    expect(formatMoney(12.5, 'USD')).toBe('$12.50');
    expect(formatMoney(12, 'USD')).toBe('$12');
  });
  it('says when the amount is unknown, never $0', () => {
    expect(formatMoney(null, 'USD')).toBe('amount unknown');
    expect(formatMoney(undefined, null)).toBe('amount unknown');
    expect(formatMoney(null, 'USD', { unknown: '—' })).toBe('—');
    expect(formatMoney(0, 'USD')).toBe('$0');
  });
  it('shows a bare number without a currency, and survives a malformed code', () => {
    expect(formatMoney(48000, null)).toBe('48,000');
    expect(formatMoney(48000, 'US$')).toBe('48,000 US$');
  });
  it('can be compact', () => {
    expect(formatMoney(1_250_000, 'USD', { compact: true })).toBe('$1.3M');
    expect(formatMoney(48_000, 'USD', { compact: true })).toBe('$48K');
  });
});

describe('formatDays', () => {
  it('pluralises', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(57)).toBe('57 days');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(56.6)).toBe('57 days');
    expect(formatDays(1200)).toBe('1,200 days');
    expect(formatDays(null)).toBe('—');
  });
});

describe('formatAge', () => {
  const now = '2026-03-10T12:00:00Z';
  it('minutes and hours', () => {
    expect(formatAge('2026-03-10T11:59:40Z', now)).toBe('just now');
    expect(formatAge('2026-03-10T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAge('2026-03-10T11:59:00Z', now)).toBe('1 min ago');
    expect(formatAge('2026-03-10T10:00:00Z', now)).toBe('2 h ago');
    expect(formatAge('2026-03-09T12:30:00Z', now)).toBe('23 h ago');
  });
  it('days, months, years', () => {
    expect(formatAge('2026-03-09T11:00:00Z', now)).toBe('yesterday');
    expect(formatAge('2026-03-05T12:00:00Z', now)).toBe('5 days ago');
    expect(formatAge('2025-12-10T12:00:00Z', now)).toBe('2 months ago');
    expect(formatAge('2023-03-01T12:00:00Z', now)).toBe('3 years ago');
  });
  it('counts calendar dates in whole days', () => {
    expect(formatAge('2026-03-10', now)).toBe('today');
    expect(formatAge('2026-03-09', now)).toBe('yesterday');
    expect(formatAge('2026-02-15', now)).toBe('23 days ago');
  });
  it('handles never, skew and garbage', () => {
    expect(formatAge(null, now)).toBe('never');
    expect(formatAge('2026-03-10T12:05:00Z', now)).toBe('just now');
    expect(formatAge('yesterday-ish', now)).toBe('unknown');
    expect(formatAge('2026-02-30', now)).toBe('unknown');
  });
  it('accepts offsets', () => {
    expect(formatAge('2026-03-10T09:00:00-01:00', now)).toBe('2 h ago');
  });
});

describe('daysSince / formatDate / formatFactor / countOf', () => {
  it('daysSince', () => {
    expect(daysSince('2025-10-19T08:00:00Z', '2026-03-10T12:00:00Z')).toBe(142);
    expect(daysSince(null, '2026-03-10T12:00:00Z')).toBeNull();
  });
  it('formatDate does not shift a calendar date', () => {
    expect(formatDate('2026-03-31')).toBe('Mar 31, 2026');
    expect(formatDate('2026-03-31T23:30:00Z')).toBe('Mar 31, 2026');
    expect(formatDate(null)).toBe('—');
  });
  it('formatFactor gives the what-if change', () => {
    expect(formatFactor(1.1 ** 3 / 0.9)).toBe('×1.48 (+48%)');
    expect(formatFactor(0.9)).toBe('×0.90 (−10%)');
    expect(formatFactor(1)).toBe('×1.00 (±0%)');
    expect(formatFactor(null)).toBe('—');
  });
  it('countOf', () => {
    expect(countOf(1, 'risk')).toBe('1 risk');
    expect(countOf(3, 'risk')).toBe('3 risks');
    expect(countOf(1200, 'deal')).toBe('1,200 deals');
    expect(countOf(2, 'warning')).toBe('2 warnings');
  });
});
