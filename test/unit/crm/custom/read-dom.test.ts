import { describe, expect, it } from 'vitest';
import { readDealFromPage } from '../../../../lib/crm/custom/read-dom';
import { answerReadDom, pendingFields, readRawFromPage } from '../../../../lib/crm/custom/read-raw';
import { CustomCrmProfile } from '../../../../lib/crm/custom/profile';
import { dealFromDraft } from '../../../../lib/crm/custom/to-deal';
import { hydrateSao, loadPage, NOW, SAO_URL, saoProfile, saoProfileInput, SERVER_URL, serverProfile, serverProfileInput } from './fixtures';

const statusOf = (report: { field: string; status: string }[]) => Object.fromEntries(report.map((r) => [r.field, r.status]));

describe('readDealFromPage — server-rendered page', () => {
  const { deal, report } = readDealFromPage(loadPage('server-rendered'), serverProfile, SERVER_URL, NOW);

  it('reads every mapped Deal field', () => {
    expect(deal).toMatchObject({
      ref: { crm: 'custom:example-crm', instance: 'crm.example.com', id: 'D-1042', url: SERVER_URL },
      name: 'Acme Corp — Platform renewal',
      accountName: 'Acme Corp',
      owner: { id: 'Dana Reyes', name: 'Dana Reyes' },
      amount: 48500,
      currency: 'USD',
      stage: { name: 'Negotiation / Review', category: 'open' },
      probability: 0.6,
      createdAt: '2025-11-04',
      closeDate: '2026-03-31',
      closedAt: null,
      history: { closeDateChanges: [], stageChanges: [], tracked: false },
    });
  });

  it('leaves what it cannot read null and says why, field by field', () => {
    // The collapsed panel is empty: the next step is unknown (null), not "no next step".
    expect(deal!.nextStep).toBeNull();
    expect(report.find((r) => r.field === 'nextStep')).toMatchObject({ status: 'missing', message: expect.stringContaining('collapsed panel') });
    expect(deal!.fields).toEqual({ budget_confirmed: true, competitors: null, discount: null, forecast: 'Commit', region: 'EMEA North', lead_source: 'Partner referral' });
    expect(report.find((r) => r.field === 'fields.competitors')).toEqual({ field: 'fields.competitors', label: 'competitors', status: 'missing', raw: '—', message: '"—" means no value' });
    expect(report.find((r) => r.field === 'fields.discount')).toMatchObject({ status: 'unparsed', raw: 'about ten percent' });
    expect(statusOf(report)).toMatchObject({ name: 'ok', amount: 'ok', closeDate: 'ok', createdAt: 'ok', stakeholders: 'ok', activities: 'ok' });
  });

  it('reads the contact-roles table with role → influence', () => {
    expect(deal!.stakeholders).toEqual([
      { id: 'Maria Lopez', name: 'Maria Lopez', title: 'CFO', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: null },
      { id: 'Tom Becker', name: 'Tom Becker', title: 'IT Director', roles: ['Technical Evaluator', 'Champion'], influence: 'champion', isPrimary: null },
      { id: 'Priya Shah', name: 'Priya Shah', title: 'Procurement Lead', roles: ['Procurement'], influence: 'other', isPrimary: null },
    ]);
    expect(report.find((r) => r.field === 'stakeholders')?.message).toBe('3 people; role not recognised (counted as other): Procurement');
  });

  it('reads the activity list with type → kind, done by date, linked to the people named', () => {
    expect(deal!.activities).toEqual([
      { id: '2026-03-02#1', kind: 'call', at: '2026-03-02', done: true, stakeholderIds: ['Maria Lopez'] },
      { id: '2026-02-20#2', kind: 'meeting', at: '2026-02-20', done: true, stakeholderIds: ['Tom Becker', 'Maria Lopez'] },
      { id: '2026-03-05#3', kind: 'email', at: '2026-03-05', done: true, stakeholderIds: ['Priya Shah'] },
      { id: '2026-03-20#4', kind: 'note', at: '2026-03-20', done: false, stakeholderIds: ['Tom Becker'] },
    ]);
    expect(report.find((r) => r.field === 'activities')?.message).toBe(
      '4 activities; 1 row skipped, date not readable as M/D/YYYY: "someday"; type not recognised (counted as a note): Webinar',
    );
  });

  it('gives a draft the background turns into a valid Deal', () => {
    const valid = dealFromDraft(deal!.ref, deal!, report, serverProfile.name);
    expect(valid.amount).toBe(48500);
    expect(valid.history.tracked).toBe(false);
    expect(valid.nextStep).toBeNull();
  });

  it('reports an unreadable amount as unparsed, with null — never 0', () => {
    const page = loadPage('server-rendered');
    for (const dd of Array.from(page.querySelectorAll('.value, dd'))) if (dd.textContent === '$48,500.00') dd.textContent = 'call me';
    const r = readDealFromPage(page, serverProfile, SERVER_URL, NOW);
    expect(r.deal!.amount).toBeNull();
    expect(r.report.find((x) => x.field === 'amount')).toMatchObject({ status: 'unparsed', raw: 'call me', message: '"call me" is not an amount written with a decimal point' });
    // The currency field still names the currency.
    expect(r.deal!.currency).toBe('USD');
  });

  it('reports a negative amount as unparsed', () => {
    const page = loadPage('server-rendered');
    for (const el of Array.from(page.querySelectorAll('.value, dd'))) if (el.textContent === '$48,500.00') el.textContent = '(1,200.00)';
    const r = readDealFromPage(page, serverProfile, SERVER_URL, NOW);
    expect(r.deal!.amount).toBeNull();
    expect(r.report.find((x) => x.field === 'amount')).toMatchObject({ status: 'unparsed', message: 'a negative amount (-1200) is not a deal value' });
  });

  it('marks unmapped fields not-mapped, leaving nextStep absent (the CRM has none) and taking the currency from the amount', () => {
    const { nextStep: _n, currency: _c, probability: _p, ...fields } = serverProfileInput.fields;
    const profile = CustomCrmProfile.parse({ ...serverProfileInput, fields, stakeholders: undefined, activities: undefined });
    const r = readDealFromPage(loadPage('server-rendered'), profile, SERVER_URL, NOW);
    expect(r.deal).not.toHaveProperty('nextStep');
    expect(r.deal!.probability).toBeNull();
    expect(r.deal!.currency).toBe('USD');
    expect(r.report.find((x) => x.field === 'currency')).toMatchObject({ status: 'ok', message: "the amount's default currency" });
    expect(statusOf(r.report)).toMatchObject({ nextStep: 'not-mapped', probability: 'not-mapped', stakeholders: 'not-mapped', activities: 'not-mapped' });
    expect(r.deal!.stakeholders).toEqual([]);
  });

  it('reads nothing on a page that is not a record of the profile', () => {
    const r = readDealFromPage(loadPage('server-rendered'), serverProfile, 'https://crm.example.com/deals', NOW);
    expect(r.deal).toBeNull();
    expect(r.report).toEqual([{ field: 'record', label: 'Record page', status: 'missing', message: 'this page is not a ExampleCRM record page (https://crm.example.com/*)' }]);
  });
});

describe('readDealFromPage — single-page-app form (sao, German)', () => {
  const page = loadPage('sao-form');
  hydrateSao(page);
  const { deal, report } = readDealFromPage(page, saoProfile, SAO_URL, NOW);

  it('reads the form widgets’ live values', () => {
    expect(deal).toMatchObject({
      ref: { crm: 'custom:tryton-sao', instance: 'erp.example.org:8000', id: '24' },
      name: 'Solardach Nordhalle',
      accountName: 'Brauerei Krause GmbH',
      owner: { name: 'Alice Martin' },
      amount: 12500,
      currency: 'EUR',
      stage: { name: 'Chance', category: 'open' },
      probability: 0.4,
      createdAt: '2026-02-01',
      closeDate: '2026-03-07',
      nextStep: 'Angebot mit Herrn Krause nach der Vorstandssitzung besprechen',
      fields: { budget_confirmed: true },
    });
    expect(report.filter((r) => r.status !== 'ok')).toEqual([]);
  });

  it('reads the one2many tables: German roles, a profile role map, statuses and month-name dates', () => {
    expect(deal!.stakeholders.map((s) => [s.name, s.title, s.influence])).toEqual([
      ['Bernd Krause', 'Geschäftsführer', 'decision-maker'],
      ['Sabine Vogt', 'Leiterin Einkauf', 'economic-buyer'],
      ['Jonas Weber', 'IT', 'champion'],
    ]);
    expect(deal!.activities).toEqual([
      { id: '2026-03-07#1', kind: 'call', at: '2026-03-07', done: true, stakeholderIds: ['Bernd Krause'] },
      { id: '2026-03-02#2', kind: 'meeting', at: '2026-03-02', done: true, stakeholderIds: ['Sabine Vogt', 'Jonas Weber'] },
      { id: '2026-03-20#3', kind: 'meeting', at: '2026-03-20', done: false, stakeholderIds: ['Bernd Krause'] },
    ]);
    // The "no more entries" row spanning the table is skipped.
    expect(report.find((r) => r.field === 'activities')?.message).toBe('3 activities');
  });

  it('reports a stage missing from the stage map instead of guessing open', () => {
    const doc = loadPage('sao-form');
    hydrateSao(doc, { ...Object.fromEntries(Object.entries({ description: 'X', state: 'converted' })) });
    const profile = CustomCrmProfile.parse({
      ...saoProfileInput,
      fields: { ...saoProfileInput.fields, stage: { locator: { by: 'css', selector: 'select[name="state"]' }, parser: { kind: 'enum', map: [{ text: 'Chance', category: 'open' }] } } },
    });
    const r = readDealFromPage(doc, profile, SAO_URL, NOW);
    expect(r.deal!.stage).toEqual({ name: 'Umgewandelt', category: null });
    expect(r.report.find((x) => x.field === 'stage')).toMatchObject({ status: 'unparsed', message: 'the stage "Umgewandelt" is not in the stage map: say whether it is open, won or lost' });
    expect(() => dealFromDraft(r.deal!.ref, r.deal!, r.report, 'Tryton')).toThrow(
      'Deal Coach could not read this Tryton deal — Stage: the stage "Umgewandelt" is not in the stage map: say whether it is open, won or lost. An admin can fix the profile in Options → Custom CRMs.',
    );
  });

  it('reports an empty form (sao has not loaded the record yet) as missing, not as values', () => {
    const r = readDealFromPage(loadPage('sao-form'), saoProfile, SAO_URL, NOW);
    expect(r.deal!.name).toBeNull();
    expect(r.deal!.amount).toBeNull();
    expect(statusOf(r.report)).toMatchObject({ name: 'missing', amount: 'missing', closeDate: 'missing' });
  });
});

describe('answerReadDom — the content script’s answer to the background', () => {
  it('sends the texts the profile points at, unparsed', () => {
    const raw = readRawFromPage(loadPage('server-rendered'), serverProfile);
    expect(raw.fields.amount).toEqual({ ok: true, text: '$48,500.00' });
    expect(raw.fields['fields.competitors']).toEqual({ ok: true, text: '—' });
    expect(raw.fields.nextStep).toMatchObject({ ok: false, reason: 'empty' });
    expect(raw.lists.stakeholders).toMatchObject({ ok: true, rows: [{ name: 'Maria Lopez', role: 'Economic Buyer', title: 'CFO' }, {}, {}], columnErrors: {} });
    expect(raw.lists.activities).toMatchObject({ ok: true, rows: expect.arrayContaining([{ date: 'someday', kind: 'Task', contact: null }]) });
    expect(pendingFields(raw)).toEqual(['nextStep']);
    // A plain object that survives structured cloning (the message boundary).
    expect(structuredClone(raw)).toEqual(raw);
  });

  it('names a column that is not in the list once, for the whole list', () => {
    const profile = CustomCrmProfile.parse({ ...serverProfileInput, stakeholders: { ...serverProfileInput.stakeholders!, role: { header: 'Rolle' } } });
    const raw = readRawFromPage(loadPage('server-rendered'), profile);
    expect(raw.lists.stakeholders).toMatchObject({ ok: true, columnErrors: { role: 'no column "Rolle" in the list' } });
    const { report } = readDealFromPage(loadPage('server-rendered'), profile, SERVER_URL, NOW);
    expect(report.find((r) => r.field === 'stakeholders')?.message).toBe('3 people; no column "Rolle" in the list');
  });

  it('waits for a panel that is still loading, then answers', async () => {
    const page = loadPage('server-rendered');
    let notify: () => void = () => undefined;
    const observe = (onChange: () => void) => {
      notify = onChange;
      return () => {
        notify = () => undefined;
      };
    };
    const answer = answerReadDom(page, { profile: serverProfile, url: SERVER_URL }, SERVER_URL, { observe, quietMs: 5, idleMs: 500, timeoutMs: 1000 });
    setTimeout(() => {
      page.querySelector('[data-lazy="next_step"]')!.textContent = 'Send the revised order form';
      notify();
    }, 20);
    const reply = await answer;
    expect(reply.url).toBe(SERVER_URL);
    expect(reply.raw.fields.nextStep).toEqual({ ok: true, text: 'Send the revised order form' });
  });
});
