import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../lib/model';
import {
  DataQualityReport,
  formatQualityReport,
  parseCsv,
  rowsToDeals,
  suggestMapping,
  type ColumnMappingInput,
  type RowsToDealsOptions,
} from '../../../lib/import';

const options: RowsToDealsOptions = { crm: 'csv', source: 'test.csv', today: '2024-06-01' };

const basic: ColumnMappingInput = {
  columns: { id: 'id', name: 'name', owner: 'owner', account: 'account', stage: 'stage', amount: 'amount', createdAt: 'created', closeDate: 'close', team: 'team' },
  stages: { Open: { category: 'open', order: 0 }, Won: { category: 'won', order: 1 }, Lost: { category: 'lost', order: 1 } },
  dateFormat: 'YYYY-MM-DD',
};
const HEADER = 'id,name,owner,account,stage,amount,created,close,team';

async function importText(text: string, mapping: ColumnMappingInput = basic, opts: Partial<RowsToDealsOptions> = {}) {
  const parsed = await parseCsv(text);
  return rowsToDeals(parsed, mapping, { ...options, ...opts });
}

describe('rowsToDeals', () => {
  it('reads a European ; file with a BOM, CRLF, decimal-comma amounts and D.M.YYYY dates', async () => {
    const text = readFileSync(new URL('../../fixtures/csv/eu-semicolon.csv', import.meta.url), 'utf8');
    const parsed = await parseCsv(text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header[0]).toBe('Deal');
    const mapping = suggestMapping(parsed.header, parsed.rows);
    expect(mapping).toMatchObject({ decimal: ',', dateFormat: 'D/M/YYYY' });
    const { deals, quality } = rowsToDeals(parsed, mapping, { ...options, source: 'eu-semicolon.csv' });
    expect(deals.map((d) => [d.name, d.amount, d.currency, d.stage.category, d.createdAt, d.closeDate])).toEqual([
      ['Alpha GmbH Lizenz', 1234.5, 'EUR', 'won', '2024-01-15', '2024-02-28'],
      ['Beta AG Wartung', 12000, 'EUR', 'open', '2024-02-03', '2024-04-30'],
      ['Gamma SE', null, 'EUR', 'lost', '2023-12-01', '2024-01-31'],
    ]);
    expect(quality.lostZeroAmount).toEqual({ count: 1, rows: [4] });
    expect(quality.guessedStages.map((s) => [s.name, s.category])).toEqual([
      ['Closed Won', 'won'],
      ['Negotiation', 'open'],
      ['Closed Lost', 'lost'],
    ]);
  });

  it('skips malformed rows and counts them as read, with their row numbers', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,10,2024-01-01,2024-02-01,East', 'b,B,Jo', 'c,C,Jo,Acme,Open,5,2024-01-01,2024-07-01,East,extra', 'd,"D,Jo,Acme,Open'].join('\n');
    const { deals, quality } = await importText(text);
    expect(deals.map((d) => d.ref.id)).toEqual(['a']);
    expect(quality.rowsRead).toBe(4);
    expect(quality.rowsImported).toBe(1);
    expect(quality.skipped).toEqual([
      { reason: 'malformed row (wrong number of columns)', count: 2, rows: [3, 4], example: 'expected 9 columns, found 3' },
      { reason: 'malformed row (quotes)', count: 1, rows: [5], example: expect.stringMatching(/^a quoted value is never closed/) },
    ]);
  });

  it('keeps the first of duplicate ids and reports all their rows', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,10,2024-01-01,2024-02-01,', 'a,A again,Jo,Acme,Won,10,2024-01-01,2024-02-01,', 'b,B,Jo,Acme,Open,,2024-01-01,,', 'a,A thrice,Jo,Acme,Open,,2024-01-01,,'].join('\n');
    const { deals, quality } = await importText(text);
    expect(deals.map((d) => d.name)).toEqual(['A', 'B']);
    expect(quality.duplicateIds).toEqual([{ id: 'a', count: 3, rows: [2, 3, 5] }]);
    expect(quality.skipped).toEqual([{ reason: 'duplicate id', count: 2, rows: [3, 5], example: '"a"' }]);
    expect(formatQualityReport(quality)).toContain('Id "a" appears 3 times (rows 2, 3, 5); only the first row was imported.');
  });

  it('skips a row the Deal schema rejects, naming the field and the value', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,-10,2024-01-01,2024-02-01,', 'b,B,Jo,Acme,Won,10,2024-01-01,2024-02-01,'].join('\n');
    const { deals, quality } = await importText(text);
    expect(deals.map((d) => d.ref.id)).toEqual(['b']);
    expect(quality.skipped).toHaveLength(1);
    expect(quality.skipped[0]).toMatchObject({ count: 1, rows: [2], example: '-10' });
    expect(quality.skipped[0]!.reason).toMatch(/^invalid amount \(/);
    expect(formatQualityReport(quality)[2]).toMatch(/^ {2}- invalid amount \(.*\): 1 row \(row 2\), e\.g\. -10\.$/);
  });

  it('imports unreadable values as unknown and reports them with examples', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,ten,2024-01-01,31/01/2024,', 'b,B,Jo,Acme,Open,,soon,,', 'c,C,Jo,Acme,Open,7,2024-02-30,,'].join('\n');
    const { deals, quality } = await importText(text);
    expect(deals).toHaveLength(3);
    expect(deals[0]).toMatchObject({ amount: null, closeDate: null, closedAt: null });
    expect(quality.unreadable).toEqual([
      { field: 'amount', column: 'amount', expected: 'an amount (decimal mark ".")', count: 1, rows: [2], examples: ['ten'] },
      { field: 'closeDate', column: 'close', expected: 'a date (YYYY-MM-DD)', count: 1, rows: [2], examples: ['31/01/2024'] },
      { field: 'createdAt', column: 'created', expected: 'a date (YYYY-MM-DD)', count: 2, rows: [3, 4], examples: ['soon', '2024-02-30'] },
    ]);
    expect(quality.wonWithoutAmount).toEqual({ count: 1, rows: [2] });
  });

  it('skips rows with no stage or an unknown stage, and rows with an empty id', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,,10,2024-01-01,,', 'b,B,Jo,Acme,Pending,10,2024-01-01,,', ',C,Jo,Acme,Open,10,2024-01-01,,'].join('\n');
    const { deals, quality } = await importText(text);
    expect(deals).toEqual([]);
    expect(quality.skipped.map((s) => [s.reason, s.rows])).toEqual([
      ['no stage', [2]],
      ['stage not in the stage mapping', [3]],
      ['no id', [4]],
    ]);
  });

  it('reports mapped columns the file lacks; without a stage column nothing can be imported', async () => {
    const text = ['id,name,status', 'a,A,Won'].join('\n');
    const { deals, quality } = await importText(text, { columns: { id: 'id', name: 'name', stage: 'stage', amount: 'Amount' }, stages: { Won: { category: 'won' } } });
    expect(deals).toEqual([]);
    expect(quality.missingColumns).toEqual([
      { field: 'stage', column: 'stage' },
      { field: 'amount', column: 'Amount' },
    ]);
    expect(quality.skipped[0]).toMatchObject({ count: 1, rows: [2] });
    expect(quality.skipped[0]!.reason).toBe('the stage column "stage" is not in the file');
  });

  it('numbers deals by row when the file has no id column, and says so', async () => {
    const { deals, quality } = await importText('name,stage\nA,Won\nB,Open\n', { columns: { name: 'name', stage: 'stage' }, stages: { Won: { category: 'won' }, Open: { category: 'open' } } });
    expect(deals.map((d) => d.ref.id)).toEqual(['row-2', 'row-3']);
    expect(quality.idsFromRowNumbers).toBe(true);
    expect(formatQualityReport(quality).join('\n')).toMatch(/no id column/);
  });

  it('derives isNewBusiness from earlier won deals of the same account, and refuses to guess', async () => {
    const text = [
      HEADER,
      'w1,First win,Jo,Acme,Won,10,2023-01-01,2023-03-01,',
      'n1,Created after the win,Jo,Acme,Open,,2023-04-01,,',
      'n2,Created before the win,Jo,Acme,Lost,5,2022-12-01,2023-02-01,',
      'n3,Other account,Jo,Globex,Open,,2023-04-01,,',
      'n4,No account,Jo,,Open,,2023-04-01,,',
      'n5,No created date,Jo,Acme,Open,,,,',
      'u1,Undated win,Jo,Initech,Won,10,2023-01-01,,',
      'n6,After an undated win,Jo,Initech,Open,,2023-06-01,,',
    ].join('\n');
    const { deals, quality } = await importText(text);
    const isNew = Object.fromEntries(deals.map((d) => [d.ref.id, d.isNewBusiness]));
    expect(isNew).toEqual({ w1: true, n1: false, n2: true, n3: true, n4: null, n5: null, u1: true, n6: null });
    expect(quality.business).toEqual({ new: 4, existing: 1, unknown: 3, basis: 'derived' });
  });

  it('finds an owner’s team from the team column (most common value)', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,1,2024-01-01,2024-02-01,East', 'b,B,Jo,Acme,Won,1,2024-01-01,2024-02-01,East', 'c,C,Jo,Acme,Won,1,2024-01-01,2024-02-01,West', 'd,D,Al,Acme,Won,1,2024-01-01,2024-02-01,'].join('\n');
    const { teamOf } = await importText(text);
    expect(teamOf('Jo')).toBe('East');
    expect(teamOf('Al')).toBeNull();
  });

  it('flags dates after today', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,1,2024-01-01,2024-12-01,', 'b,B,Jo,Acme,Open,1,2024-01-01,2024-12-01,'].join('\n');
    const { quality } = await importText(text);
    // An open deal may expect to close later; a won deal cannot have closed in the future.
    expect(quality.futureDates).toEqual({ count: 1, rows: [2] });
  });

  it('validates the mapping it is given', async () => {
    await expect(importText(`${HEADER}\n`, { columns: { stage: 'stage' }, decimal: ';' } as unknown as ColumnMappingInput)).rejects.toThrow();
  });

  it('produces Deals and a report that survive the trip to the review page', async () => {
    const text = [HEADER, 'a,A,Jo,Acme,Won,10,2024-01-01,2024-02-01,East', 'b,B,Jo,,Open,x,,,'].join('\n');
    const { deals, quality } = await importText(text);
    for (const d of deals) expect(Deal.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(DataQualityReport.parse(JSON.parse(JSON.stringify(quality)))).toEqual(quality);
    expect(deals[0]).toMatchObject({ ref: { crm: 'csv', instance: 'test.csv', id: 'a', url: '' }, history: { tracked: false }, stakeholders: [], activities: [] });
  });

  it('imports 50,000 rows in reasonable time', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 50_000; i++) lines.push(`${i},Deal ${i},Rep ${i % 40},Account ${i % 900},${['Open', 'Won', 'Lost'][i % 3]},${i % 3 === 2 ? 0 : 1000 + i},2023-01-${String((i % 28) + 1).padStart(2, '0')},2023-03-01,Team ${i % 5}`);
    const started = performance.now();
    const progress: number[] = [];
    const { deals, quality } = await importText(lines.join('\n'), basic, { onProgress: (f) => progress.push(f) });
    const ms = performance.now() - started;
    expect(deals).toHaveLength(50_000);
    expect(progress).toHaveLength(50);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(quality.lostZeroAmount.count).toBe(16_666);
    expect(ms).toBeLessThan(10_000);
  });
});
