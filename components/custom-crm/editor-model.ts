/**
 * Pure helpers behind the custom-CRM editor: sensible defaults when an admin switches a locator or
 * parser kind, the "text = value" lines used for stage, role and activity-type maps, and finding
 * the validation issue for a control. No I/O, no zod (types only).
 */
import type { Column, CustomCrmProfile, FieldSource, Locator, Parser, ProfileIssue } from '../../lib/crm/custom/profile';
import type { DealFieldKey, ParserKind } from '../../lib/crm/custom/fields';
import { PARSERS_FOR } from '../../lib/crm/custom/fields';

export type LocatorKind = Locator['by'];
export type ColumnKind = 'header' | 'nth' | 'css' | 'key';

/** A new profile: invalid until the admin fills it in (the editor shows what is missing). */
export function emptyProfile(id = 'my-crm'): CustomCrmProfile {
  return {
    version: 1,
    id,
    name: '',
    urlPattern: 'https://',
    recordUrl: { kind: 'path-segment', pattern: '/deals/:id' },
    fields: {},
    extraFields: [],
    qualification: [],
  };
}

/** Switch a locator's kind, keeping what the admin typed where it still makes sense. */
export function locatorOfKind(kind: LocatorKind, previous?: Locator): Locator {
  const text = previous ? ('text' in previous ? previous.text : 'selector' in previous ? previous.selector : previous.path) : '';
  switch (kind) {
    case 'label':
      return { by: 'label', text };
    case 'css':
      return { by: 'css', selector: previous && 'selector' in previous ? previous.selector : '' };
    case 'attribute':
      return { by: 'attribute', selector: previous && 'selector' in previous ? previous.selector : '', attribute: previous?.by === 'attribute' ? previous.attribute : 'data-value' };
    case 'json':
      return { by: 'json', path: previous?.by === 'json' ? previous.path : '' };
  }
}

/** The default parser of a kind (decimal point, M/D/YYYY, percent scale, stages coached as open unless mapped). */
export function parserOfKind(kind: ParserKind, previous?: Parser): Parser {
  const decimal = previous && 'decimal' in previous ? previous.decimal : '.';
  switch (kind) {
    case 'text':
      return { kind: 'text' };
    case 'money':
      return { kind: 'money', decimal };
    case 'number':
      return { kind: 'number', decimal };
    case 'percent':
      return { kind: 'percent', decimal, scale: 'percent' };
    case 'date':
      return { kind: 'date', format: 'M/D/YYYY' };
    case 'enum':
      return { kind: 'enum', map: [], otherwise: 'open' };
    case 'currency':
      return { kind: 'currency' };
    case 'flag':
      return { kind: 'flag' };
  }
}

/** A new mapping for a Deal field: next to a label, read with the field's default parser. */
export function defaultSource(key: DealFieldKey, json: boolean): FieldSource {
  return { locator: json ? { by: 'json', path: '' } : { by: 'label', text: '' }, parser: parserOfKind(PARSERS_FOR[key][0]!) };
}

export function columnOfKind(kind: ColumnKind, previous?: Column): Column {
  const text = previous ? ('header' in previous ? previous.header : 'css' in previous ? previous.css : 'key' in previous ? previous.key : '') : '';
  switch (kind) {
    case 'header':
      return { header: text };
    case 'nth':
      return { nth: previous && 'nth' in previous ? previous.nth : 1 };
    case 'css':
      return { css: text };
    case 'key':
      return { key: text };
  }
}

export function columnKind(column: Column): ColumnKind {
  return 'header' in column ? 'header' : 'nth' in column ? 'nth' : 'css' in column ? 'css' : 'key';
}

/** `Closed Won = won` lines to pairs; lines without `=` or with an unknown value are returned as problems. */
export function parseMapLines<V extends string>(text: string, allowed: readonly V[]): { pairs: Array<{ text: string; value: V }>; problems: string[] } {
  const pairs: Array<{ text: string; value: V }> = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.lastIndexOf('=');
    const value = line.slice(at + 1).trim().toLowerCase() as V;
    const key = line.slice(0, at).trim();
    if (at <= 0 || key === '') problems.push(`line ${i + 1}: write "text = ${allowed.join(' | ')}"`);
    else if (!allowed.includes(value)) problems.push(`line ${i + 1}: "${value}" is not one of ${allowed.join(', ')}`);
    else pairs.push({ text: key, value });
  });
  return { pairs, problems };
}

export function formatMapLines(pairs: ReadonlyArray<{ text: string; value: string }>): string {
  return pairs.map((p) => `${p.text} = ${p.value}`).join('\n');
}

/** `bant/budget = budget_confirmed?, $stakeholders:key` lines for the playbook mapping. */
export function parseQualificationLines(text: string): { mapping: CustomCrmProfile['qualification']; problems: string[] } {
  const mapping: CustomCrmProfile['qualification'] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^\s*([^/\s]+)\s*\/\s*([^=\s]+)\s*=\s*(.+)$/.exec(line);
    if (!m) {
      problems.push(`line ${i + 1}: write "playbook/question = field, field"`);
      return;
    }
    const fields = m[3]!.split(',').map((f) => f.trim()).filter((f) => f !== '');
    mapping.push({ playbook: m[1]!, question: m[2]!, fields });
  });
  return { mapping, problems };
}

export function formatQualificationLines(mapping: CustomCrmProfile['qualification']): string {
  return mapping.map((q) => `${q.playbook}/${q.question} = ${q.fields.join(', ')}`).join('\n');
}

/** The messages for one control: issues at its path or below it. */
export function issuesAt(issues: readonly ProfileIssue[], path: string): string[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
}

/** A profile with one Deal field's mapping replaced (undefined: not mapped). */
export function withField(profile: CustomCrmProfile, key: DealFieldKey, source: FieldSource | undefined): CustomCrmProfile {
  const fields = { ...profile.fields };
  if (source) fields[key] = source;
  else delete fields[key];
  return { ...profile, fields };
}

/** Page or JSON endpoint: switching moves every locator to the other family, keeping what can be kept. */
export function withSource(profile: CustomCrmProfile, json: boolean): CustomCrmProfile {
  const move = (l: Locator): Locator => (json ? (l.by === 'json' ? l : { by: 'json', path: '' }) : l.by === 'json' ? { by: 'label', text: '' } : l);
  const moveColumn = (c: Column): Column => (json ? ('key' in c ? c : { key: '' }) : 'key' in c ? { header: '' } : c);
  const fields = Object.fromEntries(Object.entries(profile.fields).map(([k, s]) => [k, s ? { ...s, locator: move(s.locator) } : s])) as CustomCrmProfile['fields'];
  const s = profile.stakeholders;
  const a = profile.activities;
  const { endpoint: _endpoint, ...rest } = profile;
  return {
    ...rest,
    ...(json ? { endpoint: profile.endpoint ?? { url: '/api/deals/:id' } } : {}),
    fields,
    extraFields: profile.extraFields.map((e) => ({ ...e, source: { ...e.source, locator: move(e.source.locator) } })),
    ...(s
      ? {
          stakeholders: {
            ...s,
            region: move(s.region),
            row: json ? undefined : s.row,
            name: moveColumn(s.name),
            role: s.role && moveColumn(s.role),
            title: s.title && moveColumn(s.title),
          },
        }
      : {}),
    ...(a
      ? {
          activities: {
            ...a,
            region: move(a.region),
            row: json ? undefined : a.row,
            date: { ...a.date, column: moveColumn(a.date.column) },
            kind: { ...a.kind, column: a.kind.column && moveColumn(a.kind.column) },
            contact: a.contact && moveColumn(a.contact),
            done: a.done.by === 'column' ? { ...a.done, column: moveColumn(a.done.column) } : a.done,
          },
        }
      : {}),
  };
}
