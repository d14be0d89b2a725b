import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvSync } from '../../../lib/import/csv';

describe('parseCsv', () => {
  it('reads a plain comma file with row numbers counted from the header', async () => {
    const parsed = await parseCsv('id,name,amount\n1,Alpha,10\n2,Beta,20\n');
    expect(parsed.header).toEqual(['id', 'name', 'amount']);
    expect(parsed.rows).toEqual([
      ['1', 'Alpha', '10'],
      ['2', 'Beta', '20'],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.errors).toEqual([]);
  });

  it('detects ; and tab and | delimiters', async () => {
    const semi = await parseCsv('Deal;Amount;Stage\nAlpha;1.234,50;Won\nBeta;99,00;Lost\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows[0]).toEqual(['Alpha', '1.234,50', 'Won']);

    const tab = await parseCsv('Deal\tAmount\tStage\nAlpha, Inc.\t1,234.50\tWon\nBeta\t99\tLost\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[0]).toEqual(['Alpha, Inc.', '1,234.50', 'Won']);

    const pipe = await parseCsv('a|b|c\n1|2|3\n');
    expect(pipe.delimiter).toBe('|');
    expect(pipe.rows).toEqual([['1', '2', '3']]);
  });

  it('prefers ; over , when amounts carry decimal commas', async () => {
    const parsed = await parseCsv('Deal;Amount\nAlpha;1,5\nBeta;2,25\nGamma;3\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows.map((r) => r[1])).toEqual(['1,5', '2,25', '3']);
  });

  it('strips a UTF-8 BOM (also one mis-decoded as Latin-1) from the first header', async () => {
    expect((await parseCsv('\uFEFFid,name\n1,a\n')).header).toEqual(['id', 'name']);
    expect((await parseCsv('\u00ef\u00bb\u00bfid,name\n1,a\n')).header).toEqual(['id', 'name']);
  });

  it('keeps quoted newlines, quoted delimiters and doubled quotes inside one value', async () => {
    const text = 'id,note,amount\r\n1,"Call CFO\r\nthen send MSA",10\r\n2,"Pilot, phase 2",20\r\n3,"He said ""yes""",30\r\n';
    const parsed = await parseCsv(text);
    expect(parsed.rows).toEqual([
      ['1', 'Call CFO\r\nthen send MSA', '10'],
      ['2', 'Pilot, phase 2', '20'],
      ['3', 'He said "yes"', '30'],
    ]);
    // A multi-line value is still one spreadsheet row.
    expect(parsed.rowNumbers).toEqual([2, 3, 4]);
  });

  it('reports rows with the wrong number of columns by row number and keeps the rest', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
    const parsed = await parseCsv(text);
    expect(parsed.rows).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 5]);
    expect(parsed.errors).toEqual([
      { row: 3, message: 'expected 3 columns, found 2' },
      { row: 4, message: 'expected 3 columns, found 4' },
    ]);
  });

  it('tolerates extra empty cells from a trailing delimiter, and skips blank lines', async () => {
    const parsed = await parseCsv('a,b\n1,2,\n\n3,4,,\n');
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 4]);
    expect(parsed.errors).toEqual([]);
  });

  it('reports an unclosed quote instead of throwing', async () => {
    const text = 'id,name,amount\n1,Alpha,10\n2,"Beta,20\n3,Gamma,30\n';
    const parsed = await parseCsv(text);
    expect(parsed.rows).toEqual([['1', 'Alpha', '10']]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.row).toBe(3);
    expect(parsed.errors[0]!.message).toMatch(/never closed/);
  });

  it('reports a stray quote after a quoted value', async () => {
    const parsed = await parseCsv('id,name,note\n1,"Al"pha",x\n2,Beta,y\n');
    expect(parsed.rows).toEqual([['2', 'Beta', 'y']]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 2, message: expect.stringMatching(/stray/) });
  });

  it('sets a report footer (single values after a blank line at the end) apart from errors', async () => {
    const text = 'a,b\n1,2\n\n"My report"\n"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n';
    const parsed = await parseCsv(text);
    expect(parsed.rows).toEqual([['1', '2']]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.footer).toEqual(['My report', 'Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.']);
  });

  it('still reports a single-value row followed by data as an error', async () => {
    const parsed = await parseCsv('a,b\n1,2\n\nlonely\n3,4\n');
    expect(parsed.footer).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 4, message: 'expected 2 columns, found 1' }]);
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('says so for an empty file', async () => {
    const parsed = await parseCsv('');
    expect(parsed.header).toEqual([]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0]).toMatchObject({ row: 0 });
  });

  it('honours a forced delimiter', async () => {
    const parsed = await parseCsv('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(parsed.header).toEqual(['a;b', 'c']);
  });

  it('parses a 50,000-row file in chunks, reporting progress monotonically up to 1 and yielding to the event loop', async () => {
    const lines = ['id,name,note,amount,stage'];
    for (let i = 0; i < 50_000; i++) {
      const note = i % 7 === 0 ? `"line one\nline two, with comma"` : `plain note ${i}`;
      lines.push(`${i},"Deal ${i}, Inc.",${note},${(i * 13) % 10_000}.50,${i % 3 === 0 ? 'Won' : 'Open'}`);
    }
    const text = lines.join('\n') + '\n';

    let timerFired = false;
    let timerFiredBeforeEnd = false;
    setTimeout(() => (timerFired = true), 0);
    const progress: number[] = [];
    const parsed = await parseCsv(text, {
      chunkRows: 2_000,
      onProgress: (f) => {
        progress.push(f);
        if (f < 1 && timerFired) timerFiredBeforeEnd = true;
      },
    });

    expect(parsed.rows).toHaveLength(50_000);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[7]).toEqual(['7', 'Deal 7, Inc.', 'line one\nline two, with comma', '91.50', 'Open']);
    expect(parsed.rowNumbers[49_999]).toBe(50_001);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThan(progress[i - 1]!);
    expect(progress[0]!).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(timerFiredBeforeEnd).toBe(true);
  });

  it('rejects, rather than hanging, when the progress callback throws mid-file', async () => {
    const text = 'a,b\n' + Array.from({ length: 5_000 }, (_, i) => `${i},x`).join('\n');
    let calls = 0;
    const onProgress = () => {
      if (++calls === 2) throw new Error('UI went away');
    };
    await expect(parseCsv(text, { chunkRows: 500, onProgress })).rejects.toThrow('UI went away');
  });

  it('gives the same rows whatever the chunk size (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', ',', '"', '\n'), maxLength: 8 });
    const firstCell = fc.string({ unit: fc.constantFrom('x', 'y', 'z'), minLength: 1, maxLength: 4 });
    const table = fc.integer({ min: 2, max: 4 }).chain((width) =>
      fc.array(fc.tuple(firstCell, fc.array(cell, { minLength: width - 1, maxLength: width - 1 })).map(([a, rest]) => [a, ...rest]), {
        minLength: 1,
        maxLength: 40,
      }).map((rows) => ({ width, rows })),
    );
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 5 }), async ({ width, rows }, newline, chunkRows) => {
        const header = Array.from({ length: width }, (_, i) => `col${i}`);
        const text = Papa.unparse([header, ...rows], { newline });
        const chunked = await parseCsv(text, { chunkRows });
        const whole = parseCsvSync(text);
        expect(chunked.errors).toEqual([]);
        expect(chunked.header).toEqual(header);
        expect(chunked.rows).toEqual(rows);
        expect(whole.rows).toEqual(rows);
        expect(chunked.rowNumbers).toEqual(whole.rowNumbers);
      }),
      { numRuns: 150 },
    );
  });
});
