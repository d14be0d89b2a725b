/**
 * One mapped value of the editor (a Deal field or an extra field: where, read as, pick / unmap) and
 * the region of a list (stakeholders, activities). Presentational.
 */
import { useUniqueId as useId } from './ids';
import type { JSX } from 'preact';
import type { ParserKind } from '../../lib/crm/custom/fields';
import type { FieldSource, Locator } from '../../lib/crm/custom/profile';
import { Issues, TextInput } from './inputs';
import { LocatorInput, ParserInput } from './locators';

export function SourceRow(props: {
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

export function ListRegion(props: { label: string; region: Locator; row: string | undefined; json: boolean; disabled: boolean; issues: string[]; onRegion(l: Locator): void; onRow(row: string | undefined): void; onPick?(): void }) {
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
