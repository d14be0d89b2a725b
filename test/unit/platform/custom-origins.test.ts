import { describe, expect, it } from 'vitest';
import { activeCustomOrigins, CUSTOM_ORIGINS_SCRIPT_ID, parseCustomOrigins, unusedGrants, withPolicyOrigins, planRegistration, scriptTemplate, type ScriptTemplate } from '../../../lib/platform/custom-origins';

describe('parseCustomOrigins (storage is untrusted)', () => {
  it('keeps page origins that name a CRM offered for custom domains', () => {
    const parsed = parseCustomOrigins({ 'http://crm.lan:8000': { crm: 'tryton', addedAt: '2025-01-02T03:04:05.000Z' }, 'https://erp.example.com': { crm: 'tryton' } });
    expect([...parsed]).toEqual([
      ['http://crm.lan:8000', { crm: 'tryton', addedAt: '2025-01-02T03:04:05.000Z' }],
      ['https://erp.example.com', { crm: 'tryton' }],
    ]);
  });
  it('drops anything else, entry by entry', () => {
    const parsed = parseCustomOrigins({
      ...(JSON.parse('{"__proto__": {"crm": "tryton"}}') as object),
      'http://ok.lan': { crm: 'tryton' },
      'http://crm.lan/path': { crm: 'tryton' },
      'javascript:alert(1)': { crm: 'tryton' },
      'HTTP://CRM.LAN': { crm: 'tryton' },
      'https://acme.lightning.example': { crm: 'salesforce' },
      'http://other.lan': { crm: 42 },
      'http://third.lan': 'tryton',
    });
    expect([...parsed.keys()]).toEqual(['http://ok.lan']);
    expect(parseCustomOrigins(null).size).toBe(0);
    expect(parseCustomOrigins(['http://ok.lan']).size).toBe(0);
    expect(parseCustomOrigins('x').size).toBe(0);
  });
});

describe('withPolicyOrigins (admin policy customCrmDomains)', () => {
  const own = parseCustomOrigins({ 'http://crm.lan:8000': { crm: 'tryton', addedAt: '2025-01-02T03:04:05.000Z' }, 'https://erp.example.com': { crm: 'tryton' } });

  it('adds the policy domains, marked managed, and policy wins where both name an origin', () => {
    const merged = withPolicyOrigins(own, [
      { origin: 'https://erp.example.com', crm: 'tryton' },
      { origin: 'http://10.0.0.7:8000', crm: 'tryton' },
    ]);
    expect([...merged.keys()].sort()).toEqual(['http://10.0.0.7:8000', 'http://crm.lan:8000', 'https://erp.example.com']);
    expect(merged.get('http://crm.lan:8000')).toEqual({ crm: 'tryton', addedAt: '2025-01-02T03:04:05.000Z' });
    expect(merged.get('https://erp.example.com')).toEqual({ crm: 'tryton', managed: true });
    expect(merged.get('http://10.0.0.7:8000')).toEqual({ crm: 'tryton', managed: true });
  });

  it('checks policy entries like stored ones: a CRM that cannot run on a custom domain, or a non-origin, is dropped', () => {
    const merged = withPolicyOrigins(new Map(), [
      { origin: 'https://sf.example.com', crm: 'salesforce' },
      { origin: 'https://erp.example.com/path', crm: 'tryton' },
    ]);
    expect(merged.size).toBe(0);
    expect(withPolicyOrigins(own, undefined)).toEqual(own);
  });

  it('a managed origin counts only while its permission is granted, like any other', () => {
    const merged = withPolicyOrigins(new Map(), [{ origin: 'http://10.0.0.7:8000', crm: 'tryton' }]);
    expect(activeCustomOrigins(merged, []).size).toBe(0);
    expect(activeCustomOrigins(merged, ['http://10.0.0.7/*']).get('http://10.0.0.7:8000')).toBe('tryton');
  });
});

describe('unusedGrants (access left behind, listed so it can be given back)', () => {
  const required = ['http://127.0.0.1/*', 'https://*.pipedrive.com/*'];

  it('lists an exact-host grant that no named origin, manifest entry or profile uses', () => {
    const granted = ['http://127.0.0.1/*', 'https://*.pipedrive.com/*', 'http://crm.lan/*', 'https://erp.example.com/*', 'https://acme.example.org/*', 'https://*.wild.example/*'];
    const named = ['https://erp.example.com'];
    expect(unusedGrants(granted, required, named, ['https://acme.example.org/*'])).toEqual(['http://crm.lan']);
  });

  it('a named origin on another port still uses its host; a manifest pattern covering the grant is not listed', () => {
    expect(unusedGrants(['http://crm.lan/*'], required, ['http://crm.lan:8000'], [])).toEqual([]);
    expect(unusedGrants(['https://acme.pipedrive.com/*'], required, [], [])).toEqual([]);
  });
});

describe('activeCustomOrigins', () => {
  const named = parseCustomOrigins({ 'http://crm.lan:8000': { crm: 'tryton' }, 'https://erp.example.com': { crm: 'tryton' } });
  it('counts a named origin only while its host permission is granted', () => {
    expect([...activeCustomOrigins(named, ['http://crm.lan/*', 'https://*.pipedrive.com/*'])]).toEqual([['http://crm.lan:8000', 'tryton']]);
    expect([...activeCustomOrigins(named, ['http://crm.lan/*', 'https://erp.example.com/*'])]).toHaveLength(2);
    expect(activeCustomOrigins(named, []).size).toBe(0);
    // A permission for the same host over https does not grant the http server.
    expect(activeCustomOrigins(named, ['https://crm.lan/*']).size).toBe(0);
  });
});

const template: ScriptTemplate = { js: ['content-scripts/crm.js'], css: [], runAt: 'document_idle' };
const registered = (matches: string[], extra: object = {}) => [{ id: CUSTOM_ORIGINS_SCRIPT_ID, js: ['content-scripts/crm.js'], matches, runAt: 'document_idle' as const, persistAcrossSessions: true, ...extra }];

describe('planRegistration', () => {
  it('registers the built script, persistent, for the wanted patterns when none is registered', () => {
    expect(planRegistration([], ['http://crm.lan/*'], template)).toEqual({
      kind: 'register',
      script: { id: CUSTOM_ORIGINS_SCRIPT_ID, js: ['content-scripts/crm.js'], matches: ['http://crm.lan/*'], runAt: 'document_idle', persistAcrossSessions: true },
    });
  });
  it('does nothing when the registration already matches (in any order), so a repeat is harmless', () => {
    expect(planRegistration(registered(['https://b.example/*', 'http://crm.lan/*']), ['http://crm.lan/*', 'https://b.example/*'], template)).toEqual({ kind: 'none' });
    expect(planRegistration([{ id: 'someone-else', js: ['x.js'], matches: ['https://x/*'] }], [], template)).toEqual({ kind: 'none' });
  });
  it('updates when a pattern is added or removed, the files changed (an update) or it is not persistent', () => {
    expect(planRegistration(registered(['http://crm.lan/*']), ['http://crm.lan/*', 'https://b.example/*'], template).kind).toBe('update');
    expect(planRegistration(registered(['http://crm.lan/*', 'https://b.example/*']), ['http://crm.lan/*'], template)).toMatchObject({ kind: 'update', script: { matches: ['http://crm.lan/*'] } });
    expect(planRegistration(registered(['http://crm.lan/*'], { js: ['content-scripts/old.js'] }), ['http://crm.lan/*'], template).kind).toBe('update');
    expect(planRegistration(registered(['http://crm.lan/*'], { persistAcrossSessions: false }), ['http://crm.lan/*'], template).kind).toBe('update');
    expect(planRegistration(registered(['http://crm.lan/*'], { runAt: 'document_start' }), ['http://crm.lan/*'], template).kind).toBe('update');
  });
  it('unregisters when no granted origin is left', () => {
    expect(planRegistration(registered(['http://crm.lan/*']), [], template)).toEqual({ kind: 'unregister', id: CUSTOM_ORIGINS_SCRIPT_ID });
  });
});

describe('scriptTemplate', () => {
  it('repeats the manifest content script that WXT built (files and run_at)', () => {
    const manifest = { content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/crm.js'], run_at: 'document_idle' }] };
    expect(scriptTemplate(manifest)).toEqual({ js: ['content-scripts/crm.js'], css: [], runAt: 'document_idle' });
    expect(scriptTemplate({ content_scripts: [{ js: ['content-scripts/other.js'] }, { js: ['content-scripts/crm.js'], css: ['content-scripts/crm.css'], run_at: 'document_end' }] })).toEqual({
      js: ['content-scripts/crm.js'],
      css: ['content-scripts/crm.css'],
      runAt: 'document_end',
    });
    expect(scriptTemplate({})).toBeNull();
  });
});
