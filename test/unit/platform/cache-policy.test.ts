import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  DEAL_TTL_MS,
  HISTORY_TTL_MS,
  RATE_LIMIT_DEFAULT_MS,
  freshness,
  isBackingOff,
  nextBackoff,
  planRead,
  retryAfterMs,
  usageDay,
} from '../../../lib/platform/cache-policy';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('freshness', () => {
  it('is fresh within the TTL and stale after it', () => {
    expect(freshness(iso(T0), T0, DEAL_TTL_MS)).toBe('fresh');
    expect(freshness(iso(T0 - DEAL_TTL_MS + 1), T0, DEAL_TTL_MS)).toBe('fresh');
    expect(freshness(iso(T0 - DEAL_TTL_MS), T0, DEAL_TTL_MS)).toBe('stale');
    expect(freshness(iso(T0 - 59 * 60_000), T0, HISTORY_TTL_MS)).toBe('fresh');
    expect(freshness(iso(T0 - 61 * 60_000), T0, HISTORY_TTL_MS)).toBe('stale');
  });
  it('treats missing, unparseable and future entries safely', () => {
    expect(freshness(undefined, T0, DEAL_TTL_MS)).toBe('missing');
    expect(freshness('yesterday', T0, DEAL_TTL_MS)).toBe('missing');
    expect(freshness(iso(T0 + 3_600_000), T0, DEAL_TTL_MS)).toBe('stale');
  });
});

describe('back-off', () => {
  const err = { errorKind: 'server' as const, message: 'HTTP 500' };
  it('doubles from the base up to the cap', () => {
    let b = nextBackoff(undefined, T0, err);
    expect(b.until - T0).toBe(BACKOFF_BASE_MS);
    b = nextBackoff(b, T0, err);
    expect(b.until - T0).toBe(2 * BACKOFF_BASE_MS);
    for (let i = 0; i < 20; i++) b = nextBackoff(b, T0, err);
    expect(b.until - T0).toBe(BACKOFF_MAX_MS);
    expect(isBackingOff(b, T0 + BACKOFF_MAX_MS - 1)).toBe(true);
    expect(isBackingOff(b, T0 + BACKOFF_MAX_MS)).toBe(false);
  });
  it('waits at least what a rate limit asks', () => {
    expect(nextBackoff(undefined, T0, { errorKind: 'rate-limited', message: 'slow down' }).until - T0).toBe(RATE_LIMIT_DEFAULT_MS);
    expect(nextBackoff(undefined, T0, { errorKind: 'rate-limited', message: 'slow down', retryAfterMs: 120_000 }).until - T0).toBe(120_000);
  });
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('30', T0)).toBe(30_000);
    expect(retryAfterMs(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90_000);
    expect(retryAfterMs(undefined, T0)).toBeUndefined();
    expect(retryAfterMs('soon', T0)).toBeUndefined();
  });
});

describe('planRead', () => {
  const backoff = nextBackoff(undefined, T0, { errorKind: 'server', message: 'HTTP 500' });
  const rateLimited = nextBackoff(undefined, T0, { errorKind: 'rate-limited', message: '429' });
  const plan = (freshness: 'fresh' | 'stale' | 'missing', force = false, b = undefined as typeof backoff | undefined, now = T0) => planRead({ freshness, force, backoff: b, now }).action;

  it('serves fresh cache without a request', () => expect(plan('fresh')).toBe('serve'));
  it('serves stale cache and revalidates', () => expect(plan('stale')).toBe('serve-and-revalidate'));
  it('reads when nothing is cached', () => expect(plan('missing')).toBe('read'));
  it('does not ask the CRM again while backing off', () => {
    expect(plan('stale', false, backoff)).toBe('serve-stale');
    expect(plan('missing', false, backoff)).toBe('fail-fast');
    expect(plan('fresh', false, backoff)).toBe('serve');
  });
  it('asks again once the back-off is over', () => {
    expect(plan('missing', false, backoff, backoff.until)).toBe('read');
    expect(plan('stale', false, backoff, backoff.until)).toBe('serve-and-revalidate');
  });
  it('lets a forced refresh through an error back-off but not a rate limit', () => {
    expect(plan('fresh', true)).toBe('read');
    expect(plan('stale', true, backoff)).toBe('read');
    expect(plan('stale', true, rateLimited)).toBe('serve-stale');
    expect(plan('missing', true, rateLimited)).toBe('fail-fast');
  });
});

describe('usageDay', () => {
  it('is a local calendar day', () => {
    const d = new Date(2026, 2, 2, 23, 59);
    expect(usageDay(d.getTime())).toBe('2026-03-02');
  });
});
