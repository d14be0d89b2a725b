/**
 * What an import found wrong or doubtful in a file, with counts and row numbers, so the numbers
 * Deal Coach later shows can be traced back to the export (STYLE "every number can be traced").
 * A zod schema because the report crosses from the import worker to the review page (DESIGN §9).
 */
import { z } from 'zod';
import { StageCategory } from '../model';

/** How many rows, and the first few of their row numbers (header = row 1). */
export const RowSample = z.object({
  count: z.number().int().nonnegative(),
  rows: z.array(z.number().int()),
});
export type RowSample = z.infer<typeof RowSample>;

/** Row numbers kept per group: enough to find the problem in a spreadsheet. */
export const SAMPLE_ROWS = 5;

export const DataQualityReport = z.object({
  /** File name the deals came from. */
  source: z.string(),
  preset: z.string().nullable(),
  /** Data rows in the file (header, blank lines and a report footer not counted). */
  rowsRead: z.number().int().nonnegative(),
  rowsImported: z.number().int().nonnegative(),
  /** Rows that produced no deal, grouped by reason. */
  skipped: z.array(RowSample.extend({ reason: z.string(), example: z.string().nullable() })),
  /** Imported deals by stage category. */
  categories: z.object({ open: z.number().int(), won: z.number().int(), lost: z.number().int() }),
  /** Lost deals exported with amount 0, imported with an unknown (null) amount. */
  lostZeroAmount: RowSample,
  /** false when lost amounts are missing or 0, so Σwon ÷ Σ(won+lost) would read as ~100 %. */
  valueWinRateReliable: z.boolean(),
  wonWithoutAmount: RowSample,
  withoutCreatedAt: RowSample,
  openWithoutCreatedAt: RowSample,
  openWithoutCloseDate: RowSample,
  openWithoutAccount: RowSample,
  /** Dates after `today`: a created or closed date in the future is a typo or a time-zone slip. */
  futureDates: RowSample,
  /** Product names missing from the product list, with the closest listed name when there is one. */
  unknownProducts: z.array(RowSample.extend({ name: z.string(), suggestion: z.string().nullable() })),
  /** Stage names neither in the stage map nor classified by won/closed columns (those rows are skipped). */
  unknownStages: z.array(RowSample.extend({ name: z.string() })),
  /** Stage names whose category was guessed from the name and not confirmed by a person. */
  guessedStages: z.array(RowSample.extend({ name: z.string(), category: StageCategory })),
  /** Ids seen more than once; the first row is imported, the others skipped. */
  duplicateIds: z.array(RowSample.extend({ id: z.string() })),
  /** Non-empty cells that could not be read as the mapped field expects; the field is imported as unknown. */
  unreadable: z.array(RowSample.extend({ field: z.string(), column: z.string(), expected: z.string(), examples: z.array(z.string()) })),
  /** Owners not found in the teams list. */
  ownersWithoutTeam: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** Mapped columns that the file does not have. */
  missingColumns: z.array(z.object({ field: z.string(), column: z.string() })),
  /** No id column: ids are `row-<n>`, which will not match when an edited file is imported again. */
  idsFromRowNumbers: z.boolean(),
  /** isNewBusiness: from a deal-type column, derived from won deals in the file, or unknown. */
  business: z.object({
    new: z.number().int(),
    existing: z.number().int(),
    unknown: z.number().int(),
    basis: z.enum(['column', 'derived', 'mixed']),
  }),
  /** Lines under the table (a report's footer), ignored. */
  footer: z.array(z.string()),
});
export type DataQualityReport = z.infer<typeof DataQualityReport>;

/** Counts rows into a RowSample. */
export class RowTally {
  count = 0;
  rows: number[] = [];
  add(row: number): void {
    this.count++;
    if (this.rows.length < SAMPLE_ROWS) this.rows.push(row);
  }
  toJSON(): RowSample {
    return { count: this.count, rows: [...this.rows] };
  }
}

/** RowTallies by key, in first-seen order. */
export class KeyedTally<K extends string, X = undefined> {
  private readonly map = new Map<K, { tally: RowTally; extra: X }>();
  /** Count `row` under `key`; `extra` makes the key's companion data the first time. Returns that data. */
  add(key: K, row: number, extra?: () => X): X {
    let entry = this.map.get(key);
    if (!entry) {
      entry = { tally: new RowTally(), extra: extra ? extra() : (undefined as X) };
      this.map.set(key, entry);
    }
    entry.tally.add(row);
    return entry.extra;
  }
  has(key: K): boolean {
    return this.map.has(key);
  }
  entries(): Array<{ key: K; sample: RowSample; extra: X }> {
    return [...this.map].map(([key, { tally, extra }]) => ({ key, sample: tally.toJSON(), extra }));
  }
}

// ---------------------------------------------------------------------------------------------
// Plain-English lines for the CLI and the review page

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
/** `row 6`, `rows 2, 3` or `rows 2, 3, 4, 5, 6, …` (only the first few row numbers are kept). */
const rowsPhrase = (s: RowSample) => {
  const shown = s.rows.join(', ');
  return s.count > s.rows.length ? `rows ${shown}, …` : s.rows.length === 1 ? `row ${shown}` : `rows ${shown}`;
};
const rowList = (s: RowSample) => (s.rows.length === 0 ? '' : ` (${rowsPhrase(s)})`);
const q = (text: string) => `"${text}"`;

/** The report as short plain-English lines, most important first. Empty findings are left out. */
export function formatQualityReport(report: DataQualityReport): string[] {
  const lines: string[] = [];
  const c = report.categories;
  lines.push(
    `Read ${plural(report.rowsRead, 'row')} from ${report.source}; imported ${plural(report.rowsImported, 'deal')} ` +
      `(${n(c.won)} won, ${n(c.lost)} lost, ${n(c.open)} open).`,
  );
  for (const m of report.missingColumns) lines.push(`Column ${q(m.column)} (mapped to ${m.field}) is not in the file; ${m.field} is unknown for every deal.`);
  const skippedTotal = report.skipped.reduce((s, g) => s + g.count, 0);
  if (skippedTotal > 0) {
    lines.push(`Skipped ${plural(skippedTotal, 'row')}:`);
    for (const g of report.skipped) lines.push(`  - ${g.reason}: ${plural(g.count, 'row')}${rowList(g)}${g.example ? `, e.g. ${g.example}` : ''}.`);
  }
  for (const s of report.unknownStages) {
    lines.push(`Stage ${q(s.name)} is not in the stage mapping (${plural(s.count, 'row')} skipped, ${rowsPhrase(s)}): map it to open, won or lost.`);
  }
  for (const s of report.guessedStages) {
    lines.push(`Stage ${q(s.name)} was taken as ${s.category} from its name (${plural(s.count, 'deal')}); confirm it in the mapping.`);
  }
  if (report.lostZeroAmount.count > 0) {
    lines.push(
      `${plural(report.lostZeroAmount.count, 'lost deal')} ${report.lostZeroAmount.count === 1 ? 'has' : 'have'} an amount of 0, which usually means "not recorded": ` +
        `imported as unknown, so a value win rate from this file would be unreliable.`,
    );
  } else if (!report.valueWinRateReliable && c.lost > 0) {
    lines.push('No lost deal has an amount, so a value win rate from this file would be unreliable.');
  }
  if (report.wonWithoutAmount.count > 0) lines.push(`${plural(report.wonWithoutAmount.count, 'won deal')} ${report.wonWithoutAmount.count === 1 ? 'has' : 'have'} no amount${rowList(report.wonWithoutAmount)}.`);
  if (report.openWithoutCreatedAt.count > 0) {
    lines.push(`${plural(report.openWithoutCreatedAt.count, 'open deal')} ${report.openWithoutCreatedAt.count === 1 ? 'has' : 'have'} no created date, so ${report.openWithoutCreatedAt.count === 1 ? 'its' : 'their'} age is unknown.`);
  }
  const closedWithoutCreated = report.withoutCreatedAt.count - report.openWithoutCreatedAt.count;
  if (closedWithoutCreated > 0) lines.push(`${plural(closedWithoutCreated, 'closed deal')} ${closedWithoutCreated === 1 ? 'has' : 'have'} no created date and cannot count towards the sales cycle.`);
  if (report.openWithoutCloseDate.count > 0) {
    lines.push(`${plural(report.openWithoutCloseDate.count, 'open deal')} ${report.openWithoutCloseDate.count === 1 ? 'has' : 'have'} no expected close date.`);
  }
  if (report.openWithoutAccount.count > 0) {
    lines.push(`${plural(report.openWithoutAccount.count, 'open deal')} ${report.openWithoutAccount.count === 1 ? 'has' : 'have'} no account.`);
  }
  for (const p of report.unknownProducts) {
    lines.push(`Product ${q(p.name)} is not in the product list (${plural(p.count, 'row')})${p.suggestion ? ` — did you mean ${q(p.suggestion)}?` : '.'}`);
  }
  for (const d of report.duplicateIds) lines.push(`Id ${q(d.id)} appears ${n(d.count)} times${rowList(d)}; only the first row was imported.`);
  for (const u of report.unreadable) {
    lines.push(
      `${plural(u.count, 'value')} in column ${q(u.column)} could not be read as ${u.expected}${rowList(u)}` +
        `${u.examples.length ? `, e.g. ${u.examples.map(q).join(', ')}` : ''}; imported as unknown.`,
    );
  }
  if (report.futureDates.count > 0) lines.push(`${plural(report.futureDates.count, 'deal')} ${report.futureDates.count === 1 ? 'was' : 'were'} created or closed after today${rowList(report.futureDates)}.`);
  if (report.ownersWithoutTeam.length > 0) {
    const names = report.ownersWithoutTeam.slice(0, 5).map((o) => q(o.name)).join(', ');
    lines.push(`${plural(report.ownersWithoutTeam.length, 'owner')} ${report.ownersWithoutTeam.length === 1 ? 'is' : 'are'} not in the teams list: ${names}${report.ownersWithoutTeam.length > 5 ? ', …' : ''}.`);
  }
  if (report.idsFromRowNumbers) lines.push('The file has no id column: deals are numbered by row, so importing an edited file again will not match them up.');
  const b = report.business;
  if (report.rowsImported > 0 && b.basis !== 'column') {
    lines.push(
      `New vs existing business is judged from this file only (an account with a deal won before another was created is existing): ` +
        `${n(b.new)} new, ${n(b.existing)} existing, ${n(b.unknown)} unknown. Customers won before the file's first date count as new.`,
    );
  }
  return lines;
}
