/**
 * Where a value is (locator), how it is read (parser) and which column of a list holds it — the
 * editor's per-field controls. Presentational; defaults when switching kinds come from editor-model.
 */
import { DATE_FORMAT_LABELS, DATE_FORMATS, PARSER_LABELS, STAGE_CATEGORIES, type ParserKind } from '../../lib/crm/custom/fields';
import type { Column, Locator, Parser } from '../../lib/crm/custom/profile';
import { columnKind, columnOfKind, formatMapLines, locatorOfKind, parseMapLines, parserOfKind, type ColumnKind, type LocatorKind } from './editor-model';
import { LinesInput, Select, TextInput } from './inputs';

const LOCATOR_LABELS: Record<LocatorKind, string> = { label: 'Label next to it', css: 'CSS selector', attribute: 'Attribute', json: 'JSON path' };
const COLUMN_LABELS: Record<ColumnKind, string> = { header: 'Header', nth: 'Position', css: 'CSS in row', key: 'JSON key' };

export function LocatorInput(props: { label: string; locator: Locator; json: boolean; onChange(l: Locator): void; disabled: boolean; invalid: boolean }) {
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

export function ParserInput(props: { label: string; parser: Parser; kinds: readonly ParserKind[]; onChange(p: Parser): void; disabled: boolean }) {
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

export function ColumnInput(props: { label: string; column: Column | undefined; json: boolean; optional?: boolean; disabled: boolean; onChange(c: Column | undefined): void }) {
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
