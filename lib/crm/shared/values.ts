/**
 * Reading loosely typed CRM JSON into the Deal model's shapes. Every adapter reads through these so
 * "missing" means the same thing everywhere: null, never 0, never an empty string.
 */
import { isValidDate, toIsoDate } from '../../dates';
import type { FieldValue, IsoDate, Timestamp } from '../../model';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Json {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty trimmed string, or null. Numbers are accepted (ids often come as numbers). */
export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A finite number; numeric strings ("12500.00") are read too. Empty or missing is null, never 0. */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** true/false from booleans and the string forms CRMs use ("true", "1"); null when unknown. */
export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return null;
}

/** A money amount: a non-negative finite number, else null ("unknown", DESIGN §3). */
export function amount(value: unknown): number | null {
  const n = num(value);
  return n !== null && n >= 0 ? n : null;
}

/** An ISO 4217 code, upper-cased; null when absent or not three letters. */
export function currencyCode(value: unknown): string | null {
  const s = str(value)?.toUpperCase() ?? null;
  return s !== null && /^[A-Z]{3}$/.test(s) ? s : null;
}

/** A probability as a 0..1 share, from either a percentage (0..100) or a share; null when unknown. */
export function share(value: unknown, scale: 'percent' | 'fraction'): number | null {
  const n = num(value);
  if (n === null) return null;
  const p = scale === 'percent' ? n / 100 : n;
  return p >= 0 && p <= 1 ? p : null;
}

/**
 * A calendar date (`YYYY-MM-DD`). A close date has no time zone, so when a CRM sends it with a
 * time part ("2024-05-01T00:00:00Z", Dynamics audit values) the calendar part is kept as written.
 */
export function calendarDate(value: unknown): IsoDate | null {
  const s = str(value);
  if (s === null) return null;
  const day = s.slice(0, 10);
  return isValidDate(day) ? day : null;
}

/**
 * A date-time property that stands for a calendar date but is stored as an instant (HubSpot
 * `closedate`): the UTC calendar day of that instant (lib/dates rule; at most a day off far from UTC).
 */
export function calendarDateOfInstant(value: unknown): IsoDate | null {
  const t = instant(value);
  if (t === null) return null;
  return t.length === 10 ? t : toIsoDate(t);
}

/**
 * An instant as ISO 8601. Accepts ISO strings (any offset, also Salesforce's `+0000`), the
 * `YYYY-MM-DD HH:MM:SS` UTC form of Pipedrive v1, epoch milliseconds (numbers or digit strings, as
 * HubSpot history timestamps can be) and plain calendar dates. null when unreadable.
 */
export function instant(value: unknown): Timestamp | null {
  if (typeof value === 'number' && Number.isFinite(value)) return epochInstant(value);
  const s = str(value);
  if (s === null) return null;
  if (/^\d{12,}$/.test(s)) return epochInstant(Number(s));
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2})?)$/.exec(s);
  if (spaced) return isValidDate(spaced[1]!) && !Number.isNaN(Date.parse(`${spaced[1]}T${spaced[2]}Z`)) ? `${spaced[1]}T${spaced[2]}${spaced[3] ? '' : ':00'}Z` : null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isValidDate(s) ? s : null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  // Date.parse rolls 2017-02-30 over to March: check the calendar day itself too.
  return Number.isNaN(Date.parse(s)) || !isValidDate(s.slice(0, 10)) ? null : s;
}

/** Epoch milliseconds as ISO 8601; null outside years 0000-9999 (1e308 would make toISOString throw). */
function epochInstant(ms: number): Timestamp | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** A raw CRM value for `deal.fields`: scalars kept, objects and arrays left out (null). */
export function fieldValue(value: unknown): FieldValue | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return undefined;
}

/** Copy every scalar property of a CRM record into `fields`, by its API name. */
export function scalarFields(record: Json, skip: (key: string) => boolean = () => false): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip(key)) continue;
    const v = fieldValue(value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Case-insensitive header lookup (the io may keep the server's casing). */
export function header(headers: Record<string, string>, name: string): string | null {
  const want = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === want) return value;
  return null;
}
