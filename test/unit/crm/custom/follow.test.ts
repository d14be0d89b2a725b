import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followTexts, isReadDomRequest } from '../../../../lib/crm/custom/follow';
import type { RawPageReading } from '../../../../lib/crm/custom/read-raw';

const reading = (stage: string): RawPageReading => ({ fields: { stage: { ok: true, text: stage } }, lists: {} });

function page() {
  const listeners = new Set<() => void>();
  return {
    observe: (onChange: () => void) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    change: () => listeners.forEach((l) => l()),
    get listening() {
      return listeners.size;
    },
  };
}

describe('followTexts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports once the page is quiet and the texts differ from what was read', () => {
    const p = page();
    let texts = reading('Angebot');
    const changed: string[] = [];
    followTexts({ observe: p.observe, read: () => texts, initial: texts, url: () => 'https://crm/deals/1', readUrl: 'https://crm/deals/1', onChanged: (u) => changed.push(u), now: () => Date.now() });
    p.change();
    vi.advanceTimersByTime(500);
    expect(changed).toEqual([]); // page churn, same texts (our own sidebar, a clock): nothing to report
    texts = reading('Verhandlung');
    p.change();
    vi.advanceTimersByTime(100);
    expect(changed).toEqual([]); // not quiet yet
    vi.advanceTimersByTime(400);
    expect(changed).toEqual(['https://crm/deals/1']);
  });

  it('reports at most once per interval on a page that keeps changing', () => {
    const p = page();
    let n = 0;
    const changed: string[] = [];
    followTexts({ observe: p.observe, read: () => reading(`v${n}`), initial: reading('v0'), url: () => 'u', readUrl: 'u', onChanged: (u) => changed.push(u), quietMs: 10, minIntervalMs: 1000, now: () => Date.now() });
    for (let i = 1; i <= 20; i++) {
      n = i;
      p.change();
      vi.advanceTimersByTime(50);
    }
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(changed.length).toBeGreaterThanOrEqual(1);
  });

  it('stops after a navigation and when stopped', () => {
    const p = page();
    let url = 'a';
    const changed: string[] = [];
    const stop = followTexts({ observe: p.observe, read: () => reading('x'), initial: reading('y'), url: () => url, readUrl: 'a', onChanged: (u) => changed.push(u), now: () => Date.now() });
    url = 'b';
    p.change();
    vi.advanceTimersByTime(1000);
    expect(changed).toEqual([]);
    expect(p.listening).toBe(0);
    stop();
  });
});

describe('isReadDomRequest', () => {
  it('accepts the shape the background sends and refuses others', () => {
    expect(isReadDomRequest({ url: 'https://crm/1', profile: { fields: {}, extraFields: [], urlPattern: 'https://crm/*' } })).toBe(true);
    expect(isReadDomRequest({ url: 'https://crm/1', profile: null })).toBe(false);
    expect(isReadDomRequest({ url: 1, profile: { fields: {}, extraFields: [], urlPattern: '' } })).toBe(false);
    expect(isReadDomRequest('readDom')).toBe(false);
  });
});
