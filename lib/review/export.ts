/**
 * The filtered table as CSV, for the meeting's notes or a spreadsheet. Cells a spreadsheet would
 * run as a formula (=, +, -, @, and tab / carriage return, which some read the same way) are
 * prefixed with a single quote: CRM text is data, never code (OWASP "CSV injection").
 */
import Papa from 'papaparse';
import { CLOSE_PERIOD_LABEL, type ReviewRow } from './rows';
import { RULE_LABEL } from './table';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets; numbers and empty cells pass unchanged. */
export function escapeCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const EXPORT_COLUMNS = [
  'Deal',
  'Account',
  'Owner',
  'Team',
  'Stage',
  'Amount',
  'Currency',
  'Age (days)',
  'Typical cycle (days)',
  'Close date',
  'Close period',
  'Pushes',
  'Qualification answered',
  'Qualification tracked',
  'Key people reached',
  'Key people',
  'Risks',
  'Warnings',
  'Findings',
  'CRM link',
  'Id',
] as const;

export function rowsToCsv(rows: readonly ReviewRow[]): string {
  const data = rows.map((r) =>
    [
      r.name,
      r.account,
      r.ownerName,
      r.team,
      r.stage,
      r.amount,
      r.currency,
      r.ageDays,
      r.typicalDays,
      r.closeDate,
      CLOSE_PERIOD_LABEL[r.closePeriod],
      r.pushCount,
      r.qualAnswered,
      r.qualTracked,
      r.keyReached,
      r.keyTotal,
      r.risks,
      r.warnings,
      r.flags.map((f) => `${RULE_LABEL[f.ruleId] ?? f.ruleId}: ${f.title}`).join('; '),
      r.url,
      r.id,
    ].map(escapeCell),
  );
  return Papa.unparse({ fields: [...EXPORT_COLUMNS], data }, { quotes: false, newline: '\r\n' });
}
