/**
 * Options page: define (or inspect) one custom CRM profile — where its record pages are, and where
 * each Deal field is shown on them. Presentational: the profile comes in, every edit goes out through
 * `onChange`; validation issues, permission state and "pick on page" are the page's business.
 * Locked (pushed by admin policy): everything is shown read-only, export stays available.
 */
import { useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import {
  ACTIVITY_KINDS,
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  DEAL_FIELD_KEYS,
  EXTRA_FIELD_PARSERS,
  FIELD_LABELS,
  INFLUENCES,
  PARSER_LABELS,
  PARSERS_FOR,
  REQUIRED_FIELDS,
  STAGE_CATEGORIES,
  type DealFieldKey,
  type ParserKind,
} from '../../lib/crm/custom/fields';
import type { ActivitySource, Column, CustomCrmProfile, FieldSource, Locator, Parser, ProfileIssue, StakeholderSource } from '../../lib/crm/custom/profile';
import type { UnavailableCoaching } from '../../lib/crm/custom/unavailable';
import { LockedNote } from '../options/Locked';
import {
  columnKind,
  columnOfKind,
  defaultSource,
  formatMapLines,
  formatQualificationLines,
  issuesAt,
  locatorOfKind,
  parseMapLines,
  parseQualificationLines,
  parserOfKind,
  withField,
  withSource,
  type ColumnKind,
  type LocatorKind,
} from './editor-model';

/** What "pick on page" should fill in. */
export type PickTarget = { kind: 'field'; field: DealFieldKey } | { kind: 'extra'; index: number } | { kind: 'list'; list: 'stakeholders' | 'activities' };

export interface ProfileEditorProps {
  profile: CustomCrmProfile;
  /** From validateProfile(); shown next to the control they concern. */
  issues: readonly ProfileIssue[];
  /** Pushed by admin policy: read-only. */
  locked: boolean;
  /** Whether the optional host permission for `urlPattern` is granted. */
  permission: 'granted' | 'missing' | 'unknown';
  /** From unavailableCoaching(profile): what this mapping cannot coach. */
  unavailable?: readonly UnavailableCoaching[];
  onChange(profile: CustomCrmProfile): void;
  onSave(): void;
  onExport(): void;
  onImport(): void;
  onDelete?(): void;
  onRequestPermission?(): void;
  /** Start pick mode in a CRM tab; absent when no CRM tab is open. */
  onPick?(target: PickTarget): void;
  saving?: boolean;
}

const LOCATOR_LABELS: Record<LocatorKind, string> = { label: 'Label next to it', css: 'CSS selector', attribute: 'Attribute', json: 'JSON path' };
const COLUMN_LABELS: Record<ColumnKind, string> = { header: 'Header', nth: 'Position', css: 'CSS in row', key: 'JSON key' };

function Issues({ messages, id }: { messages: string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul class="dc-cc-issues" id={id} role="alert">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

function TextInput(props: { label: string; value: string; onInput(value: string): void; disabled: boolean; placeholder?: string; invalid?: boolean; hideLabel?: boolean; mono?: boolean }) {
  const id = useId();
  return (
    <span class="dc-cc-input">
      <label for={id} class={props.hideLabel ? 'dc-sr' : 'dc-cc-input__label'}>
        {props.label}
      </label>
      <input
        id={id}
        class={`dc-field__input${props.mono ? ' dc-cc-mono' : ''}`}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={props.invalid ? 'true' : undefined}
        spellcheck={false}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </span>
  );
}

function Select<V extends string>(props: { label: string; value: V; options: ReadonlyArray<readonly [V, string]>; onChange(value: V): void; disabled: boolean; hideLabel?: boolean }) {
  const id = useId();
  return (
    <span class="dc-cc-input">
      <label for={id} class={props.hideLabel ? 'dc-sr' : 'dc-cc-input__label'}>
        {props.label}
      </label>
      <select id={id} class="dc-field__input" value={props.value} disabled={props.disabled} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as V)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A textarea of `text = value` lines, kept as typed while it is being edited. */
function LinesInput(props: { label: string; help: string; value: string; onText(text: string): string[]; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <span class="dc-cc-input dc-cc-input--wide">
      <label for={id} class="dc-cc-input__label">
        {props.label}
      </label>
      <textarea
        id={id}
        class="dc-field__input dc-cc-mono"
        rows={Math.min(8, Math.max(2, text.split('\n').length + 1))}
        value={text}
        disabled={props.disabled}
        aria-describedby={`${id}-help`}
        spellcheck={false}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLTextAreaElement).value;
          setText(next);
          setProblems(props.onText(next));
        }}
      />
      <span id={`${id}-help`} class="dc-field__help">
        {props.help}
      </span>
      <Issues messages={problems} />
    </span>
  );
}

function LocatorInput(props: { label: string; locator: Locator; json: boolean; onChange(l: Locator): void; disabled: boolean; invalid: boolean }) {
  const { locator } = props;
  const kinds: LocatorKind[] = props.json ? ['json'] : ['label', 'css', 'attribute'];
  return (
    <span class="dc-cc-locator">
      {kinds.length > 1 && (
        <Select label={`${props.label}: find by`} hideLabel value={locator.by} options={kinds.map((k) => [k, LOCATOR_LABELS[k]] as const)} onChange={(k) => props.onChange(locatorOfKind(k, locator))} disabled={props.disabled} />
      )}
      {locator.by === 'label' && (
        <>
          <TextInput label={`${props.label}: label text`} hideLabel value={locator.text} placeholder="Close date" invalid={props.invalid} disabled={props.disabled} onInput={(text) => props.onChange({ ...locator, text })} />
          <TextInput
            label={`${props.label}: only inside (CSS, optional)`}
            hideLabel
            mono
            value={locator.scope ?? ''}
            placeholder="inside… (optional)"
            disabled={props.disabled}
            onInput={(scope) => props.onChange(scope.trim() ? { ...locator, scope } : { by: 'label', text: locator.text })}
          />
        </>
      )}
      {locator.by === 'css' && <TextInput label={`${props.label}: CSS selector`} hideLabel mono value={locator.selector} placeholder="#close-date" invalid={props.invalid} disabled={props.disabled} onInput={(selector) => props.onChange({ ...locator, selector })} />}
      {locator.by === 'attribute' && (
        <>
          <TextInput label={`${props.label}: CSS selector`} hideLabel mono value={locator.selector} placeholder="time.close" invalid={props.invalid} disabled={props.disabled} onInput={(selector) => props.onChange({ ...locator, selector })} />
          <TextInput label={`${props.label}: attribute`} hideLabel mono value={locator.attribute} placeholder="datetime" disabled={props.disabled} onInput={(attribute) => props.onChange({ ...locator, attribute })} />
        </>
      )}
      {locator.by === 'json' && <TextInput label={`${props.label}: JSON path`} hideLabel mono value={locator.path} placeholder="data.deal.amount" invalid={props.invalid} disabled={props.disabled} onInput={(path) => props.onChange({ by: 'json', path })} />}
    </span>
  );
}

function ParserInput(props: { label: string; parser: Parser; kinds: readonly ParserKind[]; onChange(p: Parser): void; disabled: boolean }) {
  const { parser, disabled } = props;
  return (
    <span class="dc-cc-parser">
      {props.kinds.length > 1 && (
        <Select label={`${props.label}: read as`} hideLabel value={parser.kind} options={props.kinds.map((k) => [k, PARSER_LABELS[k]] as const)} onChange={(k) => props.onChange(parserOfKind(k, parser))} disabled={disabled} />
      )}
      {props.kinds.length === 1 && <span class="dc-cc-parser__kind">{PARSER_LABELS[parser.kind]}</span>}
      {'decimal' in parser && (
        <Select
          label={`${props.label}: decimal mark`}
          hideLabel
          value={parser.decimal}
          options={[
            ['.', '1,234.56'],
            [',', '1.234,56'],
          ]}
          onChange={(decimal) => props.onChange({ ...parser, decimal })}
          disabled={disabled}
        />
      )}
      {parser.kind === 'money' && (
        <TextInput
          label={`${props.label}: currency when none is shown`}
          hideLabel
          value={parser.currency ?? ''}
          placeholder="USD"
          disabled={disabled}
          onInput={(c) => props.onChange(c.trim() ? { ...parser, currency: c.trim().toUpperCase() } : { kind: 'money', decimal: parser.decimal })}
        />
      )}
      {parser.kind === 'percent' && (
        <Select
          label={`${props.label}: scale`}
          hideLabel
          value={parser.scale}
          options={[
            ['percent', '40 = 40%'],
            ['fraction', '0.4 = 40%'],
          ]}
          onChange={(scale) => props.onChange({ ...parser, scale })}
          disabled={disabled}
        />
      )}
      {parser.kind === 'date' && (
        <Select label={`${props.label}: date format`} hideLabel value={parser.format} options={DATE_FORMATS.map((f) => [f, DATE_FORMAT_LABELS[f]] as const)} onChange={(format) => props.onChange({ kind: 'date', format })} disabled={disabled} />
      )}
      {parser.kind === 'enum' && (
        <>
          <LinesInput
            label="Stage map"
            help="One stage a line: Closed Won = won. Categories: open, won, lost."
            value={formatMapLines(parser.map.map((m) => ({ text: m.text, value: m.category })))}
            disabled={disabled}
            onText={(text) => {
              const { pairs, problems } = parseMapLines(text, STAGE_CATEGORIES);
              props.onChange({ ...parser, map: pairs.map((p) => ({ text: p.text, category: p.value })) });
              return problems;
            }}
          />
          <Select
            label="Any other stage is"
            value={parser.otherwise ?? ''}
            options={[['', 'unreadable (report it)'] as const, ...STAGE_CATEGORIES.map((c) => [c, c] as const)]}
            onChange={(o) => props.onChange(o === '' ? { kind: 'enum', map: parser.map } : { ...parser, otherwise: o })}
            disabled={disabled}
          />
        </>
      )}
    </span>
  );
}

function SourceRow(props: {
  label: string;
  required?: boolean;
  source: FieldSource | undefined;
  kinds: readonly ParserKind[];
  json: boolean;
  issues: string[];
  disabled: boolean;
  onChange(source: FieldSource | undefined): void;
  onMap(): FieldSource;
  onPick?(): void;
  extra?: JSX.Element;
}) {
  const { source } = props;
  const issueId = useId();
  return (
    <tr class={props.issues.length > 0 ? 'dc-cc-row dc-cc-row--invalid' : 'dc-cc-row'}>
      <th scope="row">
        {props.label}
        {props.required && (
          <abbr class="dc-cc-req" title="required">
            *
          </abbr>
        )}
        {props.extra}
      </th>
      <td>
        {source ? (
          <LocatorInput label={props.label} locator={source.locator} json={props.json} invalid={props.issues.length > 0} disabled={props.disabled} onChange={(locator) => props.onChange({ ...source, locator })} />
        ) : (
          <span class="dc-muted">Not mapped</span>
        )}
        <Issues messages={props.issues} id={issueId} />
      </td>
      <td>{source && <ParserInput label={props.label} parser={source.parser} kinds={props.kinds} disabled={props.disabled} onChange={(parser) => props.onChange({ ...source, parser })} />}</td>
      <td class="dc-cc-actions">
        {source ? (
          <>
            {props.onPick && !props.json && (
              <button type="button" class="dc-btn" disabled={props.disabled} onClick={props.onPick}>
                Pick on page
              </button>
            )}
            {!props.required && (
              <button type="button" class="dc-btn" disabled={props.disabled} onClick={() => props.onChange(undefined)} aria-label={`Unmap ${props.label}`}>
                Unmap
              </button>
            )}
          </>
        ) : (
          <button type="button" class="dc-btn" disabled={props.disabled} onClick={() => props.onChange(props.onMap())}>
            Map
          </button>
        )}
      </td>
    </tr>
  );
}

function ColumnInput(props: { label: string; column: Column | undefined; json: boolean; optional?: boolean; disabled: boolean; onChange(c: Column | undefined): void }) {
  const kinds: ColumnKind[] = props.json ? ['key'] : ['header', 'nth', 'css'];
  const { column } = props;
  const kind = column ? columnKind(column) : 'none';
  const options = [...(props.optional ? ([['none', 'None']] as const) : []), ...kinds.map((k) => [k, COLUMN_LABELS[k]] as const)];
  return (
    <span class="dc-cc-column">
      <Select label={props.label} value={kind as ColumnKind | 'none'} options={options} disabled={props.disabled} onChange={(k) => props.onChange(k === 'none' ? undefined : columnOfKind(k, column))} />
      {column && 'header' in column && <TextInput label={`${props.label}: header text`} hideLabel value={column.header} placeholder="Role" disabled={props.disabled} onInput={(header) => props.onChange({ header })} />}
      {column && 'nth' in column && (
        <TextInput label={`${props.label}: position (1 = first)`} hideLabel value={String(column.nth)} disabled={props.disabled} onInput={(n) => props.onChange({ nth: Math.max(1, Math.min(50, Number.parseInt(n, 10) || 1)) })} />
      )}
      {column && 'css' in column && <TextInput label={`${props.label}: CSS inside the row`} hideLabel mono value={column.css} placeholder=".role" disabled={props.disabled} onInput={(css) => props.onChange({ ...column, css })} />}
      {column && 'key' in column && <TextInput label={`${props.label}: JSON key`} hideLabel mono value={column.key} placeholder="role" disabled={props.disabled} onInput={(key) => props.onChange({ key })} />}
    </span>
  );
}

function ListRegion(props: { label: string; region: Locator; row: string | undefined; json: boolean; disabled: boolean; issues: string[]; onRegion(l: Locator): void; onRow(row: string | undefined): void; onPick?(): void }) {
  return (
    <div class="dc-cc-list__region">
      <LocatorInput label={`${props.label} list`} locator={props.region} json={props.json} invalid={props.issues.length > 0} disabled={props.disabled} onChange={props.onRegion} />
      {!props.json && <TextInput label="Rows (CSS, optional)" mono value={props.row ?? ''} placeholder="tbody tr" disabled={props.disabled} onInput={(row) => props.onRow(row.trim() ? row : undefined)} />}
      {props.onPick && !props.json && (
        <button type="button" class="dc-btn" disabled={props.disabled} onClick={props.onPick}>
          Pick the list on page
        </button>
      )}
      <Issues messages={props.issues} />
    </div>
  );
}

function StakeholdersSection(props: { value: StakeholderSource | undefined; json: boolean; disabled: boolean; issues: readonly ProfileIssue[]; onChange(s: StakeholderSource | undefined): void; onPick?(): void }) {
  const s = props.value;
  const headingId = useId();
  const newList = (): StakeholderSource =>
    props.json
      ? { region: { by: 'json', path: '' }, name: { key: 'name' }, role: { key: 'role' }, roleMap: [], defaultRoleNames: true }
      : { region: { by: 'label', text: '' }, name: { header: 'Name' }, role: { header: 'Role' }, roleMap: [], defaultRoleNames: true };
  return (
    <section class="dc-cc-list" aria-labelledby={headingId}>
      <div class="dc-opt-section__head">
        <h3 id={headingId} class="dc-cc-h3">
          Stakeholders
        </h3>
        <button type="button" class="dc-btn" disabled={props.disabled} onClick={() => props.onChange(s ? undefined : newList())}>
          {s ? 'Remove' : 'Map a stakeholder list'}
        </button>
      </div>
      {s ? (
        <>
          <ListRegion label="Stakeholder" region={s.region} row={s.row} json={props.json} disabled={props.disabled} issues={issuesAt(props.issues, 'stakeholders.region')} onRegion={(region) => props.onChange({ ...s, region })} onRow={(row) => props.onChange({ ...s, row })} onPick={props.onPick} />
          <div class="dc-cc-columns">
            <ColumnInput label="Name" column={s.name} json={props.json} disabled={props.disabled} onChange={(name) => name && props.onChange({ ...s, name })} />
            <ColumnInput label="Role" optional column={s.role} json={props.json} disabled={props.disabled} onChange={(role) => props.onChange({ ...s, role })} />
            <ColumnInput label="Title" optional column={s.title} json={props.json} disabled={props.disabled} onChange={(title) => props.onChange({ ...s, title })} />
          </div>
          <LinesInput
            label="Role map"
            help={`One role a line: Budget Owner = economic-buyer. Influences: ${INFLUENCES.join(', ')}. Usual English and German role names are recognised without a line.`}
            value={formatMapLines(s.roleMap.map((r) => ({ text: r.text, value: r.influence })))}
            disabled={props.disabled}
            onText={(text) => {
              const { pairs, problems } = parseMapLines(text, INFLUENCES);
              props.onChange({ ...s, roleMap: pairs.map((p) => ({ text: p.text, influence: p.value })) });
              return problems;
            }}
          />
          <Issues messages={issuesAt(props.issues, 'stakeholders').filter((m) => !issuesAt(props.issues, 'stakeholders.region').includes(m))} />
        </>
      ) : (
        <p class="dc-muted">Without a stakeholder list, decision-maker and unreached-people coaching are unavailable.</p>
      )}
    </section>
  );
}

function ActivitiesSection(props: { value: ActivitySource | undefined; json: boolean; disabled: boolean; issues: readonly ProfileIssue[]; onChange(a: ActivitySource | undefined): void; onPick?(): void }) {
  const a = props.value;
  const headingId = useId();
  const newList = (): ActivitySource =>
    props.json
      ? { region: { by: 'json', path: '' }, date: { column: { key: 'date' }, format: 'YYYY-MM-DD' }, kind: { column: { key: 'type' }, map: [] }, contact: { key: 'contact' }, done: { by: 'date' } }
      : { region: { by: 'label', text: '' }, date: { column: { header: 'Date' }, format: 'M/D/YYYY' }, kind: { column: { header: 'Type' }, map: [] }, contact: { header: 'Contact' }, done: { by: 'date' } };
  return (
    <section class="dc-cc-list" aria-labelledby={headingId}>
      <div class="dc-opt-section__head">
        <h3 id={headingId} class="dc-cc-h3">
          Activities
        </h3>
        <button type="button" class="dc-btn" disabled={props.disabled} onClick={() => props.onChange(a ? undefined : newList())}>
          {a ? 'Remove' : 'Map an activity list'}
        </button>
      </div>
      {a ? (
        <>
          <ListRegion label="Activity" region={a.region} row={a.row} json={props.json} disabled={props.disabled} issues={issuesAt(props.issues, 'activities.region')} onRegion={(region) => props.onChange({ ...a, region })} onRow={(row) => props.onChange({ ...a, row })} onPick={props.onPick} />
          <div class="dc-cc-columns">
            <ColumnInput label="Date" column={a.date.column} json={props.json} disabled={props.disabled} onChange={(column) => column && props.onChange({ ...a, date: { ...a.date, column } })} />
            <Select label="Date format" value={a.date.format} options={DATE_FORMATS.map((f) => [f, DATE_FORMAT_LABELS[f]] as const)} disabled={props.disabled} onChange={(format) => props.onChange({ ...a, date: { ...a.date, format } })} />
            <ColumnInput label="Type" optional column={a.kind.column} json={props.json} disabled={props.disabled} onChange={(column) => props.onChange({ ...a, kind: { ...a.kind, column } })} />
            <ColumnInput label="Contact" optional column={a.contact} json={props.json} disabled={props.disabled} onChange={(contact) => props.onChange({ ...a, contact })} />
          </div>
          <LinesInput
            label="Type map"
            help={`One type a line: Visit = meeting. Kinds: ${ACTIVITY_KINDS.join(', ')}. Calls, meetings, e-mails, tasks and notes are recognised in English and German without a line.`}
            value={formatMapLines(a.kind.map.map((k) => ({ text: k.text, value: k.kind })))}
            disabled={props.disabled}
            onText={(text) => {
              const { pairs, problems } = parseMapLines(text, ACTIVITY_KINDS);
              props.onChange({ ...a, kind: { ...a.kind, map: pairs.map((p) => ({ text: p.text, kind: p.value })) } });
              return problems;
            }}
          />
          <div class="dc-cc-columns">
            <Select
              label="Counts as done"
              value={a.done.by}
              options={[
                ['date', 'When dated today or earlier'],
                ['column', 'When a status column says so'],
              ]}
              disabled={props.disabled}
              onChange={(by) => props.onChange({ ...a, done: by === 'date' ? { by: 'date' } : { by: 'column', column: props.json ? { key: 'status' } : { header: 'Status' }, values: ['Completed'] } })}
            />
            {a.done.by === 'column' && (
              <>
                <ColumnInput label="Status" column={a.done.column} json={props.json} disabled={props.disabled} onChange={(column) => column && a.done.by === 'column' && props.onChange({ ...a, done: { ...a.done, column } })} />
                <TextInput
                  label="Done when status is (comma-separated)"
                  value={a.done.values.join(', ')}
                  disabled={props.disabled}
                  onInput={(v) => a.done.by === 'column' && props.onChange({ ...a, done: { ...a.done, values: v.split(',').map((x) => x.trim()).filter(Boolean) } })}
                />
              </>
            )}
          </div>
          <Issues messages={issuesAt(props.issues, 'activities').filter((m) => !issuesAt(props.issues, 'activities.region').includes(m))} />
        </>
      ) : (
        <p class="dc-muted">Without an activity list, single-threaded and unreached-people coaching are unavailable.</p>
      )}
    </section>
  );
}

const RECORD_KINDS = [
  ['path-segment', 'Path (/deals/:id)'],
  ['query', 'Query parameter (?id=…)'],
  ['hash-route', 'Hash route (#/opportunity/:id)'],
  ['hash-param', 'Hash parameter (#…&id=…)'],
] as const;
type RecordKind = (typeof RECORD_KINDS)[number][0];

function recordKind(rule: CustomCrmProfile['recordUrl']): RecordKind {
  if (rule.kind === 'hash') return rule.param !== undefined ? 'hash-param' : 'hash-route';
  return rule.kind;
}

function recordRuleOfKind(kind: RecordKind): CustomCrmProfile['recordUrl'] {
  switch (kind) {
    case 'path-segment':
      return { kind: 'path-segment', pattern: '/deals/:id' };
    case 'query':
      return { kind: 'query', param: 'id' };
    case 'hash-route':
      return { kind: 'hash', pattern: '#/opportunity/:id' };
    case 'hash-param':
      return { kind: 'hash', param: 'id' };
  }
}

export function ProfileEditor(props: ProfileEditorProps) {
  const { profile, issues, locked } = props;
  const disabled = locked || props.saving === true;
  const json = profile.endpoint !== undefined;
  const headingId = useId();
  const lockId = useId();
  const set = (next: CustomCrmProfile) => {
    if (!locked) props.onChange(next);
  };
  const rule = profile.recordUrl;
  const pick = (target: PickTarget) => (props.onPick ? () => props.onPick!(target) : undefined);

  return (
    <section class="dc-opt-section dc-cc-editor" aria-labelledby={headingId} aria-describedby={locked ? lockId : undefined}>
      <div class="dc-opt-section__head">
        <h2 id={headingId} class="dc-opt-h">
          {profile.name.trim() ? profile.name : 'New custom CRM'}
          {locked && <LockedNote id={lockId} />}
        </h2>
        <div class="dc-cc-toolbar">
          <button type="button" class="dc-btn" disabled={props.saving === true || locked} onClick={props.onImport}>
            Import JSON
          </button>
          <button type="button" class="dc-btn" onClick={props.onExport}>
            Export JSON
          </button>
          {props.onDelete && !locked && (
            <button type="button" class="dc-btn dc-btn--danger-outline" disabled={disabled} onClick={props.onDelete}>
              Delete
            </button>
          )}
        </div>
      </div>
      <p class="dc-opt-lead">Tell Deal Coach where your CRM shows each deal field. It reads only what you map here, only on these pages.</p>
      <Issues messages={issues.filter((i) => i.path === '').map((i) => i.message)} />

      <fieldset class="dc-cc-group" disabled={disabled}>
        <legend class="dc-cc-h3">Where</legend>
        <div class="dc-cc-columns">
          <TextInput label="Name" value={profile.name} placeholder="Acme CRM" disabled={disabled} invalid={issuesAt(issues, 'name').length > 0} onInput={(name) => set({ ...profile, name })} />
          <TextInput label="Id" mono value={profile.id} placeholder="acme-crm" disabled={disabled} invalid={issuesAt(issues, 'id').length > 0} onInput={(id) => set({ ...profile, id: id.trim().toLowerCase() })} />
        </div>
        <Issues messages={[...issuesAt(issues, 'name'), ...issuesAt(issues, 'id')]} />
        <div class="dc-cc-columns">
          <TextInput label="CRM pages (match pattern)" mono value={profile.urlPattern} placeholder="https://crm.example.com/*" disabled={disabled} invalid={issuesAt(issues, 'urlPattern').length > 0} onInput={(urlPattern) => set({ ...profile, urlPattern })} />
          <span class={`dc-cc-permission dc-cc-permission--${props.permission}`}>
            {props.permission === 'granted' ? 'Access granted' : props.permission === 'missing' ? 'Deal Coach may not read these pages yet' : ''}
            {props.permission === 'missing' && props.onRequestPermission && (
              <button type="button" class="dc-btn dc-btn--primary" onClick={props.onRequestPermission}>
                Allow access
              </button>
            )}
          </span>
        </div>
        <Issues messages={issuesAt(issues, 'urlPattern')} />
        <div class="dc-cc-columns">
          <Select label="Record id is in the" value={recordKind(rule)} options={RECORD_KINDS} disabled={disabled} onChange={(k) => set({ ...profile, recordUrl: recordRuleOfKind(k) })} />
          {rule.kind === 'path-segment' && <TextInput label="Record path" mono value={rule.pattern} placeholder="/deals/:id" disabled={disabled} onInput={(pattern) => set({ ...profile, recordUrl: { kind: 'path-segment', pattern } })} />}
          {rule.kind === 'query' && (
            <>
              <TextInput label="Parameter" mono value={rule.param} placeholder="id" disabled={disabled} onInput={(param) => set({ ...profile, recordUrl: { ...rule, param } })} />
              <TextInput
                label="Only under path (optional)"
                mono
                value={rule.pathPrefix ?? ''}
                placeholder="/main.aspx"
                disabled={disabled}
                onInput={(p) => set({ ...profile, recordUrl: p.trim() ? { ...rule, pathPrefix: p } : { kind: 'query', param: rule.param } })}
              />
            </>
          )}
          {rule.kind === 'hash' && rule.param === undefined && <TextInput label="Hash route" mono value={rule.pattern ?? ''} placeholder="#/opportunity/:id" disabled={disabled} onInput={(pattern) => set({ ...profile, recordUrl: { kind: 'hash', pattern } })} />}
          {rule.kind === 'hash' && rule.param !== undefined && <TextInput label="Hash parameter" mono value={rule.param} placeholder="id" disabled={disabled} onInput={(param) => set({ ...profile, recordUrl: { kind: 'hash', param } })} />}
        </div>
        <Issues messages={issuesAt(issues, 'recordUrl')} />
        <div class="dc-cc-columns">
          <Select
            label="Read deals from"
            value={json ? 'json' : 'page'}
            options={[
              ['page', 'The record page'],
              ['json', 'A JSON endpoint of the CRM'],
            ]}
            disabled={disabled}
            onChange={(v) => set(withSource(profile, v === 'json'))}
          />
          {profile.endpoint && (
            <TextInput label="Endpoint (path on the CRM's site)" mono value={profile.endpoint.url} placeholder="/api/deals/:id" disabled={disabled} invalid={issuesAt(issues, 'endpoint').length > 0} onInput={(url) => set({ ...profile, endpoint: { url } })} />
          )}
        </div>
        <Issues messages={issuesAt(issues, 'endpoint')} />
      </fieldset>

      <div class="dc-table-wrap">
        <table class="dc-table dc-cc-fields">
          <caption class="dc-cc-h3">Deal fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{json ? 'JSON path' : 'Where on the page'}</th>
              <th scope="col">Read as</th>
              <th scope="col">
                <span class="dc-sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {DEAL_FIELD_KEYS.map((key) => (
              <SourceRow
                key={key}
                label={FIELD_LABELS[key]}
                required={REQUIRED_FIELDS.includes(key)}
                source={profile.fields[key]}
                kinds={PARSERS_FOR[key]}
                json={json}
                issues={issuesAt(issues, `fields.${key}`)}
                disabled={disabled}
                onChange={(source) => set(withField(profile, key, source))}
                onMap={() => defaultSource(key, json)}
                onPick={pick({ kind: 'field', field: key })}
              />
            ))}
            {profile.extraFields.map((extra, i) => (
              <SourceRow
                key={`extra-${i}`}
                label={extra.label ?? (extra.key || `Extra field ${i + 1}`)}
                source={extra.source}
                kinds={EXTRA_FIELD_PARSERS}
                json={json}
                issues={issuesAt(issues, `extraFields.${i}`)}
                disabled={disabled}
                onChange={(source) => set({ ...profile, extraFields: source ? profile.extraFields.map((e, j) => (j === i ? { ...e, source } : e)) : profile.extraFields.filter((_, j) => j !== i) })}
                onMap={() => extra.source}
                onPick={pick({ kind: 'extra', index: i })}
                extra={
                  <TextInput
                    label={`Extra field ${i + 1}: field name for playbooks`}
                    hideLabel
                    mono
                    value={extra.key}
                    placeholder="budget_confirmed"
                    disabled={disabled}
                    onInput={(key) => set({ ...profile, extraFields: profile.extraFields.map((e, j) => (j === i ? { ...e, key } : e)) })}
                  />
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        class="dc-btn"
        disabled={disabled}
        onClick={() => set({ ...profile, extraFields: [...profile.extraFields, { key: '', source: { locator: json ? { by: 'json', path: '' } : { by: 'label', text: '' }, parser: { kind: 'text' } } }] })}
      >
        Add a field for playbook questions
      </button>

      <StakeholdersSection value={profile.stakeholders} json={json} disabled={disabled} issues={issues} onChange={(stakeholders) => set(stakeholders ? { ...profile, stakeholders } : omit(profile, 'stakeholders'))} onPick={pick({ kind: 'list', list: 'stakeholders' })} />
      <ActivitiesSection value={profile.activities} json={json} disabled={disabled} issues={issues} onChange={(activities) => set(activities ? { ...profile, activities } : omit(profile, 'activities'))} onPick={pick({ kind: 'list', list: 'activities' })} />

      <section class="dc-cc-list">
        <LinesInput
          label="Playbook questions answered by these fields"
          help="One question a line: bant/budget = budget_confirmed?, meddpicc/metrics = success_metric. A ? after a field means its “no” is an answer too."
          value={formatQualificationLines(profile.qualification)}
          disabled={disabled}
          onText={(text) => {
            const { mapping, problems } = parseQualificationLines(text);
            set({ ...profile, qualification: mapping });
            return problems;
          }}
        />
        <Issues messages={issuesAt(issues, 'qualification')} />
      </section>

      {props.unavailable && props.unavailable.length > 0 && (
        <section class="dc-cc-list" aria-label="Coaching this mapping cannot give">
          <h3 class="dc-cc-h3">What coaching will not check</h3>
          <ul class="dc-bullets">
            {props.unavailable.map((u) => (
              <li key={u.area}>{u.message}</li>
            ))}
          </ul>
        </section>
      )}

      {!locked && (
        <div class="dc-cc-save">
          <button type="button" class="dc-btn dc-btn--primary" disabled={disabled || issues.length > 0} onClick={props.onSave}>
            {props.saving ? 'Saving…' : 'Save'}
          </button>
          {issues.length > 0 && <span class="dc-muted">Fix the {issues.length === 1 ? 'problem' : `${issues.length} problems`} above to save.</span>}
        </div>
      )}
    </section>
  );
}

function omit<K extends 'stakeholders' | 'activities'>(profile: CustomCrmProfile, key: K): CustomCrmProfile {
  const { [key]: _removed, ...rest } = profile;
  return rest as CustomCrmProfile;
}
