/**
 * How the columns of one export format become Deal fields (DESIGN §7 "column mapping with preview").
 * A ColumnMapping is plain data, validated by zod, so settings can remember one per export format
 * (key: {@link exportFormatKey}).
 */
import { z } from 'zod';
import { StageCategory } from '../model';
import { PRESETS, type PresetDefinition, type PresetId } from './presets';
import { compactName, nameSimilarity, normalizeName } from './similarity';
import { DATE_FORMATS, detectDateFormat, detectDecimalMark, readMoney, type DateFormat } from './values';

/** Deal fields a CSV column can fill. */
export const DEAL_FIELDS = [
  'id',
  'name',
  'owner',
  'account',
  'stage',
  'amount',
  'currency',
  'createdAt',
  'closeDate',
  'closedAt',
  'product',
  'nextStep',
  'probability',
  /** The owner's manager or team name (Maven: from sales_teams.csv instead). */
  'team',
  'forecastCategory',
  /** "New Business" / "Existing Business" (Salesforce Type, HubSpot Deal Type) → isNewBusiness. */
  'dealType',
  /** Checkbox columns that say won / closed when the stage name is not in the stage map (Salesforce Won, Closed). */
  'won',
  'closed',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

const Header = z.string().min(1);

/** Deal field → header name, as written in the file. */
export const ColumnMap = z.object({
  id: Header.optional(),
  name: Header.optional(),
  owner: Header.optional(),
  account: Header.optional(),
  stage: Header.optional(),
  amount: Header.optional(),
  currency: Header.optional(),
  createdAt: Header.optional(),
  closeDate: Header.optional(),
  closedAt: Header.optional(),
  product: Header.optional(),
  nextStep: Header.optional(),
  probability: Header.optional(),
  team: Header.optional(),
  forecastCategory: Header.optional(),
  dealType: Header.optional(),
  won: Header.optional(),
  closed: Header.optional(),
});
export type ColumnMap = z.infer<typeof ColumnMap>;

export const StageRule = z.object({
  category: StageCategory,
  /** Position in the sales process (0 = first); won and lost share the last. */
  order: z.number().int().nonnegative().nullish(),
  /** Taken from the stage's name by {@link guessStageCategory}, not confirmed by a person. */
  guessed: z.boolean().optional(),
});
export type StageRule = z.infer<typeof StageRule>;

export const ColumnMapping = z
  .object({
    /** The preset this mapping started from, if any. */
    preset: z.string().nullable().default(null),
    columns: ColumnMap,
    /** Header names copied verbatim into `deal.fields` (for playbook questions). */
    extraFields: z.array(Header).default([]),
    /** Stage text → category and order. Looked up case-insensitively. */
    stages: z.record(z.string(), StageRule).default({}),
    dateFormat: z.enum(DATE_FORMATS).default('M/D/YYYY'),
    /** Decimal mark of amounts; the other mark, spaces and currency symbols are stripped. */
    decimal: z.enum(['.', ',']).default('.'),
    /** A probability without `%`: `percent` reads 20 as 20 %, `fraction` reads 0.2 as 20 %. */
    probabilityScale: z.enum(['percent', 'fraction']).default('percent'),
    /** Currency when the file has no currency column and the amounts name none. */
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
    /** A lost deal exported with amount 0 has an unknown amount (DESIGN §3): import it as null. */
    lostZeroAmountIsUnknown: z.boolean().default(true),
  })
  .superRefine((m, ctx) => {
    const seen = new Map<string, string>();
    for (const name of Object.keys(m.stages)) {
      const key = stageKey(name);
      const other = seen.get(key);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['stages', name], message: `stage "${name}" is also mapped as "${other}"` });
      seen.set(key, name);
    }
  });
export type ColumnMapping = z.infer<typeof ColumnMapping>;
export type ColumnMappingInput = z.input<typeof ColumnMapping>;

export function stageKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The stage rule for a stage text, case-insensitively; undefined when the mapping does not know it. */
export function stageRule(mapping: Pick<ColumnMapping, 'stages'>, name: string): StageRule | undefined {
  const exact = mapping.stages[name];
  if (exact) return exact;
  const key = stageKey(name);
  for (const [k, rule] of Object.entries(mapping.stages)) if (stageKey(k) === key) return rule;
  return undefined;
}

/** A key for "this export format" (same columns, any order), to remember its mapping in settings. */
export function exportFormatKey(header: readonly string[]): string {
  return [...new Set(header.map(normalizeName).filter((h) => h !== ''))].sort().join('|');
}

/** The index of a header name in `header`: exact first, then ignoring case, spaces and punctuation. */
export function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const n = normalizeName(name);
  return header.findIndex((h) => normalizeName(h) === n);
}

// ---------------------------------------------------------------------------------------------
// Presets

/** The preset whose required columns are all in the header; null for an unknown export. */
export function detectPreset(header: readonly string[]): PresetId | null {
  const names = new Set(header.map(normalizeName));
  const found = PRESETS.find((p) => p.requires.every((r) => names.has(normalizeName(r))));
  return found?.id ?? null;
}

/** A preset's mapping; with a header, only its columns that the file has, spelled as the file spells them. */
export function presetMapping(id: PresetId, header?: readonly string[]): ColumnMapping {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset: ${id}`);
  const columns: ColumnMap = {};
  const used = new Set<number>();
  for (const field of DEAL_FIELDS) {
    const candidates = preset.columns[field];
    if (!candidates) continue;
    if (!header) {
      columns[field] = candidates[0];
      continue;
    }
    for (const c of candidates) {
      const i = findColumn(header, c);
      if (i >= 0 && !used.has(i)) {
        columns[field] = header[i];
        used.add(i);
        break;
      }
    }
  }
  return ColumnMapping.parse({
    preset: id,
    columns,
    extraFields: header ? unmappedHeaders(header, columns) : [],
    stages: preset.stages,
    dateFormat: preset.dateFormat,
    decimal: preset.decimal,
    probabilityScale: preset.probabilityScale,
    defaultCurrency: preset.defaultCurrency,
  });
}

export function presetLabel(id: string): string {
  return PRESETS.find((p) => p.id === id)?.label ?? id;
}

// ---------------------------------------------------------------------------------------------
// Suggestions for an unknown export

/**
 * Header names (as people and APIs write them) that usually hold each field. A leading `~` marks a
 * vague name (`Status`, `Value`) that counts less than a specific one, so `Opportunity Stage` beats `Status`.
 */
const SYNONYMS: Record<DealField, string[]> = {
  id: ['opportunity id', 'record id', 'deal id', 'id', 'opportunityid', 'hs object id', 'deal number', 'opportunity number'],
  name: ['opportunity name', 'deal name', 'name', 'dealname', '~opportunity', '~deal', '~title', '~subject'],
  owner: ['opportunity owner', 'deal owner', 'owner', 'owner name', 'sales agent', 'sales rep', 'salesperson', 'account executive', 'rep', 'assigned to', '~user'],
  account: ['account name', 'account', 'company', 'company name', 'associated company', 'organization', 'organisation', 'customer', 'client'],
  stage: ['stage', 'deal stage', 'sales stage', 'dealstage', 'opportunity stage', 'pipeline stage', '~status', '~phase'],
  amount: ['amount', 'deal amount', 'deal value', 'close value', 'opportunity amount', '~value', '~revenue', '~total', '~price'],
  currency: ['currency', 'amount currency', 'currency code', 'deal currency code', 'currencyisocode', 'currency iso code'],
  createdAt: ['created date', 'create date', 'createdate', 'created on', 'date created', 'creation date', 'engage date', 'open date', '~created', '~start date'],
  closeDate: ['close date', 'closedate', 'expected close date', 'closing date', 'estimated close date', 'expected close', '~close'],
  closedAt: ['closed date', 'date closed', 'actual close date', 'closed on', 'won date', 'closed at'],
  product: ['product', 'product name', 'products', 'product family', '~line item', '~series'],
  nextStep: ['next step', 'next steps', 'next action', 'nextstep'],
  probability: ['probability', 'probability %', 'deal probability', 'win probability', 'likelihood', 'hs deal stage probability'],
  team: ['team', 'sales team', 'manager', 'owner role', 'opportunity owner role', 'hubspot team', '~role', '~division', '~territory'],
  forecastCategory: ['forecast category', 'forecastcategory', 'forecast category name', '~forecast'],
  dealType: ['deal type', 'opportunity type', 'dealtype', 'business type', '~type'],
  won: ['won', 'is won', 'iswon', 'is closed won', 'closed won'],
  closed: ['closed', 'is closed', 'isclosed', 'is deal closed'],
};

/** Checkbox columns decide a deal's category, so only an exact name maps them. */
const EXACT_ONLY: ReadonlySet<DealField> = new Set(['won', 'closed']);
const VAGUE = 0.85;

/** How well a header name fits a field: 1 for a listed name, less for a vague or near one, 0 when unrelated. */
export function headerScore(header: string, field: DealField): number {
  const h = normalizeName(header);
  if (h === '') return 0;
  let best = 0;
  for (const listed of SYNONYMS[field]) {
    const vague = listed.startsWith('~');
    const synonym = vague ? listed.slice(1) : listed;
    const weight = vague ? VAGUE : 1;
    if (h === synonym || compactName(h) === compactName(synonym)) {
      best = Math.max(best, weight);
      continue;
    }
    if (EXACT_ONLY.has(field)) continue;
    // Near spellings of longer names (`Oportunity Name`; short ones like State/Stage are too close to call).
    if (compactName(synonym).length >= 6) best = Math.max(best, nameSimilarity(h, synonym) * weight);
    // A listed name plus noise (`Amount (converted)`, `Value (EUR)`): below an exact vague match.
    const words = h.split(' ');
    const synWords = synonym.split(' ');
    if (synWords.every((w) => words.includes(w))) best = Math.max(best, Math.min(VAGUE - 0.01, 0.8 + 0.1 * (synWords.length / words.length)));
  }
  return best;
}

/** Below this, a header is not suggested for a field. */
const MIN_SCORE = 0.78;

export interface HeaderMatch {
  field: DealField;
  header: string;
  score: number;
}

/** Best header per field, each header used once, strongest matches first. */
export function matchHeaders(header: readonly string[]): HeaderMatch[] {
  const candidates: HeaderMatch[] = [];
  for (const h of header) for (const field of DEAL_FIELDS) {
    const score = headerScore(h, field);
    if (score >= MIN_SCORE) candidates.push({ field, header: h, score });
  }
  // Strongest first; among equals, the field listed first in DEAL_FIELDS.
  candidates.sort((a, b) => b.score - a.score || DEAL_FIELDS.indexOf(a.field) - DEAL_FIELDS.indexOf(b.field));
  const fields = new Set<DealField>();
  const headers = new Set<string>();
  const chosen: HeaderMatch[] = [];
  for (const c of candidates) {
    if (fields.has(c.field) || headers.has(c.header)) continue;
    fields.add(c.field);
    headers.add(c.header);
    chosen.push(c);
  }
  return chosen;
}

/**
 * A mapping for a header: the detected preset's, else one matched by header names, with every other
 * column kept as an extra field. With sample rows it also reads the date format, decimal mark and
 * probability scale from the values, and fills unknown stage names with guesses marked `guessed`.
 */
export function suggestMapping(header: readonly string[], sampleRows?: readonly (readonly string[])[]): ColumnMapping {
  const preset = detectPreset(header);
  let mapping: ColumnMapping;
  if (preset) {
    mapping = presetMapping(preset, header);
  } else {
    const columns: ColumnMap = {};
    for (const m of matchHeaders(header)) columns[m.field] = m.header;
    mapping = ColumnMapping.parse({ preset: null, columns, extraFields: unmappedHeaders(header, columns) });
  }
  if (!sampleRows || sampleRows.length === 0) return mapping;
  return refineFromSamples(mapping, header, sampleRows);
}

function refineFromSamples(mapping: ColumnMapping, header: readonly string[], rows: readonly (readonly string[])[]): ColumnMapping {
  const values = (field: DealField): string[] => {
    const name = mapping.columns[field];
    const i = name === undefined ? -1 : findColumn(header, name);
    return i < 0 ? [] : rows.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
  };
  const next: ColumnMapping = { ...mapping, stages: { ...mapping.stages } };
  const dates = [...values('createdAt'), ...values('closeDate'), ...values('closedAt')];
  const dateFormat: DateFormat | null = detectDateFormat(dates);
  if (dateFormat) next.dateFormat = dateFormat;
  const decimal = detectDecimalMark(values('amount'));
  if (decimal) next.decimal = decimal;
  const probabilities = values('probability');
  if (probabilities.length > 0 && !probabilities.some((p) => p.includes('%'))) {
    // A column of 0..1 values is a fraction; any value above 1 means percent (10, 25, 90).
    const anyAboveOne = probabilities.some((p) => (readMoney(p, next.decimal)?.value ?? 0) > 1);
    next.probabilityScale = anyAboveOne ? 'percent' : 'fraction';
  }
  if (!next.columns.won && !next.columns.closed) {
    for (const stage of new Set(values('stage').map((s) => s.trim()))) {
      if (stageRule(next, stage)) continue;
      const category = guessStageCategory(stage);
      if (category) next.stages[stage] = { category, order: null, guessed: true };
    }
  }
  return ColumnMapping.parse(next);
}

/**
 * A stage's category from its name alone: `Closed Won` → won, `Closed Lost` / `Disqualified` → lost,
 * anything without a closing word → open; null for a bare `Closed` (won or lost cannot be told).
 */
export function guessStageCategory(name: string): StageCategory | null {
  const n = normalizeName(name);
  const c = compactName(name);
  if (c.includes('closedlost')) return 'lost';
  if (c.includes('closedwon')) return 'won';
  if (/\b(lost|dead|disqualified|unqualified|no decision|abandoned|rejected|cancell?ed|churned|declined)\b/.test(n)) return 'lost';
  if (/\b(won|win|signed|booked)\b/.test(n)) return 'won';
  if (/\bclosed?\b/.test(n)) return null;
  return 'open';
}

function unmappedHeaders(header: readonly string[], columns: ColumnMap): string[] {
  const mapped = new Set(Object.values(columns).map((c) => normalizeName(c!)));
  return header.filter((h) => h.trim() !== '' && !mapped.has(normalizeName(h)));
}

export type { PresetDefinition, PresetId };
