/**
 * Options page: define (or inspect) one custom CRM profile — where its record pages are, and where
 * each Deal field is shown on them. Presentational: the profile comes in, every edit goes out through
 * `onChange`; validation issues, permission state and "pick on page" are the page's business.
 * Locked (pushed by admin policy): everything is shown read-only, export stays available.
 */
import { useUniqueId as useId } from './ids';
import {
  DEAL_FIELD_KEYS,
  EXTRA_FIELD_PARSERS,
  FIELD_LABELS,
  PARSERS_FOR,
  REQUIRED_FIELDS,
  type DealFieldKey,
} from '../../lib/crm/custom/fields';
import type { CustomCrmProfile, ProfileIssue } from '../../lib/crm/custom/profile';
import type { UnavailableCoaching } from '../../lib/crm/custom/unavailable';
import { LockedNote } from '../options/Locked';
import { defaultSource, formatQualificationLines, issuesAt, parseQualificationLines, withField, withSource } from './editor-model';
import { Issues, LinesInput, Select, TextInput } from './inputs';
import { ActivitiesSection, StakeholdersSection } from './lists';
import { RECORD_KINDS, recordKind, recordRuleOfKind } from './record-url';
import { SourceRow } from './rows';

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
