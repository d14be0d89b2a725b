/**
 * From a profile and a source of raw values (texts the content script read from the page, or a JSON
 * body) to a Deal-shaped draft and a field-by-field report of what was read, what was missing and why. Unknown stays null, never
 * guessed: an unreadable amount is null and reported `unparsed`, a field the profile does not map is
 * null (or absent, for `nextStep`) and reported `not-mapped`. The draft is validated with zod later,
 * in the background (to-deal.ts). Zod-free: runs in the content script.
 */
import { dayNumber } from '../../dates';
import type { ActivityKind, Influence, RecordRef, StageCategory } from '../../model';
import { influenceOf } from '../shared/influence';
import { DEAL_FIELD_KEYS, FIELD_LABELS, type DealFieldKey } from './fields';
import type { MoneyValue, ParseResult, ParsedValue, ParserSpec, StageValue } from './parse';
import type { Column, CustomCrmProfile, FieldSource, Locator } from './profile';
import { cleanText, labelKey } from './text';

export type FieldStatus = 'ok' | 'missing' | 'unparsed' | 'not-mapped';

export interface FieldReport {
  /** A Deal field (`closeDate`), an extra field (`fields.budget_confirmed`), `stakeholders` or `activities`. */
  field: string;
  /** What the admin calls it: "Close date". */
  label: string;
  status: FieldStatus;
  /** The text (or JSON value) found, when something was found. */
  raw?: string;
  /** What it was read as. */
  value?: unknown;
  /** Why it is missing or unreadable, or a note on an `ok` value ("currency from the amount"). */
  message?: string;
}

export interface StakeholderDraft {
  id: string;
  name: string;
  title: string | null;
  roles: string[];
  influence: Influence;
  isPrimary: null;
}

export interface ActivityDraft {
  id: string;
  kind: ActivityKind;
  at: string;
  done: boolean;
  stakeholderIds: string[];
}

export type DraftFieldValue = string | number | boolean | null;

/** Deal-shaped, with null for everything unknown. */
export interface DealDraft {
  ref: RecordRef;
  name: string | null;
  accountName: string | null;
  /** The page shows a name, not an id: the name is used as the id. */
  owner: { id: string; name: string } | null;
  amount: number | null;
  currency: string | null;
  /** `category` null: the stage is not in the profile's stage map. */
  stage: { name: string; category: StageCategory | null } | null;
  probability: number | null;
  /** Absent when the profile does not map a next step (the CRM has no such field); null when empty. */
  nextStep?: string | null;
  createdAt: string | null;
  closeDate: string | null;
  /** Pages show no actual close date separately; not invented from the expected one. */
  closedAt: null;
  /** Pages show no change history. */
  history: { closeDateChanges: []; stageChanges: []; tracked: false };
  stakeholders: StakeholderDraft[];
  activities: ActivityDraft[];
  fields: Record<string, DraftFieldValue>;
}

export interface DealReading {
  deal: DealDraft;
  report: FieldReport[];
}

export type RawValue = string | number | boolean | null;
export type RawRead = { ok: true; raw: RawValue } | { ok: false; message: string };
/** Rows of a list; rows that only say the list is empty ("No records") are left out by the source. */
export type RowsRead<Row> = { ok: true; rows: Row[] } | { ok: false; message: string };

export type ListName = 'stakeholders' | 'activities';
/** What a column of a list is for. */
export type ColumnRole = 'name' | 'role' | 'title' | 'date' | 'kind' | 'contact' | 'done';

/**
 * Where raw values come from: the page's texts as the content script read them (raw.ts), or a JSON
 * body (json-source.ts). Values are asked for by field key (`closeDate`, `fields.budget`) and locator,
 * list cells by list, row, column role and column; each source uses what it needs.
 */
export interface ValueSource<Row> {
  value(field: string, locator: Locator): RawRead;
  rows(list: ListName, region: Locator, rowSelector: string | undefined): RowsRead<Row>;
  cell(row: Row, role: ColumnRole, column: Column): RawRead;
  parse(raw: RawValue, parser: ParserSpec, now: string): ParseResult;
}

function rawText(raw: RawValue): string | undefined {
  if (raw === null) return undefined;
  return typeof raw === 'string' ? raw : String(raw);
}

type Step = { status: 'ok'; raw?: string; value: ParsedValue } | { status: 'missing' | 'unparsed'; raw?: string; message: string };

function readSource<Row>(source: ValueSource<Row>, key: string, field: FieldSource, now: string): Step {
  const found = source.value(key, field.locator);
  if (!found.ok) return { status: 'missing', message: found.message };
  const raw = rawText(found.raw);
  const parsed = source.parse(found.raw, field.parser, now);
  if (parsed.status === 'empty') return { status: 'missing', ...(raw !== undefined && raw.trim() !== '' ? { raw } : {}), message: raw && raw.trim() ? `"${raw.trim()}" means no value` : 'the value is empty' };
  if (parsed.status === 'unparsed') return { status: 'unparsed', ...(raw !== undefined ? { raw } : {}), message: parsed.message };
  return { status: 'ok', ...(raw !== undefined ? { raw } : {}), value: parsed.value };
}

/** The plain value for `deal.fields` and for the report. */
function plain(value: ParsedValue): DraftFieldValue {
  if (typeof value === 'object') return 'amount' in value ? value.amount : value.name;
  return value;
}

const RANK: readonly Influence[] = ['economic-buyer', 'decision-maker', 'champion', 'influencer', 'evaluator', 'user', 'other'];

/** Built-in activity words, matched as whole words in the type text ("Logged call", "E-Mail ausgehend"). */
const KIND_WORDS: ReadonlyArray<[ActivityKind, RegExp]> = [
  ['call', /\b(call|phone|phoned|anruf|telefonat|telefon|appel|llamada|chiamata|telefoongesprek|ligacao)\b/],
  ['meeting', /\b(meeting|meet|event|appointment|demo|visit|besprechung|termin|treffen|reunion|rendez vous|riunione|vergadering|afspraak|reuniao)\b/],
  ['email', /\b(e ?mail|mail|courriel|correo)\b/],
  ['task', /\b(task|to ?do|aufgabe|tache|tarea|attivita|taak|tarefa)\b/],
  ['note', /\b(note|notiz|comment|kommentar|nota|notitie)\b/],
];

function wordKey(text: string): string {
  return labelKey(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]|\s\/\s|\s\|\s/)
    .map((part) => cleanText(part))
    .filter((part) => part !== '');
}

interface Builder {
  report: FieldReport[];
  now: string;
}

function readStakeholders<Row>(source: ValueSource<Row>, profile: CustomCrmProfile, b: Builder): StakeholderDraft[] {
  const s = profile.stakeholders;
  if (!s) {
    b.report.push({ field: 'stakeholders', label: 'Stakeholders', status: 'not-mapped', message: 'no stakeholder list is mapped' });
    return [];
  }
  const rows = source.rows('stakeholders', s.region, s.row);
  if (!rows.ok) {
    b.report.push({ field: 'stakeholders', label: 'Stakeholders', status: 'missing', message: rows.message });
    return [];
  }
  const roleMap = new Map(s.roleMap.map((entry) => [labelKey(entry.text), entry.influence] as const));
  const unknownRoles = new Set<string>();
  const byName = new Map<string, StakeholderDraft>();
  let skipped = 0;
  const problems = new Set<string>();
  for (const row of rows.rows) {
    const name = cellText(source, row, 'name', s.name, problems);
    if (!name) {
      skipped++;
      continue;
    }
    const roles = s.role ? splitList(cellText(source, row, 'role', s.role, problems) ?? '') : [];
    const title = s.title ? cellText(source, row, 'title', s.title, problems) : null;
    const key = labelKey(name);
    const person = byName.get(key) ?? { id: name, name, title: null, roles: [], influence: 'other' as Influence, isPrimary: null };
    for (const role of roles) if (!person.roles.includes(role)) person.roles.push(role);
    person.title ??= title;
    byName.set(key, person);
  }
  for (const person of byName.values()) {
    let best = RANK.length - 1;
    for (const role of person.roles) {
      const influence = roleMap.get(labelKey(role)) ?? (s.defaultRoleNames ? influenceOf(role) : 'other');
      if (influence === 'other') unknownRoles.add(role);
      best = Math.min(best, RANK.indexOf(influence));
    }
    person.influence = RANK[best]!;
  }
  const people = [...byName.values()];
  const notes: string[] = [...problems];
  if (skipped > 0) notes.push(`${skipped} row${skipped === 1 ? '' : 's'} without a name skipped`);
  if (unknownRoles.size > 0) notes.push(`role${unknownRoles.size === 1 ? '' : 's'} not recognised (counted as other): ${[...unknownRoles].slice(0, 5).join(', ')}`);
  b.report.push({
    field: 'stakeholders',
    label: 'Stakeholders',
    status: 'ok',
    value: people.length,
    message: [`${people.length} ${people.length === 1 ? 'person' : 'people'}`, ...notes].join('; '),
  });
  return people;
}

function cellText<Row>(source: ValueSource<Row>, row: Row, role: ColumnRole, column: Column, problems: Set<string>): string | null {
  const read = source.cell(row, role, column);
  if (!read.ok) problems.add(read.message);
  if (!read.ok || read.raw === null) return null;
  const text = cleanText(String(read.raw));
  return text === '' || source.parse(text, { kind: 'text' }, '').status === 'empty' ? null : text;
}

function readActivities<Row>(source: ValueSource<Row>, profile: CustomCrmProfile, people: readonly StakeholderDraft[], b: Builder): ActivityDraft[] {
  const a = profile.activities;
  if (!a) {
    b.report.push({ field: 'activities', label: 'Activities', status: 'not-mapped', message: 'no activity list is mapped' });
    return [];
  }
  const rows = source.rows('activities', a.region, a.row);
  if (!rows.ok) {
    b.report.push({ field: 'activities', label: 'Activities', status: 'missing', message: rows.message });
    return [];
  }
  const kindMap = new Map(a.kind.map.map((entry) => [labelKey(entry.text), entry.kind] as const));
  const doneTexts = a.done.by === 'column' ? new Set(a.done.values.map(labelKey)) : null;
  const peopleByKey = new Map(people.map((p) => [labelKey(p.name), p.id] as const));
  const today = dayNumber(b.now);
  const unknownKinds = new Set<string>();
  const badDates: string[] = [];
  const activities: ActivityDraft[] = [];
  let skipped = 0;
  const problems = new Set<string>();
  rows.rows.forEach((row) => {
    const read = source.cell(row, 'date', a.date.column);
    if (!read.ok) problems.add(read.message);
    const dateRaw = read.ok ? read.raw : null;
    if (dateRaw === null || (typeof dateRaw === 'string' && cleanText(dateRaw) === '')) {
      skipped++;
      return;
    }
    const date = source.parse(dateRaw, { kind: 'date', format: a.date.format }, b.now);
    if (date.status !== 'ok' || typeof date.value !== 'string') {
      badDates.push(String(dateRaw));
      return;
    }
    let kind: ActivityKind | undefined;
    const kindText = a.kind.column ? cellText(source, row, 'kind', a.kind.column, problems) : null;
    if (kindText !== null) {
      kind = kindMap.get(labelKey(kindText));
      if (!kind) {
        const words = wordKey(kindText);
        kind = KIND_WORDS.find(([, re]) => re.test(words))?.[0];
      }
    }
    if (!kind) {
      if (a.kind.otherwise) kind = a.kind.otherwise;
      else {
        kind = 'note';
        unknownKinds.add(kindText ?? '(no type)');
      }
    }
    let done: boolean;
    if (doneTexts) {
      const status = a.done.by === 'column' ? cellText(source, row, 'done', a.done.column, problems) : null;
      done = status !== null && doneTexts.has(labelKey(status));
    } else done = dayNumber(date.value) <= today;
    const names = a.contact ? splitList(cellText(source, row, 'contact', a.contact, problems) ?? '') : [];
    const stakeholderIds = [...new Set(names.map((n) => peopleByKey.get(labelKey(n)) ?? n))];
    activities.push({ id: `${date.value}#${activities.length + 1}`, kind, at: date.value, done, stakeholderIds });
  });
  const notes = [`${activities.length} ${activities.length === 1 ? 'activity' : 'activities'}`, ...problems];
  if (skipped > 0) notes.push(`${skipped} row${skipped === 1 ? '' : 's'} without a date skipped`);
  if (badDates.length > 0) notes.push(`${badDates.length} row${badDates.length === 1 ? '' : 's'} skipped, date not readable as ${a.date.format}: ${badDates.slice(0, 3).map((d) => `"${d}"`).join(', ')}`);
  if (unknownKinds.size > 0) notes.push(`type not recognised (counted as a note): ${[...unknownKinds].slice(0, 5).join(', ')}`);
  if (!a.contact) notes.push('not linked to people (no contact column)');
  b.report.push({ field: 'activities', label: 'Activities', status: 'ok', value: activities.length, message: notes.join('; ') });
  return activities;
}

/** Put one read value on the draft; the reason when the value cannot be a Deal's (a negative amount). */
function assign(deal: DealDraft, key: DealFieldKey, value: ParsedValue): string | null {
  switch (key) {
    case 'name':
    case 'accountName':
    case 'nextStep':
    case 'createdAt':
    case 'closeDate':
      deal[key] = String(value);
      return null;
    case 'owner':
      deal.owner = { id: String(value), name: String(value) };
      return null;
    case 'amount': {
      const amount = typeof value === 'object' && 'amount' in value ? value.amount : typeof value === 'number' ? value : NaN;
      if (!Number.isFinite(amount)) return 'not an amount';
      if (amount < 0) return `a negative amount (${amount}) is not a deal value`;
      deal.amount = amount;
      return null;
    }
    case 'currency':
      if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return 'not an ISO currency code';
      deal.currency = value;
      return null;
    case 'stage': {
      const stage = value as StageValue;
      deal.stage = { name: cleanText(stage.name), category: stage.category };
      return null;
    }
    case 'probability':
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return 'not a probability between 0% and 100%';
      deal.probability = value;
      return null;
  }
}

/** Read every mapped field through `source`. */
export function readDraft<Row>(source: ValueSource<Row>, profile: CustomCrmProfile, ref: RecordRef, now: string): DealReading {
  const report: FieldReport[] = [];
  const b: Builder = { report, now };
  const deal: DealDraft = {
    ref,
    name: null,
    accountName: null,
    owner: null,
    amount: null,
    currency: null,
    stage: null,
    probability: null,
    createdAt: null,
    closeDate: null,
    closedAt: null,
    history: { closeDateChanges: [], stageChanges: [], tracked: false },
    stakeholders: [],
    activities: [],
    fields: {},
  };
  let money: MoneyValue | null = null;
  const withRaw = (raw: string | undefined) => (raw !== undefined ? { raw } : {});

  for (const key of DEAL_FIELD_KEYS) {
    const label = FIELD_LABELS[key];
    const mapping = profile.fields[key];
    const fromAmount = key === 'currency' && money?.currency ? money : null;
    if (!mapping) {
      if (fromAmount) {
        deal.currency = fromAmount.currency;
        report.push({ field: key, label, status: 'ok', value: fromAmount.currency, message: fromAmount.currencyFromText ? 'from the amount' : "the amount's default currency" });
      } else report.push({ field: key, label, status: 'not-mapped', message: `${label} is not mapped` });
      continue;
    }
    if (key === 'nextStep') deal.nextStep = null;
    const step = readSource(source, key, mapping, now);
    if (step.status !== 'ok') {
      if (key === 'stage' && step.status === 'unparsed' && step.raw) deal.stage = { name: cleanText(step.raw), category: null };
      if (fromAmount) {
        deal.currency = fromAmount.currency;
        report.push({ field: key, label, status: 'ok', ...withRaw(step.raw), value: fromAmount.currency, message: `${step.message}; the amount's currency is used` });
      } else report.push({ field: key, label, status: step.status, ...withRaw(step.raw), message: step.message });
      continue;
    }
    const problem = assign(deal, key, step.value);
    if (problem) {
      report.push({ field: key, label, status: 'unparsed', ...withRaw(step.raw), message: problem });
      continue;
    }
    if (key === 'amount' && typeof step.value === 'object' && 'amount' in step.value) money = step.value;
    report.push({ field: key, label, status: 'ok', ...withRaw(step.raw), value: key === 'stage' ? deal.stage : plain(step.value) });
  }

  const fields: Array<[string, DraftFieldValue]> = [];
  for (const extra of profile.extraFields) {
    const field = `fields.${extra.key}`;
    const label = extra.label ?? extra.key;
    const step = readSource(source, field, extra.source, now);
    const value = step.status === 'ok' ? plain(step.value) : null;
    fields.push([extra.key, value]);
    if (step.status === 'ok') report.push({ field, label, status: 'ok', ...withRaw(step.raw), value });
    else report.push({ field, label, status: step.status, ...withRaw(step.raw), message: step.message });
  }
  // fromEntries defines own properties, whatever the key.
  deal.fields = Object.fromEntries(fields);

  deal.stakeholders = readStakeholders(source, profile, b);
  deal.activities = readActivities(source, profile, deal.stakeholders, b);
  return { deal, report };
}
