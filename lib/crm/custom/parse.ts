/**
 * Reading one value shown by a CRM (a cell, a field, a JSON property) with the parser a profile
 * chose for it. Built on the CSV import's readers (lib/import/values.ts: money with either decimal
 * mark and currency symbols, M/D/YYYY, D/M/YYYY, YYYY-MM-DD, probabilities, yes/no); adds dates
 * with month names and the stage map. Unknown stays unknown: an empty or placeholder value is
 * `empty`, a value that cannot be read is `unparsed` with the reason, never a guess. Zod-free.
 *
 * Month names: English, German, French, Spanish, Italian, Dutch and Portuguese, full and usual
 * abbreviations, with or without a trailing dot (`7 Mar 2026`, `March 7, 2026`, `7. März 2026`,
 * `7 mars 2026`, `7 de marzo de 2026`, `Sat, 7 Mar 2026`, `7th March 2026`).
 */
import { addDays, isValidDate, toIsoDate } from '../../dates';
import { readCurrency, readDate, readFlag, readMoney, readProbability, type DecimalMark } from '../../import/values';
import type { CustomDateFormat, CustomStageCategory } from './fields';
import { labelKey } from './text';

export type ParserSpec =
  | { kind: 'text' }
  | { kind: 'money'; decimal: DecimalMark; currency?: string | undefined }
  | { kind: 'number'; decimal: DecimalMark }
  | { kind: 'percent'; decimal: DecimalMark; scale: 'percent' | 'fraction' }
  | { kind: 'date'; format: CustomDateFormat }
  | { kind: 'enum'; map: ReadonlyArray<{ text: string; category: CustomStageCategory }>; otherwise?: CustomStageCategory | undefined }
  | { kind: 'currency' }
  | { kind: 'flag' };

export interface MoneyValue {
  amount: number;
  /** ISO code the text named, else the parser's default currency, else null. */
  currency: string | null;
  /** Whether the code came from the text itself. */
  currencyFromText: boolean;
}

export interface StageValue {
  name: string;
  category: CustomStageCategory | null;
}

export type ParsedValue = string | number | boolean | MoneyValue | StageValue;

export type ParseResult = { status: 'ok'; value: ParsedValue } | { status: 'empty' } | { status: 'unparsed'; message: string };

/** What CRMs show for "no value". Compared trimmed and lower-cased. */
const PLACEHOLDERS = new Set(['', '-', '--', '---', '—', '–', '‒', '―', 'n/a', '(none)', '(empty)', '(blank)', '(leer)', '(aucun)']);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase());
}

const MONTHS: ReadonlyArray<[number, readonly string[]]> = [
  [1, ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro']],
  [2, ['february', 'feb', 'febr', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'februari', 'fevereiro']],
  [3, ['march', 'mar', 'marz', 'mrz', 'mars', 'marzo', 'maart', 'mrt', 'marco']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'sett', 'settembre', 'setembro']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [12, ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'dezembro']],
];
const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));

/** Words between the parts of a written date: `7 de marzo de 2026`, `7th of March 2026`. */
const FILLERS = new Set(['de', 'del', 'of', 'the']);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A date written with a month name, day first or month first; null when it is not one. */
export function readMonthNameDate(text: string): string | null {
  let t = fold(text).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  // A leading weekday followed by a comma: `Sat, 7 Mar 2026`, `Samstag, 7. März 2026`.
  const weekday = /^([a-z]+)\.?, (.*)$/.exec(t);
  if (weekday && !MONTH_BY_NAME.has(weekday[1]!)) t = weekday[2]!;
  // A time after the date is ignored: `7 Mar 2026 10:21`, `March 7, 2026, 4:00 PM`.
  t = t.replace(/,?\s+(um\s+|a las\s+|at\s+|a\s+|à\s+)?\d{1,2}[:h.]\d{2}.*$/, '');
  const tokens = t
    .split(/[\s,/-]+/)
    .map((token) => token.replace(/\.$/, ''))
    .filter((token) => token !== '' && !FILLERS.has(token));
  if (tokens.length !== 3) return null;
  const day = (token: string) => {
    const m = /^(\d{1,2})(st|nd|rd|th|er|e|o|º|°)?$/.exec(token);
    return m ? Number(m[1]) : null;
  };
  let d: number | null;
  let month: number | undefined;
  const [a, b, c] = tokens as [string, string, string];
  if (!/^\d{4}$/.test(c)) return null;
  if (MONTH_BY_NAME.has(b)) {
    d = day(a);
    month = MONTH_BY_NAME.get(b);
  } else if (MONTH_BY_NAME.has(a)) {
    d = day(b);
    month = MONTH_BY_NAME.get(a);
  } else return null;
  if (d === null || month === undefined) return null;
  const iso = `${c}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['heute', 0],
  ["aujourd'hui", 0],
  ['hoy', 0],
  ['oggi', 0],
  ['vandaag', 0],
  ['hoje', 0],
  ['yesterday', -1],
  ['gestern', -1],
  ['hier', -1],
  ['ayer', -1],
  ['ieri', -1],
  ['gisteren', -1],
  ['ontem', -1],
  ['tomorrow', 1],
  ['morgen', 1],
  ['demain', 1],
  ['manana', 1],
  ['domani', 1],
  ['amanha', 1],
]);

/**
 * A calendar date in the profile's format. ISO dates and month-name dates are unambiguous and read
 * whatever the format; `today`, `yesterday`, `tomorrow` (and their translations) count from `now`.
 * M/D against D/M is never decided here: the profile says which.
 */
export function readCustomDate(text: string, format: CustomDateFormat, now: string): string | null {
  const t = text.trim();
  const relative = RELATIVE_DAYS.get(fold(t).replace(/[\s,].*$/, ''));
  if (relative !== undefined && /^[\p{L}']+(?:[\s,]+\d{1,2}[:h.]\d{2}.*)?$/u.test(t)) return addDays(toIsoDate(now), relative);
  if (format !== 'month-name') {
    const read = readDate(t, format);
    if (read) return read;
  }
  const iso = readDate(t, 'YYYY-MM-DD');
  if (iso) return iso;
  return readMonthNameDate(t);
}

function decimalName(decimal: DecimalMark): string {
  return decimal === '.' ? 'a decimal point' : 'a decimal comma';
}

/** `$1.2M`, `12k`: shortened amounts are rounded, so they are not read. */
const ABBREVIATED = /\d\s*(k|m|mm|mio|mn|bn|b|tsd)\.?\s*(€|\$|£|¥|[A-Z]{3})?$/i;

export function parseText(raw: string, parser: ParserSpec, now: string): ParseResult {
  const text = raw.trim();
  if (isPlaceholder(text)) return { status: 'empty' };
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  switch (parser.kind) {
    case 'text':
      return { status: 'ok', value: text };
    case 'money': {
      const money = readMoney(text, parser.decimal);
      if (money === null) return { status: 'empty' };
      if (money === undefined) {
        if (ABBREVIATED.test(text)) return { status: 'unparsed', message: `"${shown}" is a shortened amount; map the field that shows the full amount` };
        return { status: 'unparsed', message: `"${shown}" is not an amount written with ${decimalName(parser.decimal)}` };
      }
      return { status: 'ok', value: { amount: money.value, currency: money.currency ?? parser.currency ?? null, currencyFromText: money.currency !== null } };
    }
    case 'number': {
      const n = readMoney(text, parser.decimal);
      if (n === null) return { status: 'empty' };
      if (n === undefined || n.currency !== null) return { status: 'unparsed', message: `"${shown}" is not a number written with ${decimalName(parser.decimal)}` };
      return { status: 'ok', value: n.value };
    }
    case 'percent': {
      const p = readProbability(text.replace(/\s*%$/, '%'), parser.scale, parser.decimal);
      if (p === null) return { status: 'empty' };
      if (p === undefined) return { status: 'unparsed', message: `"${shown}" is not a percentage between 0 and 100${parser.scale === 'fraction' ? ' (or a share between 0 and 1)' : ''}` };
      return { status: 'ok', value: p };
    }
    case 'date': {
      const d = readCustomDate(text, parser.format, now);
      if (!d) return { status: 'unparsed', message: `"${shown}" is not a date in the format ${parser.format}` };
      return { status: 'ok', value: d };
    }
    case 'enum': {
      const key = labelKey(text);
      const hit = parser.map.find((entry) => labelKey(entry.text) === key);
      const category = hit?.category ?? parser.otherwise ?? null;
      if (category === null) return { status: 'unparsed', message: `the stage "${shown}" is not in the stage map: say whether it is open, won or lost` };
      return { status: 'ok', value: { name: text, category } };
    }
    case 'currency': {
      const code = readCurrency(text);
      if (code === null) return { status: 'empty' };
      if (code === undefined) return { status: 'unparsed', message: `"${shown}" does not name one currency (write the ISO code, like EUR)` };
      return { status: 'ok', value: code };
    }
    case 'flag': {
      const flag = readFlag(text);
      if (flag === null) return { status: 'empty' };
      if (flag === undefined) return { status: 'unparsed', message: `"${shown}" is not yes or no` };
      return { status: 'ok', value: flag };
    }
  }
}

/**
 * A JSON value from an endpoint: numbers and booleans are taken as they are (a percentage by the
 * parser's scale), strings go through `parseText`, objects and arrays are not values.
 */
export function parseJsonValue(value: unknown, parser: ParserSpec, now: string): ParseResult {
  if (value === null || value === undefined) return { status: 'empty' };
  if (typeof value === 'string') return parseText(value, parser, now);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { status: 'unparsed', message: 'not a finite number' };
    switch (parser.kind) {
      case 'money':
        return { status: 'ok', value: { amount: value, currency: parser.currency ?? null, currencyFromText: false } };
      case 'number':
        return { status: 'ok', value };
      case 'percent': {
        const p = parser.scale === 'percent' ? value / 100 : value;
        return p >= 0 && p <= 1 ? { status: 'ok', value: p } : { status: 'unparsed', message: `${value} is not a ${parser.scale === 'percent' ? 'percentage between 0 and 100' : 'share between 0 and 1'}` };
      }
      case 'date':
        return { status: 'unparsed', message: `${value} is a number, not a date (expected a date string)` };
      default:
        return parseText(String(value), parser, now);
    }
  }
  if (typeof value === 'boolean') {
    if (parser.kind === 'flag' || parser.kind === 'text') return { status: 'ok', value: parser.kind === 'flag' ? value : String(value) };
    return { status: 'unparsed', message: `${value} is yes/no, not a ${parser.kind}` };
  }
  return { status: 'unparsed', message: Array.isArray(value) ? 'a list, not a single value' : 'an object, not a single value' };
}
