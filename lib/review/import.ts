/**
 * CSV report exports into the review: a preview (first rows, detected preset, suggested or
 * remembered mapping) before anything is imported, then the full import to Deals through
 * lib/import. Pure; the review page runs `importForReview` in a Web Worker.
 */
import { latestDate } from '../cli/latest-date';
import {
  ColumnMapping,
  detectPreset,
  exportFormatKey,
  parseCsv,
  parseCsvSync,
  parseTeams,
  presetLabel,
  presetMapping,
  rowsToDeals,
  suggestMapping,
  type DataQualityReport,
  type Delimiter,
  type PresetId,
} from '../import';
import { findColumn } from '../import/mapping';
import type { Deal } from '../model';

export type CsvKind = 'pipeline' | 'teams';

/** A companion sales_teams.csv (sales_agent, manager) rather than a deals export. */
export function csvKind(header: readonly string[]): CsvKind {
  const has = (c: string) => findColumn(header, c) >= 0;
  return has('sales_agent') && has('manager') && !has('opportunity_id') ? 'teams' : 'pipeline';
}

export interface CsvPreview {
  header: string[];
  /** The first data rows, for the mapping preview. */
  rows: string[][];
  delimiter: Delimiter;
  preset: PresetId | null;
  presetLabel: string | null;
  /** Key of "this export format", to remember its mapping. */
  formatKey: string;
  /** The preset's mapping, else one suggested from header names and values. */
  mapping: ColumnMapping;
  kind: CsvKind;
}

const PREVIEW_CHARS = 128 * 1024;

/** Header, first rows and a mapping, from the start of the text (cheap on a 50,000-row file). */
export function previewCsv(text: string, rowsShown = 8): CsvPreview {
  let head = text.slice(0, PREVIEW_CHARS);
  // Drop a last line that may be cut in the middle (a quoted newline can only shorten the preview).
  if (head.length < text.length) head = head.slice(0, Math.max(head.lastIndexOf('\n'), 0));
  const parsed = parseCsvSync(head);
  const preset = detectPreset(parsed.header);
  const mapping = preset ? presetMapping(preset, parsed.header) : suggestMapping(parsed.header, parsed.rows.slice(0, 200));
  return {
    header: parsed.header,
    rows: parsed.rows.slice(0, rowsShown),
    delimiter: parsed.delimiter,
    preset,
    presetLabel: preset ? presetLabel(preset) : null,
    formatKey: exportFormatKey(parsed.header),
    mapping,
    kind: csvKind(parsed.header),
  };
}

export interface ReviewImport {
  deals: Deal[];
  quality: DataQualityReport;
  /** Owner name → team (manager), from the teams file or the team column. */
  teams: Record<string, string>;
  /** The export's "now": its latest created/closed date. */
  asOf: string;
}

export interface ImportOptions {
  source: string;
  /** A companion sales_teams.csv. */
  teamsText?: string;
  onProgress?: (stage: 'parse' | 'deals', fraction: number) => void;
  /** Fallback "now" when the file has no dates at all. */
  today: string;
}

export async function importForReview(text: string, mappingInput: unknown, options: ImportOptions): Promise<ReviewImport> {
  const mapping = ColumnMapping.parse(mappingInput);
  const parsed = await parseCsv(text, { onProgress: (f) => options.onProgress?.('parse', f) });
  const teams = options.teamsText ? parseTeams(options.teamsText).teams : undefined;
  // An export describes the day it was taken: measure ages and overdue dates from its latest date.
  const result = rowsToDeals(parsed, mapping, { crm: 'csv', source: options.source, teams, today: '9999-12-31', onProgress: (f) => options.onProgress?.('deals', f) });
  const asOf = latestDate(result.deals) ?? options.today;
  const teamByOwner: Record<string, string> = {};
  for (const d of result.deals) {
    if (d.owner.name in teamByOwner) continue;
    const team = result.teamOf(d.owner.name);
    if (team) teamByOwner[d.owner.name] = team;
  }
  return { deals: result.deals, quality: result.quality, teams: teamByOwner, asOf };
}
