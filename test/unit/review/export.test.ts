import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeCell, rowsToCsv } from '../../../lib/review/export';
import { row } from './helpers';

describe('CSV export', () => {
  it('prefixes cells that a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(escapeCell(text)).toBe(`'${text}`);
    expect(escapeCell('Acme = good')).toBe('Acme = good');
    expect(escapeCell(-5)).toBe(-5);
    expect(escapeCell(null)).toBe('');
  });

  it('exports the rows with escaped text, readable back', () => {
    const csv = rowsToCsv([row({ id: '1', name: '=cmd|" /C calc"!A0', account: '@evil, "quoted"\nline', ownerName: '-Ann' })]);
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.errors).toEqual([]);
    const [header, first] = parsed.data;
    expect(header![0]).toBe('Deal');
    expect(first![0]).toBe(`'=cmd|" /C calc"!A0`);
    expect(first![1]).toBe(`'@evil, "quoted"\nline`);
    expect(first![2]).toBe("'-Ann");
    expect(first![header!.indexOf('Amount')]).toBe('1000');
    for (const cell of first!) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
