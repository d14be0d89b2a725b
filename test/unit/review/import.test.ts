import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { csvKind, importForReview, previewCsv } from '../../../lib/review/import';
import { buildReviewModel } from '../../../lib/review/rows';

const MAVEN = '../shared/datasets/maven-crm/sales_pipeline.csv';
const HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

async function run(text: string) {
  const preview = previewCsv(text);
  const imported = await importForReview(text, preview.mapping, { source: 't.csv', today: '2026-01-01' });
  return { preview, imported, model: buildReviewModel(imported.deals, { settings: DEFAULT_SETTINGS, now: imported.asOf }) };
}

describe('CSV import through the review flow', () => {
  it('reads the Maven file with its preset, and teams from sales_teams.csv', async () => {
    const text = readFileSync(MAVEN, 'utf8');
    const preview = previewCsv(text);
    expect(preview.preset).toBe('maven');
    expect(preview.rows).toHaveLength(8);
    expect(csvKind(previewCsv(readFileSync('../shared/datasets/maven-crm/sales_teams.csv', 'utf8')).header)).toBe('teams');
    const imported = await importForReview(text, preview.mapping, { source: 'sales_pipeline.csv', teamsText: readFileSync('../shared/datasets/maven-crm/sales_teams.csv', 'utf8'), today: '2026-01-01' });
    expect(imported.deals).toHaveLength(8800);
    expect(imported.asOf).toBe('2017-12-31');
    expect(imported.teams['Darcel Schlecht']).toBe('Melvin Marxen');
  });

  it('skips malformed rows and says which', async () => {
    const { imported, model } = await run(`${HEADER}\nA1,Ann,GTX,Acme,Won,1/2/2017,2/2/2017,100\nA2,Ann,GTX\nA3,Ann,GTX,Beta,Engaging,1/5/2017,,\nA4,Ann,"GTX,Beta,Lost,1/5/2017,3/3/2017,0\n`);
    expect(imported.deals.map((d) => d.ref.id)).toEqual(['A1', 'A3']);
    expect(imported.quality.rowsRead - imported.quality.rowsImported).toBe(2);
    expect(imported.quality.skipped.map((s) => s.rows[0])).toEqual(expect.arrayContaining([3]));
    expect(model.rows.map((r) => r.id)).toEqual(['A3']);
  });

  it('reads other delimiters, a BOM and quoted newlines', async () => {
    const semi = `\ufeff${HEADER.replaceAll(',', ';')}\r\nA1;Ann;GTX;"Acme\r\nHoldings";Engaging;1/2/2017;;\r\nA2;Bob;GTX;Beta;Won;1/2/2017;2/2/2017;50\r\n`;
    const { preview, imported, model } = await run(semi);
    expect(preview.delimiter).toBe(';');
    expect(preview.preset).toBe('maven');
    expect(imported.deals).toHaveLength(2);
    expect(model.rows[0]!.account).toBe('Acme\r\nHoldings');
    const tab = (await run(`${HEADER.replaceAll(',', '\t')}\nA1\tAnn\tGTX\tAcme\tEngaging\t1/2/2017\t\t\n`)).imported;
    expect(tab.deals[0]!.owner.name).toBe('Ann');
  });

  it('imports 50,000 rows to a table model', async () => {
    const stages = ['Won', 'Lost', 'Engaging', 'Prospecting'];
    const lines = [HEADER];
    for (let i = 0; i < 50_000; i++) {
      const stage = stages[i % 4]!;
      const closed = stage === 'Won' || stage === 'Lost';
      lines.push(`G${i},Rep ${i % 40},GTX Basic,Acct ${i % 500},${stage},${(i % 12) + 1}/${(i % 27) + 1}/2016,${closed ? `${(i % 12) + 1}/28/2017` : ''},${stage === 'Won' ? 500 + (i % 3000) : stage === 'Lost' ? 0 : ''}`);
    }
    const progress: number[] = [];
    const text = lines.join('\n');
    const preview = previewCsv(text);
    const imported = await importForReview(text, preview.mapping, { source: 'big.csv', today: '2026-01-01', onProgress: (_s, f) => progress.push(f) });
    expect(imported.deals).toHaveLength(50_000);
    expect(progress.length).toBeGreaterThan(5);
    const model = buildReviewModel(imported.deals, { settings: DEFAULT_SETTINGS, now: imported.asOf });
    expect(model.rows).toHaveLength(25_000);
  }, 60_000);
});
