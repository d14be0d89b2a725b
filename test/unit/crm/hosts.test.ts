import { describe, expect, it } from 'vitest';
import { CRM_API_HOSTS, CRM_PAGE_HOSTS, customServerOf, isLoopbackOrigin, originInPattern, patternCovers, runtimePagePatterns } from '../../../lib/crm/hosts';

describe('patternCovers', () => {
  it('covers the same host, subdomains under *., either scheme under *', () => {
    expect(patternCovers('https://*.pipedrive.com/*', 'https://acme.pipedrive.com/*')).toBe(true);
    expect(patternCovers('https://*.pipedrive.com/*', 'https://*.eu.pipedrive.com/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(true);
    expect(patternCovers('*://crm.lan/*', 'http://crm.lan/*')).toBe(true);
    expect(patternCovers('http://crm.lan/*', 'http://crm.lan:8000/*')).toBe(true);
  });
  it('does not cover another scheme, host, parent domain, wildcard or port', () => {
    expect(patternCovers('https://*.pipedrive.com/*', 'http://acme.pipedrive.com/*')).toBe(false);
    expect(patternCovers('https://*.pipedrive.com/*', 'https://pipedrive.com.evil.test/*')).toBe(false);
    expect(patternCovers('https://*.pipedrive.com/*', 'https://evilpipedrive.com/*')).toBe(false);
    expect(patternCovers('https://acme.example.com/*', 'https://*.example.com/*')).toBe(false);
    expect(patternCovers('http://crm.lan:8000/*', 'http://crm.lan:9000/*')).toBe(false);
    expect(patternCovers('http://crm.lan:8000/*', 'http://crm.lan/*')).toBe(false);
    expect(patternCovers('http://crm.lan/app/*', 'http://crm.lan/*')).toBe(false);
    expect(patternCovers('not a pattern', 'http://crm.lan/*')).toBe(false);
  });
});

describe('runtimePagePatterns', () => {
  it('keeps granted hosts outside the manifest content script, sorted and once', () => {
    const granted = [...CRM_PAGE_HOSTS, ...CRM_API_HOSTS, 'https://crm.example.com/*', 'http://tryton.lan/*', 'https://crm.example.com/*', 'https://*.corp.example/*'];
    expect(runtimePagePatterns(granted)).toEqual(['http://tryton.lan/*', 'https://*.corp.example/*', 'https://crm.example.com/*']);
  });
  it('leaves out hosts the manifest already covers, API hosts and patterns over every site', () => {
    expect(runtimePagePatterns(['https://acme.pipedrive.com/*', 'https://acme.my.salesforce.com/*', 'http://127.0.0.1/*', 'https://*/*', 'http://*/*', '*://*/*', '<all_urls>'])).toEqual([]);
  });
});

describe('originInPattern', () => {
  it('places an origin with or without a port in a portless pattern of its scheme and host', () => {
    expect(originInPattern('http://crm.lan:8000', 'http://crm.lan/*')).toBe(true);
    expect(originInPattern('http://crm.lan', 'http://crm.lan/*')).toBe(true);
    expect(originInPattern('http://crm.lan:8000', 'http://crm.lan:8000/*')).toBe(true);
    expect(originInPattern('https://crm.lan:8000', 'http://crm.lan/*')).toBe(false);
    expect(originInPattern('http://crm.lan.evil.test', 'http://crm.lan/*')).toBe(false);
    expect(originInPattern('http://crm.lan:9000', 'http://crm.lan:8000/*')).toBe(false);
    expect(originInPattern('file:///etc', 'http://crm.lan/*')).toBe(false);
  });
});

describe('customServerOf', () => {
  it('turns what a person types into the origin to remember and the host permission to ask for', () => {
    expect(customServerOf('http://Tryton.LAN:8000')).toEqual({ origin: 'http://tryton.lan:8000', permission: 'http://tryton.lan/*' });
    expect(customServerOf('  crm.example.com ')).toEqual({ origin: 'https://crm.example.com', permission: 'https://crm.example.com/*' });
    expect(customServerOf('http://10.0.0.5:8000/#dealcoach/model/sale.opportunity/7')).toEqual({ origin: 'http://10.0.0.5:8000', permission: 'http://10.0.0.5/*' });
    expect(customServerOf('http://erp:8000')).toEqual({ origin: 'http://erp:8000', permission: 'http://erp/*' });
  });
  it('refuses other schemes, credentials, non-host names and hosts Deal Coach already covers', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://crm.example.com', 'http://user:pw@crm.lan', 'http://*.lan', 'http://crm_lan', '', 'http://[::1]:8000', 'https://acme.pipedrive.com', 'http://127.0.0.1:8000', 'https://api.hubapi.com']) {
      expect(customServerOf(bad), bad).toHaveProperty('error');
    }
  });
});

describe('isLoopbackOrigin', () => {
  it('is 127.0.0.1 and localhost only', () => {
    expect(isLoopbackOrigin('http://127.0.0.1:8700')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:8000')).toBe(true);
    expect(isLoopbackOrigin('http://localhost.evil.test')).toBe(false);
    expect(isLoopbackOrigin('http://crm.lan')).toBe(false);
    expect(isLoopbackOrigin('')).toBe(false);
  });
});
