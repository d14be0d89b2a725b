/**
 * All date math in Deal Coach goes through here (DESIGN §3).
 * A close date is a calendar date (`YYYY-MM-DD`, no zone); a timestamp is an instant.
 * We count in whole UTC days: an instant belongs to its UTC calendar day. That is at most
 * one day off for a rep far from UTC, which no coaching threshold is sensitive to.
 */
// Plain strings here: lib/model/dates validates with these helpers, so it cannot be imported back.
/** `YYYY-MM-DD` */
type IsoDate = string;
/** An ISO 8601 date or date-time. */
type Timestamp = string;

const DAY_MS = 86_400_000;

export interface Period {
  /** Inclusive. */
  start: IsoDate;
  /** Exclusive. */
  end: IsoDate;
  label: string;
}

/** Day number of a `YYYY-MM-DD` calendar date; NaN for 2017-02-30 and friends (no rolling over). */
function calendarDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return NaN;
  const ms = Date.UTC(y, mo - 1, d);
  return new Date(ms).getUTCDate() === d ? ms / DAY_MS : NaN;
}

/** Day number since 1970-01-01 (UTC) of a calendar date or an instant; NaN when unparseable. */
export function dayNumber(value: Timestamp): number {
  if (value.length === 10) return calendarDay(value);
  // Date.parse rolls 2017-02-30T10:00Z over to 2 March: the calendar part must be a real date too.
  if (value.length < 10 || Number.isNaN(calendarDay(value.slice(0, 10)))) return NaN;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? NaN : Math.floor(ms / DAY_MS);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Timestamp, b: Timestamp): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(date: Timestamp, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The calendar date of an instant, in UTC. */
export function toIsoDate(value: Date | Timestamp): IsoDate {
  return typeof value === 'string' ? fromDayNumber(dayNumber(value)) : value.toISOString().slice(0, 10);
}

export function isValidDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(dayNumber(value));
}

/** US-style `M/D/YYYY` (CRM report exports, the Maven dataset) to `YYYY-MM-DD`; null when not one. */
export function parseUsDate(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

export function quarterOf(date: Timestamp): string {
  const iso = toIsoDate(date);
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
  return `${iso.slice(0, 4)}-Q${q}`;
}

/** `2017-Q2`, `2017-05`, `2017` or `2017-01-01..2017-04-01` (end exclusive). null when not understood. */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})-?Q([1-4])$/i.exec(t);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const start = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const end = q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    return { start, end, label: `${y}-Q${q}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const end = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    return { start: `${t}-01`, end, label: t };
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return { start: `${t}-01-01`, end: `${Number(t) + 1}-01-01`, label: t };
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m && isValidDate(m[1]!) && isValidDate(m[2]!) && m[1]! < m[2]!) return { start: m[1]!, end: m[2]!, label: t };
  return null;
}

export function quarterPeriod(label: string): Period {
  const p = parsePeriod(label);
  if (!p) throw new Error(`not a quarter: ${label}`);
  return p;
}

/** Whether a date or instant falls in [start, end). */
export function inPeriod(value: Timestamp, period: Period): boolean {
  const d = dayNumber(value);
  return d >= dayNumber(period.start) && d < dayNumber(period.end);
}
