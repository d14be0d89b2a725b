/**
 * Options → "Custom CRMs": the profiles in force (the admin's own, and those set by the
 * administrator's policy, read-only), add / edit / delete, import and export as JSON, and while
 * editing: the CRM tab to preview and pick in, the editor, and the live preview. Presentational:
 * entrypoints/options/custom-crms.tsx holds the state and talks to the background.
 */
import { useRef } from 'preact/hooks';
import { useUniqueId as useId } from './ids';
import type { CustomCrmProfile, ProfileIssue } from '../../lib/crm/custom/profile';
import type { UnavailableCoaching } from '../../lib/crm/custom/unavailable';
import { LockedNote } from '../options/Locked';
import { Issues } from './inputs';
import { LivePreview, type LivePreviewState } from './LivePreview';
import { ProfileEditor, type PickTarget } from './ProfileEditor';
import './custom-crm.css';

export interface CustomCrmTabChoice {
  tabId: number;
  title: string;
  url: string;
  isRecord: boolean;
}

export interface CustomCrmsSectionProps {
  entries: ReadonlyArray<{ profile: CustomCrmProfile; source: 'local' | 'managed' }>;
  /** Stored or pushed profiles that were ignored, and why. */
  ignored: readonly string[];
  editing: {
    profile: CustomCrmProfile;
    /** The id it was saved under; null for a new profile. */
    savedId: string | null;
    locked: boolean;
    issues: readonly ProfileIssue[];
    unavailable: readonly UnavailableCoaching[];
    permission: 'granted' | 'missing' | 'unknown';
    saving: boolean;
  } | null;
  tabs: readonly CustomCrmTabChoice[];
  tabId: number | null;
  preview: LivePreviewState;
  /** The field being picked in the CRM tab, if any. */
  picking: string | null;
  /** Problems of the last import, listed. */
  importIssues: readonly string[];
  /** The last outcome in words ("Saved.", "Imported 2 profiles."). */
  message: { tone: 'ok' | 'risk'; text: string } | null;
  onAdd(): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  onClose(): void;
  onChange(profile: CustomCrmProfile): void;
  onSave(): void;
  onExport(id?: string): void;
  onImportFile(text: string): void;
  onRequestPermission(): void;
  onChooseTab(tabId: number): void;
  onRefreshTabs(): void;
  onRefreshPreview(): void;
  onPick(target: PickTarget): void;
  onCancelPick(): void;
}

export function CustomCrmsSection(props: CustomCrmsSectionProps) {
  const headingId = useId();
  const tabSelectId = useId();
  const file = useRef<HTMLInputElement>(null);
  const { editing } = props;
  const openImport = () => file.current?.click();
  return (
    <>
      <section class="dc-opt-section" aria-labelledby={headingId}>
        <div class="dc-opt-section__head">
          <h2 id={headingId} class="dc-opt-h">
            Custom CRMs
          </h2>
          <div class="dc-cc-toolbar">
            <button type="button" class="dc-btn dc-btn--primary" onClick={props.onAdd} disabled={editing !== null}>
              Add a custom CRM
            </button>
            <button type="button" class="dc-btn" onClick={openImport}>
              Import JSON
            </button>
            <button type="button" class="dc-btn" onClick={() => props.onExport()} disabled={props.entries.length === 0}>
              Export JSON
            </button>
          </div>
        </div>
        <p class="dc-opt-lead">For a CRM Deal Coach has no built-in support for: tell it where each deal field is shown on the CRM's pages. No code; it reads only what you map.</p>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          class="dc-sr"
          aria-label="Import custom CRM profiles (JSON file)"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const chosen = input.files?.[0];
            if (chosen) void chosen.text().then(props.onImportFile);
            input.value = '';
          }}
        />
        {props.message && (
          <p class={`dc-field__msg dc-tone-${props.message.tone}`} role="status">
            {props.message.text}
          </p>
        )}
        {props.importIssues.length > 0 && (
          <div class="dc-callout dc-tone-risk" role="alert">
            <p>The file was not imported:</p>
            <Issues messages={[...props.importIssues]} />
          </div>
        )}
        {props.entries.length === 0 ? (
          <p class="dc-muted">No custom CRM yet.</p>
        ) : (
          <div class="dc-table-wrap">
            <table class="dc-table">
              <caption class="dc-sr">Custom CRM profiles</caption>
              <thead>
                <tr>
                  <th scope="col">CRM</th>
                  <th scope="col">Pages</th>
                  <th scope="col">
                    <span class="dc-sr">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.entries.map(({ profile, source }) => (
                  <tr key={`${source}:${profile.id}`}>
                    <th scope="row">
                      {profile.name}
                      {source === 'managed' && <LockedNote />}
                    </th>
                    <td class="dc-cc-mono">{profile.urlPattern}</td>
                    <td class="dc-cc-actions">
                      <button type="button" class="dc-btn" onClick={() => props.onEdit(profile.id)} aria-label={`${source === 'managed' ? 'View' : 'Edit'} ${profile.name}`}>
                        {source === 'managed' ? 'View' : 'Edit'}
                      </button>
                      {source === 'local' && (
                        <button type="button" class="dc-btn dc-btn--danger-outline" onClick={() => props.onDelete(profile.id)} aria-label={`Delete ${profile.name}`}>
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.ignored.length > 0 && (
          <details class="dc-muted">
            <summary>{props.ignored.length === 1 ? '1 stored profile was ignored' : `${props.ignored.length} stored profiles were ignored`}</summary>
            <Issues messages={[...props.ignored]} />
          </details>
        )}
      </section>

      {editing && (
        <>
          <section class="dc-opt-section" aria-label="CRM tab for preview and picking">
            <div class="dc-cc-columns">
              <span class="dc-cc-input dc-cc-input--wide">
                <label for={tabSelectId} class="dc-cc-input__label">
                  CRM tab for the preview and “Pick on page”
                </label>
                <select id={tabSelectId} class="dc-field__input" value={props.tabId === null ? '' : String(props.tabId)} onChange={(e) => props.onChooseTab(Number((e.currentTarget as HTMLSelectElement).value))}>
                  {props.tabs.length === 0 && <option value="">No open tab of this CRM</option>}
                  {props.tabs.map((t) => (
                    <option key={t.tabId} value={String(t.tabId)} selected={t.tabId === props.tabId}>
                      {t.isRecord ? '' : '(not a record) '}
                      {t.title} — {t.url}
                    </option>
                  ))}
                </select>
              </span>
              <button type="button" class="dc-btn" onClick={props.onRefreshTabs}>
                Look for tabs again
              </button>
            </div>
            {props.picking && (
              <p class="dc-callout dc-tone-info" role="status">
                Picking {props.picking} in the CRM tab: click the value there, then “Use this”.{' '}
                <button type="button" class="dc-link" onClick={props.onCancelPick}>
                  Stop picking
                </button>
              </p>
            )}
          </section>
          <ProfileEditor
            profile={editing.profile}
            issues={editing.issues}
            locked={editing.locked}
            permission={editing.permission}
            unavailable={editing.unavailable}
            saving={editing.saving}
            onChange={props.onChange}
            onSave={props.onSave}
            onExport={() => props.onExport(editing.profile.id)}
            onImport={openImport}
            {...(editing.savedId !== null && !editing.locked ? { onDelete: () => props.onDelete(editing.savedId!) } : {})}
            onRequestPermission={props.onRequestPermission}
            {...(props.tabId !== null && !editing.locked ? { onPick: props.onPick } : {})}
          />
          <LivePreview state={props.preview} onRefresh={props.onRefreshPreview} />
          <div class="dc-cc-save">
            <button type="button" class="dc-btn" onClick={props.onClose}>
              Close the editor
            </button>
          </div>
        </>
      )}
    </>
  );
}
