import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildLabelIndex, elementValue, locate, locateElement } from '../../../../lib/crm/custom/locate';
import { hydrateSao, loadPage } from './fixtures';

const html = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const text = (root: ParentNode, loc: Parameters<typeof locate>[1]) => {
  const r = locate(root, loc);
  return r.ok ? r.text : `!${r.reason}: ${r.message}`;
};

describe('label locators on a server-rendered page', () => {
  const page = loadPage('server-rendered');

  it('read <th>/<td> rows, <dl>, label/value spans, <label for>, text after a label and aria-labelledby', () => {
    expect(text(page, { by: 'label', text: 'Account name' })).toBe('Acme Corp');
    expect(text(page, { by: 'label', text: 'Close date' })).toBe('3/31/2026'); // <th><span>Close&nbsp;Date</span></th>
    expect(text(page, { by: 'label', text: 'Currency' })).toBe('USD'); // <dt>/<dd>
    expect(text(page, { by: 'label', text: 'Forecast category' })).toBe('Commit'); // <label for> a span
    expect(text(page, { by: 'label', text: 'Region' })).toBe('EMEA North'); // <b>Region:</b> EMEA North
    expect(text(page, { by: 'label', text: 'Lead source' })).toBe('Partner referral'); // aria-labelledby
  });

  it('match labels ignoring case, colons, stars and no-break spaces', () => {
    for (const label of ['close date', 'CLOSE DATE:', 'Close\u00a0date', '  Close   date * ', 'Close date：']) expect(text(page, { by: 'label', text: label }), label).toBe('3/31/2026');
    expect(text(page, { by: 'label', text: 'Stage' })).toBe('Negotiation / Review'); // "Stage:" in the table, "Stage" in the header: same value
  });

  it('accept a label repeated with the same value, and say when repeats disagree', () => {
    expect(text(page, { by: 'label', text: 'Amount' })).toBe('$48,500.00');
    const doc = loadPage('server-rendered');
    doc.querySelector('header .summary .value')!.textContent = '$50,000.00';
    const r = locate(doc, { by: 'label', text: 'Amount' });
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous', count: 2 });
    expect(!r.ok && r.message).toBe('2 elements match label "Amount", with different values — ambiguous; limit it to an area of the page (scope)');
    expect(text(doc, { by: 'label', text: 'Amount', scope: '#money' })).toBe('$48,500.00');
  });

  it('never read labels from scripts, the title or column headers', () => {
    // The page's <script> and <title> mention "Close date"; the contact table has a "Name" header.
    expect(text(page, { by: 'label', text: 'Name' })).toMatch(/^!not-found/);
    expect(text(page, { by: 'label', text: 'Title' })).toMatch(/^!not-found/);
  });

  it('report a missing label, a missing scope and a bad selector in words', () => {
    expect(text(page, { by: 'label', text: 'Decision maker' })).toBe('!not-found: label "Decision maker" not found');
    expect(text(page, { by: 'label', text: 'Amount', scope: '#nope' })).toBe('!not-found: the area "#nope" is not on this page (yet)');
    expect(text(page, { by: 'css', selector: 'dd[' })).toBe('!invalid-selector: "dd[" is not a valid CSS selector');
    expect(text(page, { by: 'css', selector: '.nothing' })).toBe('!not-found: ".nothing" matches nothing on this page');
    expect(text(page, { by: 'css', selector: 'dd' })).toMatch(/^!ambiguous: \d+ elements match "dd"/);
  });

  it('return null now for a value in a collapsed panel, and the value once the panel has loaded', () => {
    const doc = loadPage('server-rendered');
    const before = locate(doc, { by: 'label', text: 'Next step' });
    expect(before).toMatchObject({ ok: false, reason: 'empty' });
    expect(!before.ok && before.message).toContain('collapsed panel');
    // The element is there: a caller (pick mode, a region) can still get it.
    expect(locateElement(doc, { by: 'label', text: 'Next step' })).toMatchObject({ ok: true, text: '' });
    doc.querySelector('[data-lazy="next_step"]')!.textContent = 'Send the revised order form';
    expect(text(doc, { by: 'label', text: 'Next step' })).toBe('Send the revised order form');
  });

  it('read attributes', () => {
    expect(text(page, { by: 'attribute', selector: 'time[datetime]', attribute: 'datetime' })).toBe('2025-11-04T09:12:00Z');
    expect(text(page, { by: 'attribute', selector: 'main', attribute: 'data-record-id' })).toBe('D-1042');
    expect(text(page, { by: 'attribute', selector: 'main', attribute: 'data-missing' })).toMatch(/^!empty/);
  });

  it('reuse one label index for many fields', () => {
    const index = buildLabelIndex(page);
    expect(locate(page, { by: 'label', text: 'Deal owner' }, index)).toMatchObject({ ok: true, text: 'Dana Reyes' });
    expect(locate(page, { by: 'label', text: 'Probability (%)' }, index)).toMatchObject({ ok: true, text: '60 %' });
  });
});

describe('locators on a single-page-app form (sao)', () => {
  it('read values from the value property the app set, not from markup', () => {
    const page = loadPage('sao-form');
    // Before sao fills the form the widgets are empty.
    expect(locate(page, { by: 'label', text: 'Beschreibung' })).toMatchObject({ ok: false, reason: 'empty' });
    hydrateSao(page);
    expect(page.querySelector('[name="description"]')!.getAttribute('value')).toBeNull();
    expect(text(page, { by: 'label', text: 'Beschreibung' })).toBe('Solardach Nordhalle'); // <label for> the input
    expect(text(page, { by: 'label', text: 'geschätztes enddatum' })).toBe('07.03.2026');
    expect(text(page, { by: 'css', selector: 'input[name="amount"]' })).toBe('12.500,00');
    expect(text(page, { by: 'css', selector: 'select[name="state"]' })).toBe('Chance'); // the option text, not "opportunity"
    expect(text(page, { by: 'label', text: 'Budget bestätigt' })).toBe('yes'); // a checkbox
    expect(text(page, { by: 'css', selector: 'textarea[name="comment"]' })).toBe('Angebot mit Herrn Krause nach der Vorstandssitzung besprechen');
    // A cell wrapping one control shows the control's value.
    expect(text(page, { by: 'css', selector: 'td.form-many2one:has(input[name="party"])' })).toBe('Brauerei Krause GmbH');
  });

  it('read the value attribute where the DOM has no live property (server-rendered forms)', () => {
    const doc = html('<label for="a">Amount</label><input id="a" value="1,000"><select name="s"><option value="1">One</option><option selected>Two</option></select>');
    expect(text(doc, { by: 'label', text: 'Amount' })).toBe('1,000');
    expect(elementValue(doc.querySelector('select')!)).toBe('Two');
  });
});

describe('other page styles', () => {
  it('find the value by aria-label, by a wrapping label, and in ARIA grids', () => {
    const doc = html(`
      <input aria-label="Close date" value="2026-05-01">
      <label>Owner <input value="Ana Ruiz"></label>
      <div role="row"><div role="rowheader">Stage</div><div role="cell">Proposal</div></div>
      <div class="field"><div class="field__label"><span>Amount</span></div><div class="field__value"><span>€ 9.000</span></div></div>`);
    expect(text(doc, { by: 'label', text: 'Close date' })).toBe('2026-05-01');
    expect(text(doc, { by: 'label', text: 'Owner' })).toBe('Ana Ruiz');
    expect(text(doc, { by: 'label', text: 'Stage' })).toBe('Proposal');
    expect(text(doc, { by: 'label', text: 'Amount' })).toBe('€ 9.000');
  });

  it('skip icons between a label and its value', () => {
    const doc = html('<div><span class="lbl">Probability</span><i class="help" aria-hidden="true"></i><svg></svg><span>40%</span></div>');
    expect(text(doc, { by: 'label', text: 'Probability' })).toBe('40%');
  });

  it('work inside a shadow-root-like fragment (any ParentNode)', () => {
    const doc = html('<section id="a"><dl><dt>Stage</dt><dd>Won</dd></dl></section><section id="b"><dl><dt>Stage</dt><dd>Lost</dd></dl></section>');
    expect(text(doc.querySelector('#b')!, { by: 'label', text: 'Stage' })).toBe('Lost');
  });
});
