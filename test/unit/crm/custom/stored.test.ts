import { describe, expect, it } from 'vitest';
import { customCrmsInForce } from '../../../../lib/crm/custom/stored';
import { REQUEST_SCHEMAS } from '../../../../lib/platform/schemas';

const profile = (id: string, name = id) => ({
  id,
  name,
  urlPattern: 'https://crm.example.com/*',
  recordUrl: { kind: 'path-segment', pattern: '/deals/:id' },
  fields: { name: { locator: { by: 'label', text: 'Name' }, parser: { kind: 'text' } }, stage: { locator: { by: 'label', text: 'Stage' }, parser: { kind: 'enum', map: [], otherwise: 'open' } } },
});

describe('customCrmsInForce (storage and policy are untrusted)', () => {
  it('puts the administrator’s profiles first and lets them shadow a local one with the same id', () => {
    const { entries, ignored } = customCrmsInForce([profile('acme', 'Mine'), profile('other')], [profile('acme', 'Admin’s')]);
    expect(entries.map((e) => [e.source, e.profile.id, e.profile.name])).toEqual([
      ['managed', 'acme', 'Admin’s'],
      ['local', 'other', 'other'],
    ]);
    expect(ignored).toEqual(['customCrms: "acme" is also set by your administrator; theirs is used']);
  });

  it('drops bad entries one by one, with the reason', () => {
    const bad = { ...profile('evil'), urlPattern: '<all_urls>' };
    const { entries, ignored } = customCrmsInForce([bad, profile('ok'), profile('ok'), { id: 'x', __proto__: {} }], 'not a list');
    expect(entries.map((e) => e.profile.id)).toEqual(['ok']);
    expect(ignored[0]).toMatch(/^policy customCrms: expected a list/);
    expect(ignored.some((i) => i.startsWith('customCrms[0]: urlPattern:'))).toBe(true);
    expect(ignored).toContain('customCrms[2]: a second profile with the id "ok"');
    expect(ignored.some((i) => i.startsWith('customCrms[3]'))).toBe(true);
  });

  it('reads nothing as no profiles', () => {
    expect(customCrmsInForce(undefined, undefined)).toEqual({ entries: [], ignored: [] });
  });
});

describe('custom CRM messages', () => {
  it('accepts a pick result with a page locator and refuses a JSON path or a script URL', () => {
    const ok = { requestId: 'abc123', outcome: { kind: 'picked', text: '1.234,50 €', locator: { by: 'label', text: 'Betrag' }, alternatives: [{ by: 'css', selector: '.amount' }] } };
    expect(REQUEST_SCHEMAS.pickResult.safeParse(ok).success).toBe(true);
    expect(REQUEST_SCHEMAS.pickResult.safeParse({ requestId: 'abc123', outcome: { kind: 'cancelled' } }).success).toBe(true);
    expect(REQUEST_SCHEMAS.pickResult.safeParse({ ...ok, outcome: { ...ok.outcome, locator: { by: 'json', path: 'a.b' } } }).success).toBe(false);
    expect(REQUEST_SCHEMAS.pickResult.safeParse({ ...ok, outcome: { ...ok.outcome, locator: { by: 'css', selector: 'a[href="javascript:x"]' } } }).success).toBe(false);
    expect(REQUEST_SCHEMAS.pickResult.safeParse({ ...ok, requestId: '../x' }).success).toBe(false);
  });

  it('checks the options page’s requests', () => {
    expect(REQUEST_SCHEMAS.startPick.safeParse({ tabId: 3, requestId: 'r1', label: 'Close date', what: 'value' }).success).toBe(true);
    expect(REQUEST_SCHEMAS.startPick.safeParse({ tabId: -1, requestId: 'r1', label: 'Close date', what: 'value' }).success).toBe(false);
    expect(REQUEST_SCHEMAS.previewCustomCrm.safeParse({ tabId: 3, profile: { anything: true } }).success).toBe(true);
    expect(REQUEST_SCHEMAS.previewCustomCrm.safeParse({ tabId: '3', profile: {} }).success).toBe(false);
    expect(REQUEST_SCHEMAS.customPageChanged.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
