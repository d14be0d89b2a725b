import { describe, expect, it } from 'vitest';
import { hostPermissionFor, matchCustomProfile, matchCustomRecord, parseMatchPattern, urlMatchesPattern, type MatchableProfile } from '../../../../lib/crm/custom/match';

const profile = (recordUrl: MatchableProfile['recordUrl'], urlPattern = 'https://crm.example.com/*'): MatchableProfile => ({ id: 'acme', urlPattern, recordUrl });

describe('match patterns', () => {
  it('match scheme, host, subdomains, port and path like the browser does', () => {
    expect(urlMatchesPattern('https://crm.example.com/deals/1', 'https://crm.example.com/*')).toBe(true);
    expect(urlMatchesPattern('http://crm.example.com/deals/1', 'https://crm.example.com/*')).toBe(false);
    expect(urlMatchesPattern('http://crm.example.com/deals/1', '*://crm.example.com/*')).toBe(true);
    expect(urlMatchesPattern('https://eu.crm.example.com/x', 'https://*.example.com/*')).toBe(true);
    expect(urlMatchesPattern('https://example.com/x', 'https://*.example.com/*')).toBe(true);
    expect(urlMatchesPattern('https://notexample.com/x', 'https://*.example.com/*')).toBe(false);
    expect(urlMatchesPattern('https://crm.example.com.evil.io/x', 'https://crm.example.com/*')).toBe(false);
    expect(urlMatchesPattern('http://10.0.0.5:8000/a', 'http://10.0.0.5:8000/*')).toBe(true);
    expect(urlMatchesPattern('http://10.0.0.5:9000/a', 'http://10.0.0.5:8000/*')).toBe(false);
    expect(urlMatchesPattern('http://10.0.0.5:9000/a', 'http://10.0.0.5/*')).toBe(true);
    expect(urlMatchesPattern('https://crm.example.com/app/deals', 'https://crm.example.com/app/*')).toBe(true);
    expect(urlMatchesPattern('https://crm.example.com/other', 'https://crm.example.com/app/*')).toBe(false);
    expect(urlMatchesPattern('https://user:pw@crm.example.com/x', 'https://crm.example.com/*')).toBe(false);
  });

  it('refuse patterns for every site, other schemes and public suffixes', () => {
    for (const bad of ['<all_urls>', '*://*/*', 'https://*/*', 'https://*.com/*', 'javascript:alert(1)//x/*', 'file:///etc/*', 'ftp://crm.example.com/*', 'https://crm.example.com', 'https://a@crm.example.com/*', 'https://crm.exa*mple.com/*']) {
      expect(parseMatchPattern(bad), bad).toHaveProperty('error');
    }
  });

  it('give the optional host permission to request (ports are not part of it)', () => {
    expect(hostPermissionFor({ urlPattern: 'https://crm.example.com/app/*' })).toBe('https://crm.example.com/*');
    expect(hostPermissionFor({ urlPattern: 'http://10.0.0.5:8000/*' })).toBe('http://10.0.0.5/*');
    expect(hostPermissionFor({ urlPattern: '*://*.example.com/*' })).toBe('*://*.example.com/*');
    expect(hostPermissionFor({ urlPattern: '<all_urls>' })).toBeNull();
  });
});

describe('matchCustomRecord', () => {
  it('reads the id from a path segment, tolerating a trailing slash, query and hash', () => {
    const p = profile({ kind: 'path-segment', pattern: '/deals/:id' });
    expect(matchCustomRecord('https://crm.example.com/deals/D-1042', p)).toEqual({ crm: 'custom:acme', instance: 'crm.example.com', id: 'D-1042', url: 'https://crm.example.com/deals/D-1042' });
    expect(matchCustomRecord('https://crm.example.com/deals/D-1042/?tab=notes#x', p)?.id).toBe('D-1042');
    expect(matchCustomRecord('https://crm.example.com/deals', p)).toBeNull();
    expect(matchCustomRecord('https://crm.example.com/deals/1/edit', p)).toBeNull();
    expect(matchCustomRecord('https://other.example.com/deals/1', p)).toBeNull();
  });

  it('supports wildcards and an id inside a segment', () => {
    expect(matchCustomRecord('https://crm.example.com/app/42/opportunity/0061x/view', profile({ kind: 'path-segment', pattern: '/app/*/opportunity/:id/view' }))?.id).toBe('0061x');
    expect(matchCustomRecord('https://crm.example.com/deal-77.html', profile({ kind: 'path-segment', pattern: '/deal-:id.html' }))?.id).toBe('77');
    expect(matchCustomRecord('https://crm.example.com/deals/a%20b', profile({ kind: 'path-segment', pattern: '/deals/:id' }))).toBeNull();
    expect(matchCustomRecord('https://crm.example.com/deals/%7Babc%7D', profile({ kind: 'path-segment', pattern: '/deals/:id' }))?.id).toBe('{abc}');
  });

  it('reads a query parameter, optionally only under a path', () => {
    const p = profile({ kind: 'query', param: 'id', pathPrefix: '/main.aspx' });
    expect(matchCustomRecord('https://crm.example.com/main.aspx?etn=opportunity&id=%7B1A2B%7D', p)?.id).toBe('{1A2B}');
    expect(matchCustomRecord('https://crm.example.com/other.aspx?id=1', p)).toBeNull();
    expect(matchCustomRecord('https://crm.example.com/main.aspx?etn=opportunity', p)).toBeNull();
  });

  it('reads SPA routes and parameters in the hash', () => {
    const route = profile({ kind: 'hash', pattern: '#/opportunity/:id' });
    expect(matchCustomRecord('https://crm.example.com/#/opportunity/981', route)?.id).toBe('981');
    expect(matchCustomRecord('https://crm.example.com/#!/opportunity/981?tab=2', route)?.id).toBe('981');
    expect(matchCustomRecord('https://crm.example.com/#/opportunity', route)).toBeNull();
    const sao = profile({ kind: 'hash', pattern: '#*/model/sale.opportunity/:id' }, 'http://erp.example.org:8000/*');
    expect(matchCustomRecord('http://erp.example.org:8000/#dealcoach/model/sale.opportunity/24;name=%22Opportunities%22', sao)).toEqual({
      crm: 'custom:acme',
      instance: 'erp.example.org:8000',
      id: '24',
      url: 'http://erp.example.org:8000/#dealcoach/model/sale.opportunity/24;name=%22Opportunities%22',
    });
    const param = profile({ kind: 'hash', param: 'id' });
    expect(matchCustomRecord('https://crm.example.com/#view=deal&id=42', param)?.id).toBe('42');
    expect(matchCustomRecord('https://crm.example.com/#/deals?id=43', param)?.id).toBe('43');
    expect(matchCustomRecord('https://crm.example.com/#/deals', param)).toBeNull();
  });

  it('ignores non-http URLs and picks the first matching profile', () => {
    const p = profile({ kind: 'path-segment', pattern: '/deals/:id' });
    expect(matchCustomRecord('javascript:alert(1)', p)).toBeNull();
    expect(matchCustomRecord('not a url', p)).toBeNull();
    const other = { ...profile({ kind: 'query', param: 'id' }, 'https://other.example.com/*'), id: 'other' };
    expect(matchCustomProfile('https://other.example.com/x?id=5', [p, other])?.profile.id).toBe('other');
    expect(matchCustomProfile('https://nowhere.example.com/x?id=5', [p, other])).toBeNull();
  });
});
