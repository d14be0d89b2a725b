/**
 * Reading one CSV cell as a number, date, probability or yes/no, by the export's conventions.
 * Each reader returns `null` for an empty cell and `undefined` for a cell it cannot read, so the
 * import can count unreadable values instead of guessing.
 *
 * Dates: `M/D/YYYY` goes through `parseUsDate` (lib/dates). `D/M/YYYY` and `YYYY-MM-DD` are read by
 * the two private helpers below, which only reorder the parts and leave validation to lib/dates.
 */
import { isValidDate, parseUsDate } from '../dates';
import type { IsoDate } from '../model';

export type DateFormat = 'M/D/YYYY' | 'D/M/YYYY' | 'YYYY-MM-DD';
export const DATE_FORMATS: readonly DateFormat[] = ['M/D/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];
export type DecimalMark = '.' | ',';

/** Read a cell as a calendar date. A time after the date (`3/15/2024 10:21 AM`, `2024-03-15 14:03`) is ignored. */
export function readDate(text: string, format: DateFormat): IsoDate | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const parsed = format === 'YYYY-MM-DD' ? readYmd(t) : readDayMonth(t, format);
  return parsed ?? undefined;
}

/** `M/D/YYYY` or `D/M/YYYY`, with `/`, `.` or `-` between the parts. */
function readDayMonth(text: string, format: 'M/D/YYYY' | 'D/M/YYYY'): IsoDate | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,].*)?$/.exec(text);
  if (!m) return null;
  const [month, day] = format === 'M/D/YYYY' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return parseUsDate(`${month}/${day}/${m[3]!}`);
}

/** `YYYY-MM-DD` (also `YYYY/M/D`), optionally followed by a time. */
function readYmd(text: string): IsoDate | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]!}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

/**
 * The first format (M/D/YYYY, D/M/YYYY, YYYY-MM-DD) that reads every non-empty sample; null when none does.
 * A sample like `25/3/2024` rules out M/D; when every day is ≤ 12 (`3/4/2024`) nothing tells M/D from D/M
 * and US order wins (the Maven and US Salesforce default), so a caller should let the user confirm.
 */
export function detectDateFormat(samples: readonly string[]): DateFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  const readable = DATE_FORMATS.filter((f) => values.every((v) => readDate(v, f) !== undefined));
  if (readable.length === 0) return null;
  return readable[0]!;
}

export interface Money {
  value: number;
  /** ISO code written in the cell (`EUR 1.234,50`, `1 234,50 €`), when it says one unambiguously. */
  currency: string | null;
}

/** Symbols that name one currency. `$`, `¥` and `kr` are shared by several: stripped, but give no code. */
const CURRENCY_SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/US\$/, 'USD'],
  [/CA\$|C\$/, 'CAD'],
  [/AU\$|A\$/, 'AUD'],
  [/NZ\$/, 'NZD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₹/, 'INR'],
  [/₩/, 'KRW'],
  [/₪/, 'ILS'],
  [/₺/, 'TRY'],
  [/₽/, 'RUB'],
  [/R\$/, 'BRL'],
];

/**
 * Read an amount written with `decimal` as the decimal mark: currency symbols or codes, spaces
 * and the other mark as thousands separator are stripped (`1.234,50 €` → 1234.5 with `,`).
 * Thousands groups must have three digits, so `1,5` read with `.` is unreadable rather than 15.
 */
export function readMoney(text: string, decimal: DecimalMark): Money | null | undefined {
  let t = text.trim();
  if (t === '') return null;
  if (decimal === '.' && /^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(t)) return { value: Number(t), currency: null }; // 1.2E+05 from a spreadsheet

  let currency: string | null = null;
  const code = /(?:^|[^A-Za-z])([A-Z]{3})(?:$|[^A-Za-z])/.exec(t);
  if (code) {
    currency = code[1]!;
    t = t.replace(currency, '');
  } else {
    for (const [re, iso] of CURRENCY_SYMBOLS) {
      if (re.test(t)) {
        currency = iso;
        t = t.replace(re, '');
        break;
      }
    }
  }
  // Only symbols and spaces (incl. no-break and thin spaces) go; any other letter makes the cell unreadable.
  t = t.replace(/kr\.?/gi, '').replace(/[$¥\s\u00a0\u2009\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  const thousands = decimal === '.' ? ',' : '.';
  // Apostrophes group thousands in Swiss exports.
  t = t.replace(/['’]/g, thousands);
  const number = decimal === '.'
    ? /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t)
    : /^(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?$/.exec(t);
  if (!number) return undefined;
  const whole = number[1]!.split(thousands).join('');
  const frac = number[2] ? `.${number[2].slice(1)}` : '';
  const value = Number(whole + frac);
  if (!Number.isFinite(value)) return undefined;
  return { value: negative ? -value : value, currency };
}

/** `.` or `,` as the decimal mark, judged from amount samples; null when nothing tells them apart. */
export function detectDecimalMark(samples: readonly string[]): DecimalMark | null {
  let dot = 0;
  let comma = 0;
  for (const s of samples) {
    const t = s.replace(/[^\d.,]/g, '');
    if (t === '') continue;
    const okDot = readMoney(s, '.') !== undefined;
    const okComma = readMoney(s, ',') !== undefined;
    if (okDot && !okComma) dot++;
    else if (okComma && !okDot) comma++;
    // `1,234` or `1.234` read both ways; a two-digit fraction is the tell.
    else if (/[.]\d{1,2}$/.test(t)) dot++;
    else if (/,\d{1,2}$/.test(t)) comma++;
  }
  if (dot === comma) return null;
  return dot > comma ? '.' : ',';
}

export type ProbabilityScale = 'percent' | 'fraction';

/** A probability as 0..1. A `%` sign always means percent; otherwise the column's scale decides. */
export function readProbability(text: string, scale: ProbabilityScale, decimal: DecimalMark): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const percent = t.endsWith('%') || scale === 'percent';
  const money = readMoney(t.replace('%', ''), decimal);
  if (!money || money.currency) return undefined;
  const p = percent ? money.value / 100 : money.value;
  return p >= 0 && p <= 1 ? p : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'checked', 'wahr', 'oui', 'ja', 'sí', 'si']);
const FALSE = new Set(['false', 'no', 'n', '0', 'unchecked', 'falsch', 'non', 'nein']);

/** A checkbox cell (`1`/`0`, `true`/`false`, `Yes`/`No`). */
export function readFlag(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

/** Currency column text to an ISO code: `usd` → `USD`, `€` → `EUR`; undefined when it names none. */
export function readCurrency(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  for (const [re, iso] of CURRENCY_SYMBOLS) if (re.test(t)) return iso;
  return undefined;
}
