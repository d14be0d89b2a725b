/** The two fixture pages and their profiles, shared by the custom-CRM tests. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { CustomCrmProfile, type CustomCrmProfileInput } from '../../../../lib/crm/custom/profile';

const dir = new URL('../../../fixtures/custom/', import.meta.url);

export const SERVER_URL = 'https://crm.example.com/deals/D-1042';
export const SAO_URL = 'http://erp.example.org:8000/#dealcoach/model/sale.opportunity/24';
/** Fixed "now" for every test: 2026-03-10. */
export const NOW = '2026-03-10T12:00:00Z';

export function loadPage(name: 'server-rendered' | 'sao-form'): Document {
  const html = readFileSync(new URL(`${name}.html`, dir), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

/** What sao does after loading record 24: set each widget's `value` property (never the attribute). */
export const SAO_VALUES: Record<string, string> = {
  description: 'Solardach Nordhalle',
  party: 'Brauerei Krause GmbH',
  amount: '12.500,00',
  state: 'opportunity',
  start_date: '01.02.2026',
  end_date: '07.03.2026',
  probability: '40',
  employee: 'Alice Martin',
  comment: 'Angebot mit Herrn Krause nach der Vorstandssitzung besprechen',
};

export function hydrateSao(document: Document, values: Record<string, string> = SAO_VALUES, checked: Record<string, boolean> = { budget_confirmed: true }): void {
  for (const [name, value] of Object.entries(values)) {
    const el = document.querySelector(`[name="${name}"]`);
    if (!el) throw new Error(`no widget ${name}`);
    Object.defineProperty(el, 'value', { value, configurable: true, writable: true });
  }
  for (const [name, on] of Object.entries(checked)) {
    const el = document.querySelector(`[name="${name}"]`);
    if (!el) throw new Error(`no widget ${name}`);
    Object.defineProperty(el, 'checked', { value: on, configurable: true, writable: true });
  }
}

export const serverProfileInput: CustomCrmProfileInput = {
  id: 'example-crm',
  name: 'ExampleCRM',
  urlPattern: 'https://crm.example.com/*',
  recordUrl: { kind: 'path-segment', pattern: '/deals/:id' },
  fields: {
    name: { locator: { by: 'css', selector: 'h1.record-title' }, parser: { kind: 'text' } },
    accountName: { locator: { by: 'label', text: 'Account name' }, parser: { kind: 'text' } },
    owner: { locator: { by: 'label', text: 'Deal owner' }, parser: { kind: 'text' } },
    amount: { locator: { by: 'label', text: 'Amount' }, parser: { kind: 'money', decimal: '.', currency: 'USD' } },
    currency: { locator: { by: 'label', text: 'Currency' }, parser: { kind: 'currency' } },
    stage: {
      locator: { by: 'label', text: 'Stage', scope: '#overview' },
      parser: {
        kind: 'enum',
        map: [
          { text: 'Closed Won', category: 'won' },
          { text: 'Closed Lost', category: 'lost' },
        ],
        otherwise: 'open',
      },
    },
    closeDate: { locator: { by: 'label', text: 'close date' }, parser: { kind: 'date', format: 'M/D/YYYY' } },
    createdAt: { locator: { by: 'attribute', selector: 'time[datetime]', attribute: 'datetime' }, parser: { kind: 'date', format: 'YYYY-MM-DD' } },
    probability: { locator: { by: 'label', text: 'Probability (%)' }, parser: { kind: 'percent', decimal: '.', scale: 'percent' } },
    nextStep: { locator: { by: 'label', text: 'Next step' }, parser: { kind: 'text' } },
  },
  extraFields: [
    { key: 'budget_confirmed', label: 'Budget confirmed', source: { locator: { by: 'label', text: 'Budget confirmed' }, parser: { kind: 'flag' } } },
    { key: 'competitors', source: { locator: { by: 'label', text: 'Competitors' }, parser: { kind: 'text' } } },
    { key: 'discount', source: { locator: { by: 'label', text: 'Discount' }, parser: { kind: 'percent', decimal: '.', scale: 'percent' } } },
    { key: 'forecast', source: { locator: { by: 'label', text: 'Forecast category' }, parser: { kind: 'text' } } },
    { key: 'region', source: { locator: { by: 'label', text: 'Region' }, parser: { kind: 'text' } } },
    { key: 'lead_source', source: { locator: { by: 'label', text: 'Lead source' }, parser: { kind: 'text' } } },
  ],
  stakeholders: {
    region: { by: 'label', text: 'Contact roles' },
    name: { header: 'Name' },
    title: { header: 'Title' },
    role: { header: 'Role' },
  },
  activities: {
    region: { by: 'css', selector: '#activity ul.timeline' },
    date: { column: { css: '.when' }, format: 'M/D/YYYY' },
    kind: { column: { css: '.type' } },
    contact: { css: '.who' },
  },
  qualification: [{ playbook: 'bant', question: 'budget', fields: ['budget_confirmed?'] }],
};
export const serverProfile = CustomCrmProfile.parse(serverProfileInput);

export const saoProfileInput: CustomCrmProfileInput = {
  id: 'tryton-sao',
  name: 'Tryton (sao, German)',
  urlPattern: 'http://erp.example.org:8000/*',
  recordUrl: { kind: 'hash', pattern: '#*/model/sale.opportunity/:id' },
  fields: {
    name: { locator: { by: 'label', text: 'Beschreibung' }, parser: { kind: 'text' } },
    accountName: { locator: { by: 'css', selector: 'input[name="party"]' }, parser: { kind: 'text' } },
    owner: { locator: { by: 'css', selector: '[name="employee"]' }, parser: { kind: 'text' } },
    amount: { locator: { by: 'css', selector: 'input[name="amount"]' }, parser: { kind: 'money', decimal: ',' } },
    currency: { locator: { by: 'css', selector: 'td.form-numeric .symbol-end' }, parser: { kind: 'currency' } },
    stage: {
      locator: { by: 'css', selector: 'select[name="state"]' },
      parser: {
        kind: 'enum',
        map: [
          { text: 'Interessent', category: 'open' },
          { text: 'Chance', category: 'open' },
          { text: 'Umgewandelt', category: 'won' },
          { text: 'Gewonnen', category: 'won' },
          { text: 'Abgebrochen', category: 'lost' },
          { text: 'Verloren', category: 'lost' },
        ],
      },
    },
    closeDate: { locator: { by: 'label', text: 'Geschätztes Enddatum' }, parser: { kind: 'date', format: 'D/M/YYYY' } },
    createdAt: { locator: { by: 'css', selector: 'input[name="start_date"]' }, parser: { kind: 'date', format: 'D/M/YYYY' } },
    probability: { locator: { by: 'label', text: 'Wahrscheinlichkeit' }, parser: { kind: 'percent', decimal: ',', scale: 'percent' } },
    nextStep: { locator: { by: 'css', selector: 'textarea[name="comment"]' }, parser: { kind: 'text' } },
  },
  extraFields: [{ key: 'budget_confirmed', source: { locator: { by: 'label', text: 'Budget bestätigt' }, parser: { kind: 'flag' } } }],
  stakeholders: {
    region: { by: 'label', text: 'Kontakte' },
    name: { header: 'Name' },
    title: { header: 'Funktion' },
    role: { header: 'Rolle' },
    roleMap: [{ text: 'Budgetverantwortliche', influence: 'economic-buyer' }],
  },
  activities: {
    region: { by: 'css', selector: 'table[name="activities"]' },
    date: { column: { header: 'Datum' }, format: 'month-name' },
    kind: { column: { header: 'Typ' }, map: [{ text: 'Termin', kind: 'meeting' }] },
    contact: { header: 'Kontakt' },
    done: { by: 'column', column: { header: 'Status' }, values: ['Erledigt'] },
  },
};
export const saoProfile = CustomCrmProfile.parse(saoProfileInput);
