/**
 * `npm run metrics -- <export.csv> [--by owner|team|period] [--period 2017-Q3] [--json] [--map field=Header]`
 * Reads a CRM report export with the same code the extension uses and prints the metrics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseCsv, detectPreset, presetMapping, suggestMapping, parseTeams, parseProducts, rowsToDeals, formatQualityReport, type ColumnMapping } from '../import';
import { summarize } from '../metrics';
import { parseArgs, UsageError, USAGE, type MetricsArgs } from './args';
import { reportText } from './report-text';
import { latestDate } from './latest-date';

const read = (file: string): string => readFileSync(file, 'utf8');
const beside = (file: string, name: string): string | null => {
  const path = join(dirname(file), name);
  return existsSync(path) ? path : null;
};

async function run(args: MetricsArgs): Promise<string> {
  const parsed = await parseCsv(read(args.file));
  const preset = detectPreset(parsed.header);
  const base: ColumnMapping = preset ? presetMapping(preset, parsed.header) : suggestMapping(parsed.header, parsed.rows.slice(0, 200));
  const mapping: ColumnMapping = { ...base, columns: { ...base.columns, ...args.columns } };

  const teamsFile = args.teamsFile ?? beside(args.file, 'sales_teams.csv');
  const productsFile = args.productsFile ?? beside(args.file, 'products.csv');
  const teams = teamsFile ? parseTeams(read(teamsFile)).teams : undefined;
  const products = productsFile ? parseProducts(read(productsFile)).products : undefined;

  // An export describes the day it was taken: by default measure "now" as its latest date.
  const provisional = rowsToDeals(parsed, mapping, { crm: 'csv', source: basename(args.file), teams, products, today: args.asOf ?? '9999-12-31' });
  const asOf = args.asOf ?? latestDate(provisional.deals) ?? new Date().toISOString().slice(0, 10);
  const { deals, quality, teamOf } = args.asOf ? provisional : rowsToDeals(parsed, mapping, { crm: 'csv', source: basename(args.file), teams, products, today: asOf });

  const report = summarize(deals, { period: args.period, groupBy: args.groupBy, teamOf, now: asOf });
  const currency = deals.find((d) => d.currency)?.currency ?? null;
  if (args.json) return JSON.stringify({ source: args.file, preset, mapping, quality, report }, null, 2);
  const asOfNote = args.asOf ? 'given with --as-of' : 'the latest date in the file; change with --as-of';
  return reportText(report, { source: `${basename(args.file)}${preset ? ` (format: ${preset})` : ''}`, asOfNote, quality: formatQualityReport(quality), currency });
}

try {
  console.log(await run(parseArgs(process.argv.slice(2))));
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(`metrics: ${error.message}\n`);
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    console.error(`metrics: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
