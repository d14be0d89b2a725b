/**
 * DESIGN §9 "zod at every boundary" for CSV rows: rowsToDeals over generated rows (weird dates,
 * amounts, currencies, probabilities, flags, unicode, prototype keys, ragged rows) never throws,
 * imports only Deals that pass the schema with no NaN/Infinity, and accounts for every row read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataQualityReport, DATE_FORMATS, parseCsvSync, rowsToDeals, type ColumnMappingInput } from '../../../lib/import';
import { Deal } from '../../../lib/model';
import { nonFinite, SEED } from './check';
import { WEIRD_AMOUNTS, WEIRD_CURRENCIES, WEIRD_DATES, WEIRD_TEXT } from './mutate';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const HEADER = ['Id', 'Name', 'Owner', 'Account', 'Stage', 'Amount', 'Currency', 'Created', 'Close', 'Closed', 'Product', 'Next step', 'Probability', 'Team', 'Forecast', 'Type', 'Won', 'IsClosed', '__proto__', 'constructor', 'Budget'];
const columns = {
  id: 'Id',
  name: 'Name',
  owner: 'Owner',
  account: 'Account',
  stage: 'Stage',
  amount: 'Amount',
  currency: 'Currency',
  createdAt: 'Created',
  closeDate: 'Close',
  closedAt: 'Closed',
  product: 'Product',
  nextStep: 'Next step',
  probability: 'Probability',
  team: 'Team',
  forecastCategory: 'Forecast',
  dealType: 'Type',
  won: 'Won',
  closed: 'IsClosed',
};

const str = (xs: readonly unknown[]) => fc.constantFrom(...xs.map(String));
const text = fc.oneof(str(WEIRD_TEXT.filter((t) => t.length < 1000)), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('Open', 'Closed Won', 'Closed Lost', 'New Business', 'yes', 'no', 'true', '1'));
const cellFor = (column: string): fc.Arbitrary<string> => {
  switch (column) {
    case 'Amount':
      return fc.oneof(str(WEIRD_AMOUNTS), fc.double().map(String), fc.constantFrom('$1,234.50', '1 234,50 €', '(500)', '-0'));
    case 'Currency':
      return fc.oneof(str(WEIRD_CURRENCIES), fc.constantFrom('EUR', 'USD'));
    case 'Created':
    case 'Close':
    case 'Closed':
      return fc.oneof(str(WEIRD_DATES), fc.constantFrom('2024-02-29', '31/12/2025', '12/31/2025', '2025-12-31T23:59:59Z', '45123'), fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10))));
    case 'Probability':
      return fc.oneof(str(WEIRD_AMOUNTS), fc.constantFrom('50%', '101', '-5', '0.5', '1e3%'));
    case 'Id':
      return fc.oneof(fc.constantFrom('1', '1', '__proto__', 'constructor', ''), fc.string({ maxLength: 6 }));
    default:
      return text;
  }
};
const row = fc.tuple(...HEADER.map(cellFor)).chain((cells) => fc.oneof({ weight: 9, arbitrary: fc.constant(cells) }, { weight: 1, arbitrary: fc.nat(HEADER.length + 2).map((n) => cells.slice(0, n)) }));

const mappingArb: fc.Arbitrary<ColumnMappingInput> = fc.record({
  columns: fc.constant(columns),
  extraFields: fc.constantFrom(['Budget'], ['__proto__', 'constructor', 'Budget'], []),
  stages: fc.constantFrom<ColumnMappingInput['stages']>({}, { Open: { category: 'open' as const, order: 0 }, constructor: { category: 'won' as const, order: 1 }, toString: { category: 'lost' as const, order: 1 } }),
  dateFormat: fc.constantFrom(...DATE_FORMATS),
  decimal: fc.constantFrom('.', ','),
  probabilityScale: fc.constantFrom('percent', 'fraction'),
  defaultCurrency: fc.constantFrom(null, 'EUR'),
});

describe('rowsToDeals over generated CSV rows (DESIGN §9)', () => {
  it(`imports valid Deals or reports the row, for ${RUNS} generated files`, () => {
    let imported = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), mappingArb, (rows, mapping) => {
        const { deals, quality } = rowsToDeals({ header: HEADER, rows }, mapping, { crm: 'csv', source: 'fuzz.csv', today: '2026-04-15' });
        expect(DataQualityReport.safeParse(quality).success).toBe(true);
        for (const deal of deals) {
          const parsed = Deal.safeParse(deal);
          expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
          expect(nonFinite(deal)).toBeNull();
        }
        expect(quality.rowsImported).toBe(deals.length);
        imported += deals.length;
        skipped += quality.rowsRead - quality.rowsImported;
        expect(quality.rowsImported + quality.skipped.reduce((s, g) => s + g.count, 0)).toBe(quality.rowsRead);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must reach both sides, or the property proves nothing.
    expect(imported).toBeGreaterThan(RUNS / 5);
    expect(skipped).toBeGreaterThan(RUNS / 5);
  });

  it('reads generated CSV text (quotes, delimiters, CR/LF, BOM) without throwing', () => {
    const csvChar = fc.constantFrom('a', '1', ',', ';', '\t', '|', '"', '\n', '\r', '\ufeff', '=', ' ', '\u0000', 'é');
    fc.assert(
      fc.property(fc.string({ unit: csvChar, maxLength: 300 }), (textBody) => {
        const parsed = parseCsvSync(`Id,Name,Stage\n${textBody}`);
        const { deals } = rowsToDeals(parsed, { columns: { id: 'Id', name: 'Name', stage: 'Stage' }, stages: { a: { category: 'open', order: 0 } } }, { crm: 'csv', source: 'fuzz.csv', today: '2026-04-15' });
        for (const deal of deals) expect(Deal.safeParse(deal).success).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
