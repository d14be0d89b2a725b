/**
 * A JSON body as a source of raw values, for profiles that read the CRM's own JSON endpoint:
 * `{by:'json', path:'data.deal.amount'}` locators, arrays for lists, `{key}` columns in their items.
 * Paths are dotted, with indexes as `items.0` or `items[0]`; only own properties are followed.
 * Zod-free.
 */
import type { RawRead, RawValue, RowsRead, ValueSource } from './draft';
import { parseJsonValue } from './parse';

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** The value at a dotted path; `undefined` when the path does not exist. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else if (typeof current === 'object' && current !== null && hasOwn(current, part)) {
      current = (current as Record<string, unknown>)[part];
    } else return undefined;
  }
  return current;
}

function scalar(value: unknown, path: string): RawRead {
  if (value === undefined) return { ok: false, message: `the response has nothing at ${path}` };
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { ok: true, raw: value as RawValue };
  return { ok: false, message: `${path} is ${Array.isArray(value) ? 'a list' : 'an object'}, not a single value; point at one of its properties` };
}

export function jsonSource(body: unknown): ValueSource<unknown> {
  return {
    value(_field, locator) {
      if (locator.by !== 'json') return { ok: false, message: 'this profile reads a JSON endpoint; a place on the page cannot be read here' };
      return scalar(valueAtPath(body, locator.path), locator.path);
    },
    rows(_list, region): RowsRead<unknown> {
      if (region.by !== 'json') return { ok: false, message: 'this profile reads a JSON endpoint; a place on the page cannot be read here' };
      const list = valueAtPath(body, region.path);
      if (list === undefined || list === null) return { ok: false, message: `the response has no list at ${region.path}` };
      if (!Array.isArray(list)) return { ok: false, message: `${region.path} is not a list` };
      return { ok: true, rows: list };
    },
    cell(row, _role, column) {
      if (!('key' in column)) return { ok: false, message: 'name the key of the item (JSON endpoint)' };
      const value = valueAtPath(row, column.key);
      if (value === undefined) return { ok: true, raw: null };
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ok: true, raw: value.join(', ') };
      return scalar(value, column.key);
    },
    parse: (raw, parser, now) => parseJsonValue(raw, parser, now),
  };
}
