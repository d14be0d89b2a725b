/**
 * The real Maven CRM file (/work/shared/datasets/maven-crm). Expectations are computed here by
 * scanning the raw text lines — not taken from the importer — and checked against the facts
 * SOURCE.md states (4,238 won, 2,473 lost, 1,589 Engaging, 500 Prospecting, 1,480 GTXPro rows).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../lib/model';
import { formatQualityReport, parseCsv, parseProducts, parseTeams, rowsToDeals, suggestMapping, type ImportResult } from '../../../lib/import';

const DIR = '/work/shared/datasets/maven-crm/';
const read = (name: string) => readFileSync(DIR + name, 'utf8');

/** Independent scan: the file has no quotes (checked below), so a line split on commas is exact. */
function scan(text: string) {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const rows = lines.slice(1).map((l) => l.split(','));
  const stage = (r: string[]) => r[col('deal_stage')]!;
  const open = (r: string[]) => stage(r) === 'Engaging' || stage(r) === 'Prospecting';
  const byStage: Record<string, number> = {};
  for (const r of rows) byStage[stage(r)] = (byStage[stage(r)] ?? 0) + 1;
  return {
    header,
    col,
    rows,
    byStage,
    lostWithZero: rows.filter((r) => stage(r) === 'Lost' && r[col('close_value')] === '0').length,
    openWithoutEngage: rows.filter((r) => open(r) && r[col('engage_date')] === '').length,
    openWithoutClose: rows.filter((r) => open(r) && r[col('close_date')] === '').length,
    openWithoutAccount: rows.filter((r) => open(r) && r[col('account')] === '').length,
    gtxPro: rows.filter((r) => r[col('product')] === 'GTXPro').length,
  };
}

/** M/D/YYYY → YYYY-MM-DD, written out here so the test does not lean on the code under test. */
function iso(us: string): string | null {
  if (us === '') return null;
  const [m, d, y] = us.split('/');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

describe('the Maven CRM file', () => {
  const text = read('sales_pipeline.csv');
  const raw = scan(text);
  let result: ImportResult;

  beforeAll(async () => {
    const parsed = await parseCsv(text);
    const { teams } = parseTeams(read('sales_teams.csv'));
    const { products } = parseProducts(read('products.csv'));
    const mapping = suggestMapping(parsed.header, parsed.rows.slice(0, 100));
    result = rowsToDeals(parsed, mapping, { crm: 'csv', source: 'sales_pipeline.csv', teams, products, today: '2026-01-01' });
  });

  it('is what SOURCE.md says (sanity of the independent scan)', () => {
    expect(text.includes('"')).toBe(false);
    expect(raw.rows).toHaveLength(8_800);
    expect(raw.byStage).toEqual({ Won: 4_238, Lost: 2_473, Engaging: 1_589, Prospecting: 500 });
    expect(raw.openWithoutEngage).toBe(500);
    expect(raw.gtxPro).toBe(1_480);
  });

  it('imports every row as a valid Deal', () => {
    const { deals, quality } = result;
    expect(quality.preset).toBe('maven');
    expect(quality.rowsRead).toBe(raw.rows.length);
    expect(deals).toHaveLength(raw.rows.length);
    expect(quality.rowsImported).toBe(raw.rows.length);
    expect(quality.skipped).toEqual([]);
    expect(deals.filter((d) => !Deal.safeParse(d).success)).toEqual([]);
  });

  it('counts stages as the file has them', () => {
    const { deals, quality } = result;
    const count = (name: string) => deals.filter((d) => d.stage.name === name).length;
    expect(count('Won')).toBe(raw.byStage.Won);
    expect(count('Lost')).toBe(raw.byStage.Lost);
    expect(count('Engaging')).toBe(raw.byStage.Engaging);
    expect(count('Prospecting')).toBe(raw.byStage.Prospecting);
    expect(quality.categories).toEqual({
      won: raw.byStage.Won,
      lost: raw.byStage.Lost,
      open: raw.byStage.Engaging! + raw.byStage.Prospecting!,
    });
    const orders = Object.fromEntries(deals.map((d) => [d.stage.name, d.stage.order]));
    expect(orders).toEqual({ Prospecting: 0, Engaging: 1, Won: 2, Lost: 2 });
  });

  it('imports lost deals with value 0 as unknown amounts and says the value win rate is unreliable', () => {
    const { deals, quality } = result;
    expect(quality.lostZeroAmount.count).toBe(raw.lostWithZero);
    expect(deals.filter((d) => d.stage.category === 'lost' && d.amount === null)).toHaveLength(raw.lostWithZero);
    expect(deals.some((d) => d.amount === 0)).toBe(false);
    expect(quality.valueWinRateReliable).toBe(false);
  });

  it('reports open deals without dates or account', () => {
    const { quality } = result;
    expect(quality.openWithoutCreatedAt.count).toBe(raw.openWithoutEngage);
    expect(quality.withoutCreatedAt.count).toBe(raw.openWithoutEngage);
    expect(quality.openWithoutCloseDate.count).toBe(raw.openWithoutClose);
    expect(quality.openWithoutAccount.count).toBe(raw.openWithoutAccount);
    expect(quality.openWithoutAccount.rows).toHaveLength(5);
  });

  it('reports the GTXPro / GTX Pro mismatch with its row count', () => {
    const { quality, deals } = result;
    expect(quality.unknownProducts).toHaveLength(1);
    expect(quality.unknownProducts[0]).toMatchObject({ name: 'GTXPro', count: raw.gtxPro, suggestion: 'GTX Pro' });
    // The first GTXPro row is row 3 of the file (header = row 1).
    const firstLine = raw.rows.findIndex((r) => r[raw.col('product')] === 'GTXPro') + 2;
    expect(quality.unknownProducts[0]!.rows[0]).toBe(firstLine);
    // The product name is kept as exported: the report suggests, it does not rewrite.
    expect(deals.filter((d) => d.product === 'GTXPro')).toHaveLength(raw.gtxPro);
    expect(formatQualityReport(quality)).toContain('Product "GTXPro" is not in the product list (1,480 rows) — did you mean "GTX Pro"?');
  });

  it('maps each row field by field', () => {
    const byId = new Map(result.deals.map((d) => [d.ref.id, d]));
    const c = raw.col;
    const mismatches: string[] = [];
    const check = (id: string, what: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${id} ${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    };
    for (const r of raw.rows) {
      const id = r[c('opportunity_id')]!;
      const d = byId.get(id)!;
      const stage = r[c('deal_stage')]!;
      const closed = stage === 'Won' || stage === 'Lost';
      check(id, 'ref', d.ref, { crm: 'csv', instance: 'sales_pipeline.csv', id, url: '' });
      check(id, 'owner', d.owner, { id: r[c('sales_agent')], name: r[c('sales_agent')] });
      check(id, 'account', d.accountName, r[c('account')] || null);
      check(id, 'product', d.product, r[c('product')]);
      check(id, 'createdAt', d.createdAt, iso(r[c('engage_date')]!));
      check(id, 'closeDate', d.closeDate, closed ? iso(r[c('close_date')]!) : null);
      check(id, 'closedAt', d.closedAt, closed ? iso(r[c('close_date')]!) : null);
      if (stage === 'Won') check(id, 'amount', d.amount, Number(r[c('close_value')]));
      if (!closed) check(id, 'amount', d.amount, null);
      check(id, 'history', d.history, { closeDateChanges: [], stageChanges: [], tracked: false });
      check(id, 'people', [d.stakeholders, d.activities], [[], []]);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('derives isNewBusiness from won deals of the same account closed before the deal was created', () => {
    const c = raw.col;
    const wonCloses = new Map<string, string[]>();
    for (const r of raw.rows) {
      if (r[c('deal_stage')] !== 'Won' || r[c('account')] === '') continue;
      const list = wonCloses.get(r[c('account')]!) ?? [];
      list.push(iso(r[c('close_date')]!)!);
      wonCloses.set(r[c('account')]!, list);
    }
    const expected = new Map<string, boolean | null>();
    for (const r of raw.rows) {
      const account = r[c('account')]!;
      const created = iso(r[c('engage_date')]!);
      if (account === '' || created === null) expected.set(r[c('opportunity_id')]!, null);
      else expected.set(r[c('opportunity_id')]!, !(wonCloses.get(account) ?? []).some((closed) => closed < created));
    }
    const wrong = result.deals.filter((d) => d.isNewBusiness !== expected.get(d.ref.id)).map((d) => d.ref.id);
    expect(wrong).toEqual([]);
    const values = [...expected.values()];
    expect(result.quality.business).toEqual({
      new: values.filter((v) => v === true).length,
      existing: values.filter((v) => v === false).length,
      unknown: values.filter((v) => v === null).length,
      basis: 'derived',
    });
  });

  it('knows each owner’s manager from sales_teams.csv', () => {
    expect(result.teamOf('Moses Frase')).toBe('Dustin Brinkmann');
    expect(result.teamOf('Darcel Schlecht')).toBe('Melvin Marxen');
    expect(result.teamOf('Nobody')).toBeNull();
    expect(result.quality.ownersWithoutTeam).toEqual([]);
    const d = result.deals.find((x) => x.owner.name === 'Maureen Marcano')!;
    expect(d.fields).toMatchObject({ manager: 'Summer Sewald', regional_office: 'West' });
  });

  it('reads the companion files', () => {
    const { teams, errors } = parseTeams(read('sales_teams.csv'));
    expect(errors).toEqual([]);
    expect(teams.size).toBe(35);
    expect(teams.get('Anna Snelling')).toEqual({ manager: 'Dustin Brinkmann', office: 'Central' });
    const products = parseProducts(read('products.csv'));
    expect(products.errors).toEqual([]);
    expect(products.products.get('GTX Pro')).toEqual({ series: 'GTX', price: 4821 });
    expect(products.products.size).toBe(7);
  });

  it('sums it up in plain English', () => {
    const lines = formatQualityReport(result.quality);
    expect(lines[0]).toBe('Read 8,800 rows from sales_pipeline.csv; imported 8,800 deals (4,238 won, 2,473 lost, 2,089 open).');
    expect(lines.join('\n')).toMatch(/2,473 lost deals have an amount of 0.*value win rate .* unreliable/);
    expect(lines).toContain('500 open deals have no created date, so their age is unknown.');
  });
});

describe('companion file loaders', () => {
  it('report rows they cannot use', () => {
    const { teams, errors } = parseTeams('sales_agent,manager,regional_office\nAnn,Bob,East\n,Bob,East\nAnn,Cy,West\n');
    expect(teams.get('Ann')).toEqual({ manager: 'Bob', office: 'East' });
    expect(errors.map((e) => e.row)).toEqual([3, 4]);
    expect(parseTeams('name,boss\nAnn,Bob\n').errors[0]!.message).toMatch(/sales_agent/);
    const p = parseProducts('product,series,sales_price\nX,S,abc\n');
    expect(p.products.get('X')).toEqual({ series: 'S', price: null });
    expect(p.errors[0]).toMatchObject({ row: 2 });
  });
});
