/**
 * Review page budgets (DESIGN §8, issue 6): CSV import to the table model (parse, rows → Deals,
 * coaching of every open deal) for the Maven file and a generated 50,000-row export, and
 * filter + sort latency on 20,000 rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { importForReview, previewCsv } from '../../lib/review/import';
import { buildReviewModel, type ReviewRow } from '../../lib/review/rows';
import { filterRows, sortRows } from '../../lib/review/table';
import type { BenchRow } from './run';

const MAVEN = path.resolve('../shared/datasets/maven-crm/sales_pipeline.csv');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeImport(text: string, runs: number): Promise<{ ms: number; rows: number; deals: number }> {
  const times: number[] = [];
  let rows = 0;
  let deals = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const preview = previewCsv(text);
    const imported = await importForReview(text, preview.mapping, { source: 'bench.csv', today: '2026-01-01' });
    const model = buildReviewModel(imported.deals, { settings: DEFAULT_SETTINGS, now: imported.asOf });
    times.push(performance.now() - t);
    rows = model.rows.length;
    deals = imported.deals.length;
  }
  return { ms: median(times), rows, deals };
}

export function generatedExport(n: number): string {
  const lines = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  const stages = ['Won', 'Lost', 'Won', 'Engaging', 'Prospecting', 'Lost', 'Engaging', 'Won'];
  for (let i = 0; i < n; i++) {
    const stage = stages[i % stages.length]!;
    const closed = stage === 'Won' || stage === 'Lost';
    const month = (i % 12) + 1;
    lines.push(`G${i},Rep ${i % 40},GTX Basic,Account ${i % 700},${stage},${month}/${(i % 27) + 1}/2016,${closed ? `${month}/28/2017` : ''},${stage === 'Won' ? 500 + ((i * 37) % 5000) : stage === 'Lost' ? 0 : ''}`);
  }
  return lines.join('\n');
}

export async function benchReview(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const maven = await timeImport(readFileSync(MAVEN, 'utf8'), 5);
  out.push({ name: 'review: Maven CSV (8,800 rows) → table model', medianMs: maven.ms, runs: 5, extra: { deals: maven.deals, openRows: maven.rows } });
  const big = await timeImport(generatedExport(50_000), 3);
  out.push({ name: 'review: generated CSV (50,000 rows) → table model', medianMs: big.ms, runs: 3, extra: { deals: big.deals, openRows: big.rows } });

  // 20,000 open rows: filter (owner + search) and sort, as one keystroke in the page would.
  const source = buildReviewModel((await importForReview(generatedExport(56_000), previewCsv(generatedExport(10)).mapping, { source: 'b', today: '2026-01-01' })).deals, { settings: DEFAULT_SETTINGS, now: '2017-12-31' }).rows;
  const rows: ReviewRow[] = source.slice(0, 20_000);
  const filterTimes: number[] = [];
  const sortTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    const filtered = filterRows(rows, { search: i % 2 ? 'account 1' : 'rep', severity: 'warn' });
    filterTimes.push(performance.now() - t);
    t = performance.now();
    sortRows(rows, { key: i % 2 ? 'amount' : 'age', dir: 'desc' });
    sortTimes.push(performance.now() - t);
    if (filtered.length < 0) throw new Error('unreachable');
  }
  out.push({ name: 'review: filter + search 20,000 rows', medianMs: median(filterTimes), runs: 30, budget: 16, extra: { rows: rows.length } });
  out.push({ name: 'review: sort 20,000 rows', medianMs: median(sortTimes), runs: 30, budget: 100, extra: { rows: rows.length } });
  return out;
}
