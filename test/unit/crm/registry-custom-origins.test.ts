/**
 * Which CRM the background recognises on a custom origin: only the one the person named there, only
 * while its permission is granted; Tryton (self-hosted) nowhere else but loopback.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/crm/registry';
import { activeCustomOrigins, parseCustomOrigins } from '../../../lib/platform/custom-origins';

const named = parseCustomOrigins({ 'http://crm.lan:8000': { crm: 'tryton' } });
const granted = activeCustomOrigins(named, ['http://crm.lan/*']);
const record = (origin: string) => `${origin}/#dealcoach/model/sale.opportunity/24`;

describe('adapterFor with custom origins', () => {
  it('recognises a Tryton record on the granted origin named Tryton', () => {
    const match = adapterFor(record('http://crm.lan:8000'), null, granted);
    expect(match?.adapter.id).toBe('tryton');
    expect(match?.ref).toEqual({ crm: 'tryton', instance: 'crm.lan:8000', id: '24', url: record('http://crm.lan:8000') });
  });
  it('refuses the same page on any other origin: port, scheme, host, or once the permission is gone', () => {
    for (const origin of ['http://crm.lan:9000', 'http://crm.lan', 'https://crm.lan:8000', 'http://crm.lan.evil.test:8000', 'http://other.lan:8000', 'https://app.hubspot.com', 'https://acme.pipedrive.com']) {
      expect(adapterFor(record(origin), null, granted), origin).toBeNull();
    }
    expect(adapterFor(record('http://crm.lan:8000'), null, activeCustomOrigins(named, []))).toBeNull();
    expect(adapterFor(record('http://crm.lan:8000'))).toBeNull();
  });
  it('keeps Tryton on loopback and every vendor CRM on its own hosts', () => {
    expect(adapterFor(record('http://127.0.0.1:8700'))?.adapter.id).toBe('tryton');
    expect(adapterFor('https://acme.pipedrive.com/deal/12', null, granted)?.adapter.id).toBe('pipedrive');
    expect(adapterFor('http://127.0.0.1:4300/opportunities/abc', null, granted)?.adapter.id).toBe('demo');
  });
  it('tries only the named CRM on a named origin (another CRM’s URL shape there is not a record)', () => {
    const demoNamedTryton = activeCustomOrigins(parseCustomOrigins({ 'http://127.0.0.1:4300': { crm: 'tryton' } }), ['http://127.0.0.1/*']);
    expect(adapterFor('http://127.0.0.1:4300/opportunities/abc', null, demoNamedTryton)).toBeNull();
    expect(adapterFor(record('http://127.0.0.1:4300'), null, demoNamedTryton)?.adapter.id).toBe('tryton');
  });
});
