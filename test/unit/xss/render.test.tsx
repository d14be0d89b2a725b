/**
 * DESIGN §9 "CRM text is rendered as text": every classic XSS payload (test/fixtures/xss/payloads.txt),
 * put into every text field a CRM can hold, renders as literal text. The rendered DOM has exactly the
 * elements a harmless deal of the same shape gets — no <img>, <svg>, <script>, <iframe>, <style>
 * made from data — no on* attribute, and no javascript:/data: URL.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildCoachingView } from '../../../lib/coaching';
import { Deal, type DealInput } from '../../../lib/model';
import { BANT, DEALMAKER, MEDDPICC } from '../../../lib/playbooks';
import { buildReviewModel } from '../../../lib/review/rows';
import { escapeCell, rowsToCsv } from '../../../lib/review/export';
import { parseCsv, rowsToDeals, type ColumnMappingInput } from '../../../lib/import';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { DealDetail } from '../../../components/review/DealDetail';
import { DealTable } from '../../../components/review/DealTable';
import { activity, at, day, makeContext, met, NOW } from '../coaching/builder';

const FILE = readFileSync(new URL('../../fixtures/xss/payloads.txt', import.meta.url), 'utf8');
export const PAYLOADS: string[] = [
  ...FILE.split('\n').filter((line) => line !== ''),
  // A very long value: 150 kB of markup.
  '<img src=x onerror=alert(1)>'.repeat(5_000),
];

const HARMLESS = 'Plain words';
const PROTO_KEYS = new Set(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
const SOURCE = { fetchedAt: NOW, fromCache: false, stale: false };

/** A deal with `text` in every text field a CRM can hold. */
function dealWith(text: string, url = 'https://crm.example/deal/1'): Deal {
  const input: DealInput = {
    ref: { crm: 'demo', instance: 'crm.example', id: 'd1', url },
    name: text,
    accountName: text,
    owner: { id: 'u1', name: text },
    amount: 50_000,
    currency: 'EUR',
    stage: { name: text, category: 'open', order: 2 },
    probability: 0.4,
    forecastCategory: text,
    nextStep: text,
    createdAt: day(-200),
    closeDate: day(-3),
    closedAt: null,
    history: {
      tracked: true,
      closeDateChanges: [
        { at: at(-60), from: day(-40), to: day(-20) },
        { at: at(-10), from: day(-20), to: day(-3) },
      ],
      stageChanges: [{ at: at(-90), from: text, to: text }],
    },
    stakeholders: [
      { id: 'c1', name: text, title: text, roles: [text, 'Economic Buyer'], influence: 'economic-buyer', isPrimary: true },
      { id: 'c2', name: text, title: text, roles: [text], influence: 'champion', isPrimary: false },
      { id: 'c3', name: text, title: null, roles: [], influence: 'other' },
    ],
    activities: [met(40, 'c1'), activity('email', -30, ['c2']), activity('task', 5, ['c1'], false)],
    // Qualification answers and custom fields: every playbook's field names get the payload.
    fields: Object.fromEntries(
      [...DEALMAKER.questions, ...MEDDPICC.questions, ...BANT.questions].flatMap((q) => [
        [`qual_${q.id.replaceAll('-', '_')}`, text],
        [q.id, text],
      ]),
    ),
    product: text,
    isNewBusiness: true,
  };
  return Deal.parse(input);
}

let mounted: HTMLElement | null = null;

function mount(node: ComponentChild): HTMLElement {
  if (mounted) render(null, mounted);
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(node, root);
  mounted = root;
  return root;
}

afterAll(async () => {
  if (mounted) render(null, mounted);
  mounted = null;
  // Let effects Preact scheduled after paint run while `document` is still there.
  await new Promise((resolve) => setTimeout(resolve, 50));
  vi.unstubAllGlobals();
});

// Browsers strip leading whitespace and C0 controls from a URL before reading its scheme.
// eslint-disable-next-line no-control-regex
const DANGEROUS_URL = /^[\s\u0000-\u001f]*(javascript|data|vbscript):/i;

/** Tag counts, and everything unsafe in the tree: on* attributes, script-bearing URLs, live style/script elements. */
function inspect(root: HTMLElement): { tags: Record<string, number>; unsafe: string[] } {
  const tags: Record<string, number> = {};
  const unsafe: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    tags[tag] = (tags[tag] ?? 0) + 1;
    if (['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'img', 'math', 'base', 'form'].includes(tag)) unsafe.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) unsafe.push(`<${tag} ${attr.name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attr.name.toLowerCase()) && (DANGEROUS_URL.test(attr.value) || attr.name === 'srcdoc')) {
        unsafe.push(`<${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
      }
      if (attr.name === 'style' && /expression\(|url\(/i.test(attr.value)) unsafe.push(`<${tag} style="${attr.value.slice(0, 40)}">`);
    }
  }
  return { tags, unsafe };
}

const views = {
  sidebar: (deal: Deal) =>
    mount(
      <Sidebar
        state={{ kind: 'ready', crmLabel: 'Demo CRM', view: buildCoachingView(deal, makeContext()), source: SOURCE, notice: `Refresh failed for ${deal.name}` }}
        collapsed={false}
        now={NOW}
        onToggleCollapsed={() => {}}
        onRefresh={() => {}}
        onOpenReview={() => {}}
      />,
    ),
  'sidebar (MEDDPICC)': (deal: Deal) =>
    mount(
      <Sidebar
        state={{ kind: 'ready', crmLabel: 'Demo CRM', view: buildCoachingView(deal, makeContext({ playbook: MEDDPICC })), source: SOURCE }}
        collapsed={false}
        now={NOW}
        onToggleCollapsed={() => {}}
        onRefresh={() => {}}
      />,
    ),
  'sidebar (error)': (deal: Deal) =>
    mount(
      <Sidebar
        state={{ kind: 'error', crmLabel: deal.name, errorKind: 'malformed', message: `Could not read ${deal.name}`, cached: { view: buildCoachingView(deal, makeContext()), source: { ...SOURCE, stale: true } } }}
        collapsed={false}
        now={NOW}
        onToggleCollapsed={() => {}}
        onRefresh={() => {}}
      />,
    ),
  'review detail': (deal: Deal) => mount(<DealDetail view={buildCoachingView(deal, makeContext())} now={NOW} onClose={() => {}} />),
  'review table': (deal: Deal) => {
    const model = buildReviewModel([deal], { settings: makeContext().settings, now: NOW });
    return mount(<DealTable rows={model.rows} sort={{ key: 'name', dir: 'asc' }} onSort={() => {}} onOpen={() => {}} selectedId={null} renderAll />);
  },
};

/** Payloads × fields actually tried (reported by the suite). */
const FIELDS_PER_DEAL = ['name', 'accountName', 'owner.name', 'stage.name', 'forecastCategory', 'nextStep', 'product', 'stageChanges.from/to', 'stakeholder.name', 'stakeholder.title', 'stakeholder.roles', 'fields (qualification answers)'];

describe('CRM text renders as text (DESIGN §9)', () => {
  it(`has a corpus of ${PAYLOADS.length} payloads, tried in ${FIELDS_PER_DEAL.length} fields × ${Object.keys(views).length} views`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it('the checker itself catches markup made from data (so the tests below can fail)', () => {
    const baseline = inspect(mount(<p>{HARMLESS}</p>));
    for (const payload of PAYLOADS.filter((p) => /<(img|svg|script|iframe|style|details|input|body)/i.test(p)).slice(0, 10)) {
      const seen = inspect(mount(<p dangerouslySetInnerHTML={{ __html: payload }} />));
      expect(seen.unsafe.length > 0 || JSON.stringify(seen.tags) !== JSON.stringify(baseline.tags), payload).toBe(true);
    }
  });

  for (const [name, show] of Object.entries(views)) {
    it(`${name}: no element or attribute made from data, the payload shown literally`, () => {
      const baseline = inspect(show(dealWith(HARMLESS)));
      expect(baseline.unsafe, 'the harmless baseline').toEqual([]);
      for (const payload of PAYLOADS) {
        const root = show(dealWith(payload));
        const seen = inspect(root);
        const label = JSON.stringify(payload.slice(0, 60));
        expect(seen.unsafe, label).toEqual([]);
        // Prototype keys as stage names change what coaching says (a known coaching bug, tested below), not the markup.
        if (!PROTO_KEYS.has(payload)) expect(seen.tags, label).toEqual(baseline.tags);
        expect(root.textContent!.includes(payload), `${label} appears literally`).toBe(true);
      }
    });
  }

  // Found by this test: DealTable and DealDetail put `deal.ref.url` into <a href> unchecked. Now the
  // model refuses non-http(s) record URLs and the components link only http(s) (crmLink).
  it('review: a javascript: record URL never becomes a live link', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '\u0001javascript:alert(1)']) {
      const deal = dealWith(HARMLESS, url);
      for (const show of [views['review detail'], views['review table']]) expect(inspect(show(deal)).unsafe, url).toEqual([]);
    }
  });
});

describe('coaching treats prototype keys as ordinary stage names', () => {
  // Found by this test: `benchmarks.stageDays[stage]` found Object.prototype's members for a stage
  // named "constructor" or "toString"; lookups now use Object.hasOwn.
  it('says a stage named like an Object.prototype key has no typical time', () => {
    for (const stage of PROTO_KEYS) {
      const view = buildCoachingView(dealWith(stage), makeContext());
      expect(view.limitations.join('\n'), stage).toContain(`No typical time for the stage "${stage}"`);
    }
  });
});

describe('CSV cells render as text (import → review)', () => {
  const mapping: ColumnMappingInput = {
    columns: { id: 'id', name: 'name', owner: 'owner', account: 'account', stage: 'stage', amount: 'amount', createdAt: 'created', closeDate: 'close', product: 'product' },
    stages: { Open: { category: 'open', order: 1 } },
    dateFormat: 'YYYY-MM-DD',
  };
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

  it('imports every payload into name, account, owner and product, and renders it literally', async () => {
    const lines = ['id,name,owner,account,stage,amount,created,close,product'];
    PAYLOADS.forEach((p, i) => lines.push([`r${i}`, p, p, p, 'Open', '1000', '2026-01-02', '2026-06-30', p].map(quote).join(',')));
    const parsed = await parseCsv(lines.join('\r\n'));
    const { deals, quality } = rowsToDeals(parsed, mapping, { crm: 'csv', source: 'x.csv', today: '2026-04-15' });
    expect(quality.rowsImported, JSON.stringify(quality.skipped)).toBe(PAYLOADS.length);
    for (const [i, deal] of deals.entries()) {
      // Cells are trimmed on import; everything else arrives verbatim.
      const p = PAYLOADS[i]!.trim();
      expect([deal.name, deal.accountName, deal.owner.name, deal.product]).toEqual([p, p, p, p]);
      const root = views['review detail'](deal);
      expect(inspect(root).unsafe, JSON.stringify(p.slice(0, 60))).toEqual([]);
      expect(root.textContent!.includes(p)).toBe(true);
    }
  });
});

describe('CSV export neutralises formulas (OWASP CSV injection)', () => {
  it('prefixes every text cell starting with = + - @ (or tab / CR) with a quote', () => {
    const formulas = PAYLOADS.filter((p) => /^[=+\-@]/.test(p));
    expect(formulas.length).toBeGreaterThanOrEqual(4);
    for (const p of [...formulas, '\t=1+1', '\r=1+1']) expect(escapeCell(p)).toBe(`'${p}`);
    const model = buildReviewModel(formulas.map((p, i) => ({ ...dealWith(p), ref: { crm: 'demo', instance: 'x', id: `d${i}`, url: '' } })), { settings: makeContext().settings, now: NOW });
    const csv = rowsToCsv(model.rows);
    for (const line of csv.split(/\r?\n/).slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), line.slice(0, 80)).not.toMatch(/^[=+\-@]/);
    }
  });
});
