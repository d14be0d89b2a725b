/**
 * The texts a content script read from a page (read-raw.ts), as a source for the draft builder: the
 * background parses them with the profile (amounts, dates, stage map, roles). Zod-free and pure.
 */
import type { RecordRef } from '../../model';
import { readDraft, type ColumnRole, type DealReading, type RawRead, type ValueSource } from './draft';
import { parseText } from './parse';
import type { CustomCrmProfile } from './profile';
import type { RawList, RawPageReading } from './read-raw';

interface RawRow {
  cells: Partial<Record<ColumnRole, string | null>>;
  columnErrors: Partial<Record<ColumnRole, string>>;
}

function own<T>(record: Partial<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function rawSource(raw: RawPageReading): ValueSource<RawRow> {
  return {
    value(field): RawRead {
      const text = own(raw.fields, field);
      if (!text) return { ok: false, message: 'not read from the page' };
      return text.ok ? { ok: true, raw: text.text } : { ok: false, message: text.message };
    },
    rows(list) {
      const found: RawList | undefined = own(raw.lists, list);
      if (!found) return { ok: false, message: 'not read from the page' };
      if (!found.ok) return { ok: false, message: found.message };
      return { ok: true, rows: found.rows.map((cells) => ({ cells, columnErrors: found.columnErrors })) };
    },
    cell(row, role): RawRead {
      const error = own(row.columnErrors, role);
      if (error !== undefined) return { ok: false, message: error };
      return { ok: true, raw: own(row.cells, role) ?? null };
    },
    parse: (value, parser, now) => parseText(value === null ? '' : String(value), parser, now),
  };
}

/** The deal draft and report from a page's raw texts. */
export function draftFromRaw(raw: RawPageReading, profile: CustomCrmProfile, ref: RecordRef, now: string): DealReading {
  return readDraft(rawSource(raw), profile, ref, now);
}
