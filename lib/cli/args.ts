/** Command-line arguments of `npm run metrics`, parsed without a library (six flags). */
import { parsePeriod, type Period } from '../dates';
import { DEAL_FIELDS, type DealField } from '../import';
import type { GroupBy } from '../metrics';

export interface MetricsArgs {
  file: string;
  groupBy: GroupBy | null;
  period: Period | null;
  json: boolean;
  /** Deal field → header name, from `--map field=Header`. */
  columns: Partial<Record<DealField, string>>;
  teamsFile: string | null;
  productsFile: string | null;
  asOf: string | null;
}

export const USAGE = `Usage: npm run metrics -- <export.csv> [options]

  --by owner|team|period   group the figures (team = the owner's manager)
  --period 2017-Q3         only deals closed (or pursued) in that period; also 2017-07, 2017
  --json                   machine-readable output, every rate with numerator and denominator
  --map field=Header       name a column for an export we do not recognise (repeatable);
                           fields: ${DEAL_FIELDS.join(', ')}
  --teams FILE             owner → manager CSV (sales_agent,manager,…); default: sales_teams.csv beside the export
  --products FILE          product list CSV (product,series,sales_price); default: products.csv beside the export
  --as-of YYYY-MM-DD       "today" for open deals and push rate; default: the latest date in the file`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): MetricsArgs {
  const args: MetricsArgs = { file: '', groupBy: null, period: null, json: false, columns: {}, teamsFile: null, productsFile: null, asOf: null };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '--json':
        args.json = true;
        break;
      case '--by': {
        const by = value(i++, a);
        if (by !== 'owner' && by !== 'team' && by !== 'period') throw new UsageError(`--by takes owner, team or period, not "${by}"`);
        args.groupBy = by;
        break;
      }
      case '--period': {
        const text = value(i++, a);
        args.period = parsePeriod(text);
        if (!args.period) throw new UsageError(`--period: "${text}" is not a period like 2017-Q3, 2017-07 or 2017`);
        break;
      }
      case '--map': {
        const m = /^([A-Za-z]+)=(.+)$/.exec(value(i++, a));
        if (!m || !(DEAL_FIELDS as readonly string[]).includes(m[1]!)) throw new UsageError(`--map takes field=Header with a field among: ${DEAL_FIELDS.join(', ')}`);
        args.columns[m[1] as DealField] = m[2]!;
        break;
      }
      case '--teams':
        args.teamsFile = value(i++, a);
        break;
      case '--products':
        args.productsFile = value(i++, a);
        break;
      case '--as-of': {
        const d = value(i++, a);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError('--as-of takes a date YYYY-MM-DD');
        args.asOf = d;
        break;
      }
      case '-h':
      case '--help':
        throw new UsageError('');
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (args.file) throw new UsageError(`one export file at a time (got "${args.file}" and "${a}")`);
        args.file = a;
    }
  }
  if (!args.file) throw new UsageError('name the CSV export to read');
  return args;
}
