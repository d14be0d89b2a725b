import { describe, expect, it } from 'vitest';
import { coachDeal } from '../../../../lib/coaching/engine';
import { recordedIo } from '../../../../lib/crm/shared/recorded-io';
import { CrmError } from '../../../../lib/crm/types';
import { CustomCrmProfile, type CustomCrmProfileInput } from '../../../../lib/crm/custom/profile';
import { createCustomAdapter, endpointUrl, withDomReader } from '../../../../lib/crm/custom/read-json';
import { answerReadDom, type ReadDomRequest } from '../../../../lib/crm/custom/read-raw';
import { withCustomMappings } from '../../../../lib/crm/custom/qualification';
import { qualificationStatus } from '../../../../lib/playbooks/qualification';
import { getPlaybook } from '../../../../lib/playbooks';
import { DEFAULT_SETTINGS } from '../../../../lib/model';
import { loadPage, NOW, SERVER_URL, serverProfile } from './fixtures';

const jsonProfile = CustomCrmProfile.parse({
  id: 'json-crm',
  name: 'JSON CRM',
  urlPattern: 'https://app.jsoncrm.io/*',
  recordUrl: { kind: 'hash', pattern: '#/deal/:id' },
  endpoint: { url: '/api/v2/deals/:id?expand=contacts' },
  fields: {
    name: { locator: { by: 'json', path: 'data.deal.title' }, parser: { kind: 'text' } },
    accountName: { locator: { by: 'json', path: 'data.deal.org.name' }, parser: { kind: 'text' } },
    owner: { locator: { by: 'json', path: 'data.deal.owner' }, parser: { kind: 'text' } },
    amount: { locator: { by: 'json', path: 'data.deal.amount' }, parser: { kind: 'money', decimal: '.', currency: 'EUR' } },
    stage: { locator: { by: 'json', path: 'data.deal.stage' }, parser: { kind: 'enum', map: [{ text: 'won', category: 'won' }, { text: 'lost', category: 'lost' }], otherwise: 'open' } },
    closeDate: { locator: { by: 'json', path: 'data.deal.expected_close' }, parser: { kind: 'date', format: 'YYYY-MM-DD' } },
    probability: { locator: { by: 'json', path: 'data.deal.probability' }, parser: { kind: 'percent', decimal: '.', scale: 'percent' } },
  },
  extraFields: [{ key: 'budget', source: { locator: { by: 'json', path: 'data.deal.custom[0].value' }, parser: { kind: 'flag' } } }],
  stakeholders: { region: { by: 'json', path: 'data.contacts' }, name: { key: 'name' }, role: { key: 'roles' }, title: { key: 'job.title' } },
  activities: { region: { by: 'json', path: 'data.activities' }, date: { column: { key: 'at' }, format: 'YYYY-MM-DD' }, kind: { column: { key: 'type' } }, contact: { key: 'with' }, done: { by: 'column', column: { key: 'status' }, values: ['done'] } },
} satisfies CustomCrmProfileInput);

const RECORD = 'https://app.jsoncrm.io/#/deal/0061x%3A7';
const BODY = {
  data: {
    deal: { title: 'Globex expansion', org: { name: 'Globex' }, owner: 'Lee Chen', amount: 72000, stage: 'negotiation', expected_close: '2026-04-30', probability: 55, custom: [{ value: 'yes' }] },
    contacts: [
      { name: 'Hank Scorpio', roles: ['Economic buyer'], job: { title: 'CEO' } },
      { name: 'Frank Grimes', roles: ['Evaluator'], job: { title: 'Engineer' } },
    ],
    activities: [
      { at: '2026-03-01', type: 'call', with: 'Hank Scorpio', status: 'done' },
      { at: '2026-03-20', type: 'meeting', with: 'Frank Grimes', status: 'planned' },
    ],
  },
};

describe('createCustomAdapter — JSON endpoint', () => {
  const adapter = createCustomAdapter(jsonProfile, { now: () => NOW });

  it('is a page-transport adapter named after the profile', () => {
    expect(adapter).toMatchObject({ id: 'custom:json-crm', label: 'JSON CRM', transport: 'page' });
    expect(adapter.matches(RECORD)).toEqual({ crm: 'custom:json-crm', instance: 'app.jsoncrm.io', id: '0061x:7', url: RECORD });
    expect(adapter.matches('https://app.jsoncrm.io/#/deals')).toBeNull();
  });

  it('reads the deal with one same-origin GET, the id encoded', async () => {
    const ref = adapter.matches(RECORD)!;
    expect(endpointUrl(jsonProfile, ref)).toBe('https://app.jsoncrm.io/api/v2/deals/0061x%3A7?expand=contacts');
    const { io, requests, missing } = recordedIo([{ url: 'https://app.jsoncrm.io/api/v2/deals/0061x%3A7?expand=contacts', body: BODY }]);
    const deal = await adapter.readDeal(ref, io);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(deal).toMatchObject({
      ref,
      name: 'Globex expansion',
      accountName: 'Globex',
      owner: { id: 'Lee Chen', name: 'Lee Chen' },
      amount: 72000,
      currency: 'EUR',
      stage: { name: 'negotiation', category: 'open' },
      probability: 0.55,
      closeDate: '2026-04-30',
      createdAt: null,
      fields: { budget: true },
      history: { tracked: false },
    });
    expect(deal.stakeholders.map((s) => [s.name, s.title, s.influence])).toEqual([
      ['Hank Scorpio', 'CEO', 'economic-buyer'],
      ['Frank Grimes', 'Engineer', 'evaluator'],
    ]);
    expect(deal.activities).toEqual([
      { id: '2026-03-01#1', kind: 'call', at: '2026-03-01', done: true, stakeholderIds: ['Hank Scorpio'] },
      { id: '2026-03-20#2', kind: 'meeting', at: '2026-03-20', done: false, stakeholderIds: ['Frank Grimes'] },
    ]);
  });

  it('maps HTTP failures to the usual words and a body without the name to a reason', async () => {
    const ref = adapter.matches(RECORD)!;
    const expired = recordedIo([{ url: endpointUrl(jsonProfile, ref)!, status: 401, body: {} }]);
    await expect(adapter.readDeal(ref, expired.io)).rejects.toMatchObject({ kind: 'session-expired' });
    const empty = recordedIo([{ url: endpointUrl(jsonProfile, ref)!, body: { data: {} } }]);
    await expect(adapter.readDeal(ref, empty.io)).rejects.toThrow('Deal name: the response has nothing at data.deal.title; Stage: the response has nothing at data.deal.stage');
  });

  it('has no history and does not know the signed-in user', async () => {
    const { io } = recordedIo([]);
    await expect(adapter.readHistory(adapter.matches(RECORD)!, {}, io)).resolves.toEqual([]);
    await expect(adapter.whoAmI(adapter.matches(RECORD)!, io)).rejects.toMatchObject({ kind: 'not-configured' });
  });
});

describe('createCustomAdapter — page profiles read through the tab', () => {
  const adapter = createCustomAdapter(serverProfile, { now: () => NOW });
  const ref = adapter.matches(SERVER_URL)!;
  const noFetch = recordedIo([]).io;

  it('asks the tab to read the page and validates what comes back', async () => {
    const asked: ReadDomRequest[] = [];
    const page = loadPage('server-rendered');
    const io = withDomReader(noFetch, async (request) => {
      asked.push(request);
      // What the content script does on `readDom` (structured clone across the message boundary).
      return structuredClone(await answerReadDom(page, request, SERVER_URL));
    });
    const deal = await adapter.readDeal(ref, io);
    expect(asked).toEqual([{ profile: serverProfile, url: SERVER_URL }]);
    expect(deal).toMatchObject({ name: 'Acme Corp — Platform renewal', amount: 48500, closeDate: '2026-03-31', ref });
    expect(deal.stakeholders).toHaveLength(3);
  });

  it('parses the texts itself: a page cannot hand over values or another record', async () => {
    const page = loadPage('server-rendered');
    const io = withDomReader(noFetch, async (request) => {
      const reply = await answerReadDom(page, request, SERVER_URL);
      // Anything beyond the raw texts is dropped by the schema.
      return { ...reply, deal: { amount: 1, ref: { crm: 'salesforce', instance: 'evil', id: 'x', url: 'https://evil.example' } } };
    });
    const deal = await adapter.readDeal(ref, io);
    expect(deal.ref).toEqual(ref);
    expect(deal.amount).toBe(48500);
  });

  it('refuses a reply for another record, a malformed reply and a tab that does not answer', async () => {
    const page = loadPage('server-rendered');
    const moved = withDomReader(noFetch, async (request) => ({ ...(await answerReadDom(page, request, SERVER_URL)), url: 'https://crm.example.com/deals/OTHER' }));
    await expect(adapter.readDeal(ref, moved)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(adapter.readDeal(ref, withDomReader(noFetch, async () => ({ kind: 'raw', url: SERVER_URL, raw: { fields: { name: { ok: true, text: 42 } }, lists: {} } })))).rejects.toMatchObject({ kind: 'malformed' });
    await expect(adapter.readDeal(ref, withDomReader(noFetch, async () => 'hello'))).rejects.toMatchObject({ kind: 'malformed' });
    await expect(
      adapter.readDeal(
        ref,
        withDomReader(noFetch, async () => {
          throw new Error('Could not establish connection');
        }),
      ),
    ).rejects.toMatchObject({ kind: 'offline' });
  });

  it('names what the page lacks when the deal cannot be read', async () => {
    const io = withDomReader(noFetch, async (request) => answerReadDom(loadPage('sao-form'), request, SERVER_URL));
    await expect(adapter.readDeal(ref, io)).rejects.toThrow(
      'Deal Coach could not read this ExampleCRM deal — Deal name: "h1.record-title" matches nothing on this page; Stage: the area "#overview" is not on this page (yet). An admin can fix the profile in Options → Custom CRMs.',
    );
  });

  it('says how to fix it when the io cannot read pages', async () => {
    const error = await adapter.readDeal(ref, noFetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'not-configured', message: 'ExampleCRM is read from the page itself. Open the deal in a ExampleCRM tab and reload it.' });
  });
});

describe('coaching a custom CRM deal', () => {
  it('answers playbook questions from the profile’s mapping and coaches the page’s people and activities', async () => {
    const adapter = createCustomAdapter(serverProfile, { now: () => NOW });
    const page = loadPage('server-rendered');
    const deal = await adapter.readDeal(adapter.matches(SERVER_URL)!, withDomReader(recordedIo([]).io, (r) => answerReadDom(page, r, SERVER_URL)));
    const playbook = withCustomMappings(getPlaybook('bant', true), [serverProfile]);
    expect(playbook.mappings['custom:example-crm']).toEqual({ budget: ['budget_confirmed?'] });
    const budget = qualificationStatus(deal, playbook).items.find((i) => i.questionId === 'budget');
    expect(budget).toMatchObject({ status: 'answered', answeredBy: ['budget_confirmed'] });
    const findings = coachDeal(deal, { playbook, benchmarks: null, now: NOW, settings: DEFAULT_SETTINGS });
    // The economic buyer was called 8 days ago: reached. Nobody is invented.
    expect(findings.map((f) => f.ruleId)).not.toContain('no-decision-maker');
    expect(findings.map((f) => f.ruleId)).not.toContain('unreached-influencer');
  });
});

describe('customRegistry', () => {
  it('finds the profile and adapter for a record URL, by id too', async () => {
    const { customRegistry, isCustomCrmId } = await import('../../../../lib/crm/custom/registry');
    const registry = customRegistry([serverProfile, jsonProfile]);
    const hit = registry.adapterFor(SERVER_URL);
    expect(hit).toMatchObject({ profile: { id: 'example-crm' }, ref: { id: 'D-1042' }, readySelector: 'h1.record-title' });
    expect(registry.adapterFor(RECORD)?.readySelector).toBeNull();
    expect(registry.adapterFor('https://elsewhere.example.com/deals/1')).toBeNull();
    expect(registry.adapterById('custom:json-crm')?.label).toBe('JSON CRM');
    expect(registry.profileById('custom:example-crm')).toBe(serverProfile);
    expect(isCustomCrmId('custom:x')).toBe(true);
    expect(isCustomCrmId('salesforce')).toBe(false);
  });
});
