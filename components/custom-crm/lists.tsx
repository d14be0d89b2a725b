/**
 * The stakeholder and activity lists of a profile: where the list is, which column says what, and
 * the CRM's words for roles and activity types. Presentational.
 */
import { useUniqueId as useId } from './ids';
import { ACTIVITY_KINDS, DATE_FORMAT_LABELS, DATE_FORMATS, INFLUENCES } from '../../lib/crm/custom/fields';
import type { ActivitySource, ProfileIssue, StakeholderSource } from '../../lib/crm/custom/profile';
import { formatMapLines, issuesAt, parseMapLines } from './editor-model';
import { Issues, LinesInput, Select, TextInput } from './inputs';
import { ColumnInput } from './locators';
import { ListRegion } from './rows';

export function StakeholdersSection(props: { value: StakeholderSource | undefined; json: boolean; disabled: boolean; issues: readonly ProfileIssue[]; onChange(s: StakeholderSource | undefined): void; onPick?(): void }) {
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

export function ActivitiesSection(props: { value: ActivitySource | undefined; json: boolean; disabled: boolean; issues: readonly ProfileIssue[]; onChange(a: ActivitySource | undefined): void; onPick?(): void }) {
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
