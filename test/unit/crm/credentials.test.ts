import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CrmError } from '../../../lib/crm/types';
import { withCredentials } from '../../../lib/platform/credentials';
import { mayUseSalesforceSession, readSalesforceSession, sessionOrgId, type CookieReader } from '../../../lib/platform/credentials/salesforce';
import { isPlausibleHubSpotToken, isPlausiblePipedriveToken, mayUseHubSpotToken, mayUsePipedriveToken, redactToken, saveToken, tokenHeaders, tokenOwners, type TokenArea } from '../../../lib/platform/credentials/tokens';

const TAB = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Q7kLmAAJ/view';
const API = 'https://acme.my.salesforce.com/services/data/v62.0/composite';
const SID = '00D5g000004Xyz9!AQ4AQNotARealSessionValue';

describe('Salesforce session boundary', () => {
  it('allows the sid only for the API host of the sender tab’s own org', () => {
    expect(mayUseSalesforceSession(TAB, API)).toBe(true);
    expect(mayUseSalesforceSession(TAB, 'https://acme.my.salesforce.com/services/oauth2/userinfo')).toBe(true);
    expect(mayUseSalesforceSession('https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/x/view', 'https://acme--uat.sandbox.my.salesforce.com/services/data/v62.0/query/?q=x')).toBe(true);
    expect(mayUseSalesforceSession('https://acme.develop.lightning.force.com/lightning/page/home', 'https://acme.develop.my.salesforce.com/services/data/v62.0/composite')).toBe(true);
  });

  it('refuses other orgs, look-alike hosts, plain http, ports, credentials in URLs and other paths', () => {
    const refused: [string, string][] = [
      [TAB, 'https://globex.my.salesforce.com/services/data/v62.0/composite'], // another org
      [TAB, 'https://acme.my.salesforce.com.evil.com/services/data/v62.0/composite'], // look-alike
      [TAB, 'https://acme-my.salesforce.com.evil.com/services/data/v62.0/composite'],
      [TAB, 'https://evil.com/acme.my.salesforce.com/services/data/v62.0/composite'],
      [TAB, 'https://evil.com/?u=https://acme.my.salesforce.com/services/'],
      [TAB, 'https://acme.my.salesforce.com@evil.com/services/data/v62.0/composite'],
      [TAB, 'https://user:pw@acme.my.salesforce.com/services/data/v62.0/composite'],
      [TAB, 'http://acme.my.salesforce.com/services/data/v62.0/composite'], // http scheme
      [TAB, 'https://acme.my.salesforce.com:8443/services/data/v62.0/composite'],
      [TAB, 'https://acme.my.salesforce.com/secur/logout.jsp'], // not the API
      [TAB, 'https://acme.lightning.force.com/services/data/v62.0/composite'], // the UI host itself
      [TAB, 'https://acme--uat.sandbox.my.salesforce.com/services/data/v62.0/composite'], // prod tab, sandbox request
      ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/x/view', API], // sandbox tab, prod request
      ['https://acme.develop.lightning.force.com/lightning/page/home', API], // dev-edition tab, prod request
      ['http://acme.lightning.force.com/lightning/r/Opportunity/x/view', API], // tab over http
      ['https://acme.lightning.force.com.evil.com/lightning/r/Opportunity/x/view', 'https://acme.my.salesforce.com.evil.com/services/data/v62.0/composite'],
      ['https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/x/view', 'https://acme.my.salesforce.com.mcas.ms/services/data/v62.0/composite'],
      ['https://evil.com/lightning/r/Opportunity/x/view', API],
      ['chrome-extension://abc/options.html', API],
      ['not a url', API],
      [TAB, 'not a url'],
    ];
    for (const [tab, req] of refused) expect(mayUseSalesforceSession(tab, req), `${tab} -> ${req}`).toBe(false);
  });

  it('never allows a request host other than the one derived from the tab (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
    fc.assert(
      fc.property(label, label, fc.constantFrom('', '.develop', '.scratch'), (a, b, partition) => {
        fc.pre(a !== b);
        const tab = `https://${a}${partition}.lightning.force.com/lightning/r/Opportunity/x/view`;
        return (
          mayUseSalesforceSession(tab, `https://${a}${partition}.my.salesforce.com/services/data/v62.0/composite`) &&
          !mayUseSalesforceSession(tab, `https://${b}${partition}.my.salesforce.com/services/data/v62.0/composite`) &&
          !mayUseSalesforceSession(tab, `https://${a}${partition}.my.salesforce.com.${b}.com/services/data/v62.0/composite`)
        );
      }),
    );
  });

  it('reads the sid cookie of the API host only, from the sender tab’s cookie store', async () => {
    const asked: unknown[] = [];
    const jar: Record<string, { value: string; domain: string; secure: boolean }> = {
      'https://acme.my.salesforce.com': { value: SID, domain: 'acme.my.salesforce.com', secure: true },
      'https://acme.lightning.force.com': { value: '00D5g000004Xyz9!AQ4UiSession', domain: 'acme.lightning.force.com', secure: true },
    };
    const cookies: CookieReader = { get: async (d) => (asked.push(d), jar[d.url] ?? null) };
    expect(await readSalesforceSession(TAB, API, 'firefox-container-2', cookies)).toBe(SID);
    expect(asked).toEqual([
      { url: 'https://acme.my.salesforce.com', name: 'sid', storeId: 'firefox-container-2' },
      { url: 'https://acme.lightning.force.com', name: 'sid', storeId: 'firefox-container-2' },
    ]);
    asked.length = 0;
    expect(await readSalesforceSession(TAB, 'https://globex.my.salesforce.com/services/data/v62.0/composite', undefined, cookies)).toBeNull();
    expect(asked).toEqual([]); // refused before touching any cookie
  });

  it('refuses a cookie that is not secure, is set for another host, or belongs to another org', async () => {
    const reader = (api: { value: string; domain: string; secure: boolean } | null, ui?: string): CookieReader => ({
      get: async (d) => (d.url.includes('my.salesforce.com') ? api : ui ? { value: ui, domain: 'acme.lightning.force.com', secure: true } : null),
    });
    expect(await readSalesforceSession(TAB, API, undefined, reader({ value: SID, domain: 'acme.my.salesforce.com', secure: false }))).toBeNull();
    expect(await readSalesforceSession(TAB, API, undefined, reader({ value: SID, domain: '.salesforce.com', secure: true }))).toBeNull();
    expect(await readSalesforceSession(TAB, API, undefined, reader(null))).toBeNull();
    expect(await readSalesforceSession(TAB, API, undefined, reader({ value: SID, domain: 'acme.my.salesforce.com', secure: true }, '00D5g000009Othr!AQ4Ui'))).toBeNull();
    expect(await readSalesforceSession(TAB, API, undefined, reader({ value: SID, domain: 'acme.my.salesforce.com', secure: true }))).toBe(SID);
    expect(sessionOrgId(SID)).toBe('00D5g000004Xyz9');
    expect(sessionOrgId('garbage')).toBeNull();
  });
});

describe('HubSpot and Pipedrive token boundary', () => {
  const HS_TAB = 'https://app.hubspot.com/contacts/20417345/record/0-3/14583920011';
  const HS_EU_TAB = 'https://app-eu1.hubspot.com/contacts/143641506/record/0-3/1';
  const NA_TOKEN = 'pat-na1-2b7c1f4e-8a3d-4c5e-9f10-1a2b3c4d5e6f';
  const EU_TOKEN = 'pat-eu1-2b7c1f4e-8a3d-4c5e-9f10-1a2b3c4d5e6f';
  const PD_TAB = 'https://acme.pipedrive.com/deal/1234';
  const PD_TOKEN = '659c9fddb16335e48cc67114694b52074e812e03';

  it('sends a HubSpot token only to the API host of the tab’s data centre, matching the token’s region', () => {
    expect(mayUseHubSpotToken(HS_TAB, 'https://api.hubapi.com/crm/v3/objects/deals/1', NA_TOKEN)).toBe(true);
    expect(mayUseHubSpotToken(HS_EU_TAB, 'https://api-eu1.hubapi.com/crm/v4/objects/deals/1/associations/contacts', EU_TOKEN)).toBe(true);
    const refused: [string, string, string?][] = [
      [HS_TAB, 'https://api-eu1.hubapi.com/crm/v3/objects/deals/1'],
      [HS_EU_TAB, 'https://api-eu1.hubapi.com/crm/v3/objects/deals/1', NA_TOKEN], // token of another region
      [HS_TAB, 'https://api.hubapi.com.evil.com/crm/v3/objects/deals/1'],
      [HS_TAB, 'http://api.hubapi.com/crm/v3/objects/deals/1'],
      [HS_TAB, 'https://api.hubapi.com/oauth/v1/access-tokens/x'], // not a CRM read
      ['https://app.hubspot.com.evil.com/contacts/20417345/record/0-3/1', 'https://api.hubapi.com/crm/v3/objects/deals/1'],
      ['https://evil.com/contacts/20417345/record/0-3/1', 'https://api.hubapi.com/crm/v3/objects/deals/1'],
    ];
    for (const [tab, req, token] of refused) expect(mayUseHubSpotToken(tab, req, token), `${tab} -> ${req}`).toBe(false);
  });

  it('sends a Pipedrive token only to the tab’s own company domain', () => {
    expect(mayUsePipedriveToken(PD_TAB, 'https://acme.pipedrive.com/api/v2/deals/1234')).toBe(true);
    expect(mayUsePipedriveToken(PD_TAB, 'https://acme.pipedrive.com/api/v1/deals/1234/participants?start=0&limit=100')).toBe(true);
    const refused: [string, string][] = [
      [PD_TAB, 'https://globex.pipedrive.com/api/v2/deals/1234'],
      [PD_TAB, 'https://api.pipedrive.com/api/v2/deals/1234'],
      [PD_TAB, 'https://acme.pipedrive.com.evil.com/api/v2/deals/1234'],
      [PD_TAB, 'http://acme.pipedrive.com/api/v2/deals/1234'],
      [PD_TAB, 'https://acme.pipedrive.com/deal/1234'],
      ['https://app.pipedrive.com/deal/1234', 'https://app.pipedrive.com/api/v2/deals/1234'],
      ['https://evil.com/deal/1234', 'https://acme.pipedrive.com/api/v2/deals/1234'],
    ];
    for (const [tab, req] of refused) expect(mayUsePipedriveToken(tab, req), `${tab} -> ${req}`).toBe(false);
  });

  it('stores tokens per portal / company and picks the one of the sender tab', async () => {
    const store: Record<string, unknown> = {};
    const area: TokenArea = { get: async (k) => ({ [k]: store[k] }), set: async (items) => void Object.assign(store, items) };
    await saveToken('hubspot', '20417345', ` ${NA_TOKEN} `, area);
    await saveToken('pipedrive', 'acme.pipedrive.com', PD_TOKEN, area);
    expect(await tokenOwners('hubspot', area)).toEqual(['20417345']);
    expect(await tokenHeaders('hubspot', HS_TAB, 'https://api.hubapi.com/crm/v3/objects/deals/1', area)).toEqual({ Authorization: `Bearer ${NA_TOKEN}` });
    expect(await tokenHeaders('hubspot', 'https://app.hubspot.com/contacts/99999999/record/0-3/1', 'https://api.hubapi.com/crm/v3/objects/deals/1', area)).toBeNull();
    expect(await tokenHeaders('pipedrive', PD_TAB, 'https://acme.pipedrive.com/api/v2/deals/1234', area)).toEqual({ 'x-api-token': PD_TOKEN });
    expect(await tokenHeaders('pipedrive', 'https://globex.pipedrive.com/deal/1', 'https://globex.pipedrive.com/api/v2/deals/1', area)).toBeNull();
    await saveToken('pipedrive', 'acme.pipedrive.com', null, area);
    expect(await tokenHeaders('pipedrive', PD_TAB, 'https://acme.pipedrive.com/api/v2/deals/1234', area)).toBeNull();
  });

  it('recognises token shapes and never shows a whole token', () => {
    expect(isPlausibleHubSpotToken(NA_TOKEN)).toBe(true);
    expect(isPlausibleHubSpotToken('abc')).toBe(false);
    expect(isPlausiblePipedriveToken(PD_TOKEN)).toBe(true);
    expect(isPlausiblePipedriveToken(NA_TOKEN)).toBe(false);
    expect(redactToken(PD_TOKEN)).toBe('659c…03');
  });
});

describe('withCredentials (the background io wrapper)', () => {
  const jar: CookieReader = {
    get: async (d) => (d.url === 'https://acme.my.salesforce.com' ? { value: SID, domain: 'acme.my.salesforce.com', secure: true } : null),
  };

  it('adds the sid for the tab’s own org and refuses to send anything elsewhere', async () => {
    const sent: { url: string; headers?: Record<string, string> }[] = [];
    const io = withCredentials(async (url, init) => (sent.push({ url, headers: init?.headers }), { status: 200, headers: {}, body: {} }), 'salesforce', { url: TAB }, { cookies: jar });
    await io(API, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(sent).toEqual([{ url: API, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SID}` } }]);
    const refused = (await io('https://globex.my.salesforce.com/services/data/v62.0/composite').catch((e: unknown) => e)) as CrmError;
    expect(refused.kind).toBe('session-expired');
    expect(sent).toHaveLength(1); // nothing left the browser
  });

  it('asks for a token in options when none is saved', async () => {
    const empty: TokenArea = { get: async () => ({}), set: async () => undefined };
    const io = withCredentials(async () => ({ status: 200, headers: {}, body: {} }), 'pipedrive', { url: 'https://acme.pipedrive.com/deal/1' }, { tokens: empty });
    const error = (await io('https://acme.pipedrive.com/api/v2/deals/1').catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('not-configured');
    expect(error.message).toMatch(/Options/);
  });
});
