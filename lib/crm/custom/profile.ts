/**
 * A custom CRM profile: everything an admin tells Deal Coach about a CRM we ship no adapter for —
 * where its record pages are, and where each Deal field is shown on them (or in a same-origin JSON
 * endpoint). Stored in settings, exported and imported as JSON, and possibly pushed by admin policy,
 * so it is parsed strictly: unknown keys, script URLs, endpoints on other sites and patterns that
 * cover every site are refused with the reason.
 *
 * Background and options page only (zod). The content script receives an already-parsed profile
 * and imports types from here, never values.
 */
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CUSTOM_CRM_ID_PREFIX,
  DATE_FORMATS,
  DEAL_FIELD_KEYS,
  EXTRA_FIELD_PARSERS,
  FIELD_LABELS,
  INFLUENCES,
  PARSERS_FOR,
  REQUIRED_FIELDS,
  STAGE_CATEGORIES,
  type DealFieldKey,
} from './fields';
import { parseMatchPattern, recordRuleProblem } from './match';
import { hasControlCharacter } from './text';

export { CUSTOM_CRM_ID_PREFIX };

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => !hasControlCharacter(s), 'must not contain control characters');

/** Anything that reads like a URL with a scheme other than http(s): `javascript:`, `data:`, `vbscript:`, `file:`. */
const SCRIPT_URL = /(^|[\s"'(=])(javascript|vbscript|data|file|blob|chrome|chrome-extension|moz-extension|about):/i;

const CssSelector = text(500).refine((s) => !SCRIPT_URL.test(s), 'must not contain a script URL');
const AttributeName = z.string().regex(/^[A-Za-z_:][-A-Za-z0-9_:.]{0,63}$/, 'expected an attribute name like data-value');

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const JsonPath = z
  .string()
  .trim()
  .max(200)
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+|\[\d{1,4}\])*$/, "expected a dotted path like data.deal.amount (indexes as items[0] or items.0)")
  .refine((p) => !p.split(/[.[\]]/).some((part) => FORBIDDEN_KEYS.has(part)), 'must not name __proto__, prototype or constructor');

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use 1–40 lower-case letters, digits and dashes (like acme-crm)');

export const DomLocatorSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('label'), text: text(200), scope: CssSelector.optional() }),
  z.strictObject({ by: z.literal('css'), selector: CssSelector }),
  z.strictObject({ by: z.literal('attribute'), selector: CssSelector, attribute: AttributeName }),
]);

/** Where a value is: next to a label, at a CSS selector, in an attribute, or (endpoint profiles) at a JSON path. */
export const Locator = z.discriminatedUnion('by', [...DomLocatorSchema.options, z.strictObject({ by: z.literal('json'), path: JsonPath })]);
export type Locator = z.infer<typeof Locator>;

const Decimal = z.enum(['.', ',']);
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code like EUR');
const StageCategory = z.enum(STAGE_CATEGORIES);

export const Parser = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text') }),
  z.strictObject({ kind: z.literal('money'), decimal: Decimal, currency: CurrencyCode.optional() }),
  z.strictObject({ kind: z.literal('number'), decimal: Decimal }),
  z.strictObject({ kind: z.literal('percent'), decimal: Decimal, scale: z.enum(['percent', 'fraction']).default('percent') }),
  z.strictObject({ kind: z.literal('date'), format: z.enum(DATE_FORMATS) }),
  z.strictObject({
    kind: z.literal('enum'),
    map: z.array(z.strictObject({ text: text(100), category: StageCategory })).max(200),
    /** The category of any stage not in the map (usually `open`); absent: such a stage is reported unreadable. */
    otherwise: StageCategory.optional(),
  }),
  z.strictObject({ kind: z.literal('currency') }),
  z.strictObject({ kind: z.literal('flag') }),
]);
export type Parser = z.infer<typeof Parser>;

export const FieldSource = z.strictObject({ locator: Locator, parser: Parser });
export type FieldSource = z.infer<typeof FieldSource>;

/** A column of a stakeholder or activity list: by header text, by position (1 = first), by a CSS selector inside the row, or a key of a JSON item. */
export const Column = z.union([
  z.strictObject({ header: text(100) }),
  z.strictObject({ nth: z.number().int().min(1).max(50) }),
  z.strictObject({ css: CssSelector, attribute: AttributeName.optional() }),
  z.strictObject({ key: JsonPath }),
]);
export type Column = z.infer<typeof Column>;

export const StakeholderSource = z.strictObject({
  /** The table or list of people (a JSON array for endpoint profiles). */
  region: Locator,
  /** Rows inside the region; default: table rows with cells, else list items, else ARIA rows. */
  row: CssSelector.optional(),
  name: Column,
  role: Column.optional(),
  title: Column.optional(),
  /** The CRM's role texts → influence; checked before the built-in English/German role names. */
  roleMap: z.array(z.strictObject({ text: text(100), influence: z.enum(INFLUENCES) })).max(100).default([]),
  /** Also recognise the usual role names ("Economic Buyer", "Entscheider", …). */
  defaultRoleNames: z.boolean().default(true),
});
export type StakeholderSource = z.infer<typeof StakeholderSource>;

export const ActivitySource = z
  .strictObject({
    region: Locator,
    row: CssSelector.optional(),
    date: z.strictObject({ column: Column, format: z.enum(DATE_FORMATS) }),
    kind: z.strictObject({
      column: Column.optional(),
      /** The CRM's type texts → kind; checked before the built-in words (call, meeting, e-mail, Anruf, …). */
      map: z.array(z.strictObject({ text: text(100), kind: z.enum(ACTIVITY_KINDS) })).max(100).default([]),
      /** Kind of a row whose type is not recognised (or of every row when there is no type column). */
      otherwise: z.enum(ACTIVITY_KINDS).optional(),
    }),
    /** Who the activity was with: names matched to the stakeholders (needed for "unreached" coaching). */
    contact: Column.optional(),
    /** When an activity counts as done: dated today or earlier, or by a status column's texts. */
    done: z
      .discriminatedUnion('by', [
        z.strictObject({ by: z.literal('date') }),
        z.strictObject({ by: z.literal('column'), column: Column, values: z.array(text(60)).min(1).max(20) }),
      ])
      .default({ by: 'date' }),
  })
  .refine((a) => a.kind.column !== undefined || a.kind.otherwise !== undefined, { message: 'give a type column or the kind every activity has', path: ['kind'] });
export type ActivitySource = z.infer<typeof ActivitySource>;

/**
 * A JSON endpoint on the CRM's own site. Only a path (with `:id` where the record id goes), so it can
 * never point at another origin: `/api/deals/:id`, `/rest/v1/opportunity?id=:id`.
 */
export const EndpointUrl = z
  .string()
  .trim()
  .max(300)
  .refine((u) => u.startsWith('/') && !u.startsWith('//') && !/[\\\s]/.test(u) && !hasControlCharacter(u), 'must be a path on the CRM’s own site starting with one "/", like /api/deals/:id')
  .refine((u) => !SCRIPT_URL.test(u), 'must not contain a script URL')
  .refine((u) => u.split(':id').length === 2, 'must contain ":id" exactly once')
  .refine((u) => {
    try {
      return new URL(u.replace(':id', '1'), 'https://crm.invalid').origin === 'https://crm.invalid';
    } catch {
      return false;
    }
  }, 'must stay on the CRM’s own site');

export const Endpoint = z.strictObject({ url: EndpointUrl });

const RecordUrl = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('path-segment'), pattern: text(300) }),
    z.strictObject({ kind: z.literal('query'), param: z.string().regex(/^[A-Za-z0-9_.[\]-]{1,64}$/, 'expected a query parameter name like id'), pathPrefix: text(300).optional() }),
    z.strictObject({ kind: z.literal('hash'), pattern: text(300).optional(), param: z.string().regex(/^[A-Za-z0-9_.[\]-]{1,64}$/).optional() }),
  ])
  .superRefine((rule, ctx) => {
    const problem = recordRuleProblem(rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const UrlPattern = z
  .string()
  .trim()
  .max(300)
  .superRefine((pattern, ctx) => {
    const parsed = parseMatchPattern(pattern);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

const ExtraKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'expected a field name like budget_confirmed')
  .refine((k) => !FORBIDDEN_KEYS.has(k), 'this name is reserved');
const FieldSpec = z
  .string()
  .regex(/^\$?[A-Za-z_][A-Za-z0-9_.:-]{0,80}\??$/, 'expected a field name, a field name with "?" or a $fact')
  .refine((k) => !FORBIDDEN_KEYS.has(k.replace(/^\$|\?$/g, '')), 'this name is reserved');

const fieldShape = Object.fromEntries(DEAL_FIELD_KEYS.map((key) => [key, FieldSource.optional()])) as Record<DealFieldKey, z.ZodOptional<typeof FieldSource>>;

export const CustomCrmProfile = z
  .strictObject({
    version: z.literal(1).default(1),
    id: Slug,
    name: text(80),
    /** Match pattern of the CRM's pages, also the optional host permission requested: `https://crm.example.com/*`. */
    urlPattern: UrlPattern,
    recordUrl: RecordUrl,
    fields: z.strictObject(fieldShape),
    /** Raw fields for playbook mapping (`deal.fields[key]`). */
    extraFields: z.array(z.strictObject({ key: ExtraKey, label: text(80).optional(), source: FieldSource })).max(50).default([]),
    stakeholders: StakeholderSource.optional(),
    activities: ActivitySource.optional(),
    /** Read the deal from this JSON endpoint (through the page's session) instead of the page. */
    endpoint: Endpoint.optional(),
    /** Playbook questions answered by this CRM's fields: field specs as in lib/playbooks (`budget_confirmed?`, `$stakeholders:key`). */
    qualification: z
      .array(z.strictObject({ playbook: Slug, question: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/), fields: z.array(FieldSpec).min(1).max(10) }))
      .max(200)
      .default([]),
  })
  .superRefine((profile, ctx) => {
    for (const key of REQUIRED_FIELDS) {
      if (!profile.fields[key]) ctx.addIssue({ code: 'custom', path: ['fields', key], message: `${FIELD_LABELS[key]} must be mapped: without it there is no deal to coach` });
    }
    for (const key of DEAL_FIELD_KEYS) {
      const source = profile.fields[key];
      if (source && !PARSERS_FOR[key].includes(source.parser.kind)) {
        ctx.addIssue({ code: 'custom', path: ['fields', key, 'parser'], message: `${FIELD_LABELS[key]} is read as ${PARSERS_FOR[key].join(' or ')}, not ${source.parser.kind}` });
      }
    }
    const keys = new Set<string>();
    profile.extraFields.forEach((extra, i) => {
      if (keys.has(extra.key)) ctx.addIssue({ code: 'custom', path: ['extraFields', i, 'key'], message: `"${extra.key}" is mapped twice` });
      keys.add(extra.key);
      if (!EXTRA_FIELD_PARSERS.includes(extra.source.parser.kind)) ctx.addIssue({ code: 'custom', path: ['extraFields', i, 'source', 'parser'], message: `extra fields are read as ${EXTRA_FIELD_PARSERS.join(', ')}` });
    });
    // One source for the whole deal: the page, or the endpoint.
    const json = profile.endpoint !== undefined;
    for (const [path, locator] of locatorsOf(profile)) {
      if (json && locator.by !== 'json') ctx.addIssue({ code: 'custom', path, message: 'this profile reads a JSON endpoint: give a JSON path here, not a place on the page' });
      if (!json && locator.by === 'json') ctx.addIssue({ code: 'custom', path, message: 'a JSON path needs the JSON endpoint to be set' });
    }
    for (const [path, column] of columnsOf(profile)) {
      if (json && !('key' in column)) ctx.addIssue({ code: 'custom', path, message: 'this profile reads a JSON endpoint: name the key of each item' });
      if (!json && 'key' in column) ctx.addIssue({ code: 'custom', path, message: 'a JSON key needs the JSON endpoint to be set; use a header, a position or a CSS selector' });
    }
    if (json) {
      if (profile.stakeholders?.row) ctx.addIssue({ code: 'custom', path: ['stakeholders', 'row'], message: 'JSON lists have no row selector' });
      if (profile.activities?.row) ctx.addIssue({ code: 'custom', path: ['activities', 'row'], message: 'JSON lists have no row selector' });
    }
  });
export type CustomCrmProfile = z.infer<typeof CustomCrmProfile>;
export type CustomCrmProfileInput = z.input<typeof CustomCrmProfile>;

type Path = Array<string | number>;

function locatorsOf(p: Pick<CustomCrmProfile, 'fields' | 'extraFields' | 'stakeholders' | 'activities'>): Array<[Path, Locator]> {
  const out: Array<[Path, Locator]> = [];
  for (const key of DEAL_FIELD_KEYS) {
    const source = p.fields[key];
    if (source) out.push([['fields', key, 'locator'], source.locator]);
  }
  p.extraFields.forEach((extra, i) => out.push([['extraFields', i, 'source', 'locator'], extra.source.locator]));
  if (p.stakeholders) out.push([['stakeholders', 'region'], p.stakeholders.region]);
  if (p.activities) out.push([['activities', 'region'], p.activities.region]);
  return out;
}

function columnsOf(p: Pick<CustomCrmProfile, 'stakeholders' | 'activities'>): Array<[Path, Column]> {
  const out: Array<[Path, Column]> = [];
  const s = p.stakeholders;
  if (s) {
    out.push([['stakeholders', 'name'], s.name]);
    if (s.role) out.push([['stakeholders', 'role'], s.role]);
    if (s.title) out.push([['stakeholders', 'title'], s.title]);
  }
  const a = p.activities;
  if (a) {
    out.push([['activities', 'date', 'column'], a.date.column]);
    if (a.kind.column) out.push([['activities', 'kind', 'column'], a.kind.column]);
    if (a.contact) out.push([['activities', 'contact'], a.contact]);
    if (a.done.by === 'column') out.push([['activities', 'done', 'column'], a.done.column]);
  }
  return out;
}

/** At most this many custom CRMs (each one is an optional host permission and a content-script registration). */
export const MAX_CUSTOM_CRMS = 20;

export const CustomCrmProfiles = z
  .array(CustomCrmProfile)
  .max(MAX_CUSTOM_CRMS)
  .superRefine((profiles, ctx) => {
    const ids = new Set<string>();
    profiles.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `two profiles share the id "${p.id}"` });
      ids.add(p.id);
    });
  });

export interface ProfileIssue {
  /** `fields.closeDate.parser.format`; empty for the profile as a whole. */
  path: string;
  message: string;
}

export type ProfileCheck<T> = { ok: true; value: T } | { ok: false; issues: ProfileIssue[] };

export function issuesOf(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message,
  }));
}

/** Check a profile as edited or imported; the issues name where and why. */
export function validateProfile(value: unknown): ProfileCheck<CustomCrmProfile> {
  const parsed = CustomCrmProfile.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** The adapter id of a profile: `custom:<id>`. */
export function customCrmId(profile: Pick<CustomCrmProfile, 'id'>): string {
  return `${CUSTOM_CRM_ID_PREFIX}${profile.id}`;
}

export const EXPORT_FORMAT = 'deal-coach/custom-crm';

/** The JSON an admin downloads, shares or pushes through policy. */
export function exportProfiles(profiles: readonly CustomCrmProfile[]): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, profiles }, null, 2)}\n`;
}

const MAX_IMPORT_CHARS = 1_000_000;

/**
 * Read exported JSON: the export envelope, a bare array of profiles or a single profile.
 * All or nothing: one bad profile refuses the file, with the reasons.
 */
export function importProfiles(json: string): ProfileCheck<CustomCrmProfile[]> {
  if (json.length > MAX_IMPORT_CHARS) return { ok: false, issues: [{ path: '', message: 'the file is too large to be a Deal Coach profile export' }] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'the file is not valid JSON' }] };
  }
  let list: unknown;
  let prefix = '';
  if (Array.isArray(data)) list = data;
  else if (typeof data === 'object' && data !== null && 'profiles' in data) {
    const envelope = data as { format?: unknown; version?: unknown; profiles?: unknown };
    if (envelope.format !== EXPORT_FORMAT) return { ok: false, issues: [{ path: 'format', message: `expected "${EXPORT_FORMAT}"` }] };
    if (envelope.version !== 1) return { ok: false, issues: [{ path: 'version', message: 'this export was made by a newer Deal Coach; update the extension' }] };
    list = envelope.profiles;
    prefix = 'profiles.';
  } else list = [data];
  const parsed = CustomCrmProfiles.safeParse(list);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: issuesOf(parsed.error).map((i) => ({ ...i, path: `${prefix}${i.path}`.replace(/\.$/, '') })) };
}
