import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { locateElement } from '../../../../lib/crm/custom/locate';
import { looksGenerated, robustLocator, robustRegionLocator, type PickResult } from '../../../../lib/crm/custom/pick';
import { hydrateSao, loadPage } from './fixtures';

const html = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

/** Every suggestion must find the clicked element again, and only it. */
function expectResolvesBack(result: PickResult | null, root: ParentNode, clicked: Element): void {
  expect(result).not.toBeNull();
  for (const s of [result!, ...result!.alternatives]) {
    const found = locateElement(root, s.locator);
    expect(found.ok, JSON.stringify(s.locator)).toBe(true);
    if (found.ok) expect(found.element === clicked || found.element.contains(clicked) || clicked.contains(found.element), JSON.stringify(s.locator)).toBe(true);
  }
}

describe('looksGenerated', () => {
  it('spots framework and build-tool ids', () => {
    for (const id of ['ember1234', 'ember12', 'r-3f9a1c', ':r5:', 'ui-id-103', 'mui-12', 'css-1x2y3z', 'sc-bdVaJa', 'a1b2c3d4', '0b7c2a10-4d1e-4c38-9b7a-1f2e3d4c5b6a', 'field_20250104', 'yui_3_5_1_1_1']) {
      expect(looksGenerated(id), id).toBe(true);
    }
  });

  it('keeps names people wrote', () => {
    for (const id of ['close-date', 'opportunity_amount', 'dealOwner', 'address2', 'q4-target', 'record', 'stage']) expect(looksGenerated(id), id).toBe(false);
  });
});

describe('robustLocator', () => {
  it('prefers the label next to the value over position', () => {
    const page = loadPage('server-rendered');
    const cell = Array.from(page.querySelectorAll('td')).find((td) => td.textContent === '3/31/2026')!;
    const result = robustLocator(cell, page);
    expect(result).toMatchObject({ locator: { by: 'label', text: 'Close Date' }, confidence: 0.9, text: '3/31/2026' });
    expect(result!.alternatives.at(-1)).toMatchObject({ locator: { by: 'css', selector: expect.stringContaining('nth-of-type') } });
    expect(result!.alternatives.at(-1)!.confidence).toBeLessThan(0.5);
    expectResolvesBack(result, page, cell);
  });

  it('finds the label when the admin clicks inside the value (a link in a cell)', () => {
    const page = loadPage('server-rendered');
    const link = page.querySelector('a[href="/accounts/77"]')!;
    const result = robustLocator(link, page);
    expect(result!.locator).toEqual({ by: 'label', text: 'Account name' });
    expectResolvesBack(result, page, link);
  });

  it('scopes a repeated label to a stable area, or falls back when repeats disagree', () => {
    const page = loadPage('server-rendered');
    page.querySelector('header .summary .value')!.textContent = '$50,000.00';
    const dd = Array.from(page.querySelectorAll('dd')).find((d) => d.textContent === '$48,500.00')!;
    const result = robustLocator(dd, page);
    expect(result!.locator).toEqual({ by: 'label', text: 'Amount', scope: '#money' });
    expectResolvesBack(result, page, dd);
  });

  it('uses the <label for> of a form control and its field name, never sao’s generated ids', () => {
    const page = loadPage('sao-form');
    hydrateSao(page);
    const input = page.querySelector('input[name="end_date"]')!;
    const result = robustLocator(input, page);
    expect(result).toMatchObject({ locator: { by: 'label', text: 'Geschätztes Enddatum' }, text: '07.03.2026' });
    expect(result!.alternatives.map((a) => a.locator)).toContainEqual({ by: 'css', selector: 'input[name="end_date"]' });
    expect(JSON.stringify(result)).not.toContain('ui-id');
    expectResolvesBack(result, page, input);
  });

  it('ignores generated ids like ember1234 and r-3f9a1c and uses stable attributes instead', () => {
    const doc = html(`
      <div id="ember1234" class="ember-view">
        <span id="r-3f9a1c" data-field="close_date">7 Mar 2026</span>
        <span id="ember1240">Renewal</span>
      </div>`);
    const value = doc.querySelector('[data-field="close_date"]')!;
    const result = robustLocator(value, doc);
    expect(result!.locator).toEqual({ by: 'css', selector: 'span[data-field="close_date"]' });
    expect(JSON.stringify(result)).not.toMatch(/ember1234|r-3f9a1c/);
    expectResolvesBack(result, doc, value);

    const bare = doc.querySelector('#ember1240')!;
    const fallback = robustLocator(bare, doc);
    expect(JSON.stringify(fallback)).not.toMatch(/ember12/);
    expect(fallback!.locator.by).toBe('css');
    expect(fallback!.confidence).toBeLessThan(0.5);
    expectResolvesBack(fallback, doc, bare);
  });

  it('prefers a stable id, anchors positions to a stable ancestor, and reads <time> attributes', () => {
    const doc = html(`
      <section id="deal-summary"><div><span>Renewal</span><span>Q3</span></div></section>
      <p><span id="owner-name">Ana Ruiz</span></p>
      <time datetime="2026-03-07">7 Mar</time>`);
    expect(robustLocator(doc.querySelector('#owner-name')!, doc)!.locator).toEqual({ by: 'css', selector: '#owner-name' });
    const q3 = Array.from(doc.querySelectorAll('span')).find((s) => s.textContent === 'Q3')!;
    const positional = robustLocator(q3, doc)!;
    // "Renewal" before it reads like a label: the label wins; the positional fallback starts at the stable section.
    expect(positional.alternatives.map((a) => a.locator)).toContainEqual({ by: 'css', selector: '#deal-summary > div > span:nth-of-type(2)' });
    expectResolvesBack(positional, doc, q3);
    const time = robustLocator(doc.querySelector('time')!, doc)!;
    expect([time, ...time.alternatives].map((s) => s.locator)).toContainEqual({ by: 'attribute', selector: 'time[datetime]', attribute: 'datetime' });
  });
});

describe('robustRegionLocator', () => {
  it('locates a list by the heading before it and offers its columns', () => {
    const page = loadPage('server-rendered');
    const cell = Array.from(page.querySelectorAll('td')).find((td) => td.textContent === 'Champion' || td.textContent === 'CFO')!;
    const result = robustRegionLocator(cell, page);
    expect(result).toMatchObject({ locator: { by: 'label', text: 'Contact roles' }, headers: ['Name', 'Title', 'Role'] });
    const found = locateElement(page, result!.locator);
    expect(found.ok && found.element.tagName.toLowerCase()).toBe('table');
  });
});
