/**
 * Options → Custom CRMs, the wiring (issue #7): profiles from storage (lib/platform/custom-crms),
 * the draft being edited, validation, the optional host permission asked for on Save, and the
 * background's live preview and pick mode in the chosen CRM tab. The page repaints on every change.
 */
import { browser } from 'wxt/browser';
import type { CustomCrmsSectionProps } from '../../components/custom-crm/CustomCrmsSection';
import type { LivePreviewState } from '../../components/custom-crm/LivePreview';
import type { PickTarget } from '../../components/custom-crm/ProfileEditor';
import { defaultSource, emptyProfile } from '../../components/custom-crm/editor-model';
import { FIELD_LABELS } from '../../lib/crm/custom/fields';
import { hostPermissionFor, matchCustomRecord } from '../../lib/crm/custom/match';
import { exportProfiles, importProfiles, validateProfile, type CustomCrmProfile, type Locator, type ProfileIssue } from '../../lib/crm/custom/profile';
import { unavailableCoaching } from '../../lib/crm/custom/unavailable';
import { pickResultItem, readCustomCrms, watchCustomCrms, writeLocalCustomCrms, type CustomCrmEntry } from '../../lib/platform/custom-crms';
import { backgroundMessenger } from '../../lib/platform/messaging';
import type { PickResultMessage } from '../../lib/platform/protocol';

type Editing = NonNullable<CustomCrmsSectionProps['editing']>;

export function createCustomCrmsController(repaint: () => void) {
  let entries: CustomCrmEntry[] = [];
  let ignored: string[] = [];
  let editing: Editing | null = null;
  let tabs: CustomCrmsSectionProps['tabs'] = [];
  let tabId: number | null = null;
  let preview: LivePreviewState = { kind: 'no-tab' };
  let picking: { requestId: string; target: PickTarget; label: string; tabId: number } | null = null;
  let importIssues: string[] = [];
  let message: CustomCrmsSectionProps['message'] = null;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const local = () => entries.filter((e) => e.source === 'local').map((e) => e.profile);

  async function reload(): Promise<void> {
    const stored = await readCustomCrms();
    entries = stored.entries;
    ignored = stored.ignored;
    repaint();
  }

  async function permissionOf(profile: CustomCrmProfile): Promise<Editing['permission']> {
    const origin = hostPermissionFor(profile);
    if (!origin) return 'unknown';
    return (await browser.permissions.contains({ origins: [origin] }).catch(() => false)) ? 'granted' : 'missing';
  }

  /** Re-check the draft: issues, what it cannot coach, permission; then the preview (debounced: typing). */
  function revise(profile: CustomCrmProfile, previewDelayMs = 500): void {
    if (!editing) return;
    const check = validateProfile(profile);
    const issues: ProfileIssue[] = check.ok ? [] : check.issues;
    editing = { ...editing, profile, issues, unavailable: unavailableCoaching(profile) };
    repaint();
    void permissionOf(profile).then((permission) => {
      if (editing && editing.profile === profile) {
        editing = { ...editing, permission };
        repaint();
      }
    });
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void refreshPreview(), previewDelayMs);
  }

  async function refreshTabs(): Promise<void> {
    if (!editing) return;
    const profile = editing.profile;
    const reply = await backgroundMessenger.sendMessage('customCrmTabs', { urlPattern: profile.urlPattern }).catch(() => null);
    tabs = reply?.kind === 'ready' ? reply.tabs.map((t) => ({ ...t, isRecord: matchCustomRecord(t.url, profile) !== null })) : [];
    if (tabId === null || !tabs.some((t) => t.tabId === tabId)) tabId = (tabs.find((t) => t.isRecord) ?? tabs[0])?.tabId ?? null;
    repaint();
    await refreshPreview();
  }

  async function refreshPreview(): Promise<void> {
    if (!editing) return;
    if (tabId === null) {
      preview = { kind: 'no-tab' };
      return repaint();
    }
    if (editing.issues.length > 0) {
      preview = { kind: 'no-tab', message: 'Fix the problems in the profile to see what it reads.' };
      return repaint();
    }
    preview = { kind: 'reading' };
    repaint();
    const asked = editing.profile;
    const reply = await backgroundMessenger.sendMessage('previewCustomCrm', { profile: asked, tabId }).catch(() => null);
    if (!editing || editing.profile !== asked) return;
    if (!reply) preview = { kind: 'error', message: 'Deal Coach could not reach its background service. Reload this page.' };
    else if (reply.kind === 'ready') preview = { kind: 'ready', url: reply.url, report: reply.report };
    else if (reply.kind === 'not-record') preview = { kind: 'not-record', url: reply.url };
    else preview = { kind: 'error', message: reply.message };
    repaint();
  }

  function open(profile: CustomCrmProfile, savedId: string | null, locked: boolean): void {
    editing = { profile, savedId, locked, issues: [], unavailable: [], permission: 'unknown', saving: false };
    message = null;
    importIssues = [];
    revise(profile, 0);
    void refreshTabs();
  }

  function targetLabel(target: PickTarget, profile: CustomCrmProfile): string {
    if (target.kind === 'field') return FIELD_LABELS[target.field];
    if (target.kind === 'extra') return profile.extraFields[target.index]?.label ?? (profile.extraFields[target.index]?.key || 'the extra field');
    return target.list === 'stakeholders' ? 'the stakeholder list' : 'the activity list';
  }

  /** Put a picked locator where the admin asked for it, keeping how the value is read. */
  function applyPick(profile: CustomCrmProfile, target: PickTarget, locator: Locator): CustomCrmProfile {
    if (target.kind === 'field') {
      const source = profile.fields[target.field] ?? defaultSource(target.field, false);
      return { ...profile, fields: { ...profile.fields, [target.field]: { ...source, locator } } };
    }
    if (target.kind === 'extra') {
      return { ...profile, extraFields: profile.extraFields.map((e, i) => (i === target.index ? { ...e, source: { ...e.source, locator } } : e)) };
    }
    const list = profile[target.list];
    return list ? { ...profile, [target.list]: { ...list, region: locator } } : profile;
  }

  function onPickResult(result: (PickResultMessage & { at: number }) | null): void {
    if (!result || !picking || result.requestId !== picking.requestId || !editing) return;
    const { target, label } = picking;
    picking = null;
    if (result.outcome.kind === 'cancelled') {
      message = { tone: 'risk', text: `Picking ${label} was cancelled.` };
      return repaint();
    }
    message = { tone: 'ok', text: `${label}: picked “${result.outcome.text}”.` };
    revise(applyPick(editing.profile, target, result.outcome.locator), 0);
  }

  function download(name: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function saveLocal(next: CustomCrmProfile[], done: string): Promise<void> {
    try {
      await writeLocalCustomCrms(next);
      message = { tone: 'ok', text: done };
    } catch (error) {
      message = { tone: 'risk', text: `Not saved: ${error instanceof Error ? error.message : String(error)}` };
    }
    await reload();
  }

  return {
    async init(): Promise<void> {
      await reload();
      watchCustomCrms(() => void reload());
      pickResultItem.watch(onPickResult);
      // Coming back from the CRM tab: its record may have changed.
      window.addEventListener('focus', () => void refreshTabs());
    },

    props(): CustomCrmsSectionProps {
      return {
        entries,
        ignored,
        editing,
        tabs,
        tabId,
        preview,
        picking: picking?.label ?? null,
        importIssues,
        message,
        onAdd: () => {
          let id = 'my-crm';
          for (let n = 2; entries.some((e) => e.profile.id === id); n++) id = `my-crm-${n}`;
          open(emptyProfile(id), null, false);
        },
        onEdit: (id) => {
          const entry = entries.find((e) => e.profile.id === id);
          if (entry) open(entry.profile, id, entry.source === 'managed');
        },
        onDelete: (id) => {
          if (editing?.savedId === id) editing = null;
          void saveLocal(
            local().filter((p) => p.id !== id),
            'Deleted.',
          );
        },
        onClose: () => {
          editing = null;
          repaint();
        },
        onChange: (profile) => revise(profile),
        onSave: () => {
          if (!editing || editing.issues.length > 0 || editing.locked) return;
          const { profile, savedId } = editing;
          if (entries.some((e) => e.source === 'managed' && e.profile.id === profile.id)) {
            message = { tone: 'risk', text: `Your administrator already sets a custom CRM with the id "${profile.id}": choose another id.` };
            return repaint();
          }
          // The browser grants host access only during the click (user gesture): ask before any await.
          const origin = hostPermissionFor(profile);
          const granted = origin ? browser.permissions.request({ origins: [origin] }).catch(() => false) : Promise.resolve(false);
          editing = { ...editing, saving: true };
          repaint();
          void granted.then(async (ok) => {
            const others = local().filter((p) => p.id !== savedId && p.id !== profile.id);
            await saveLocal([...others, profile], ok ? `Saved ${profile.name}.` : `Saved ${profile.name}, but access to ${origin ?? 'its pages'} was not granted: Deal Coach cannot read them until you allow it.`);
            if (editing) {
              editing = { ...editing, savedId: profile.id, saving: false };
              revise(profile, 0);
            }
          });
        },
        onExport: (id) => {
          const chosen = id ? entries.filter((e) => e.profile.id === id) : entries;
          download(id ? `deal-coach-${id}.json` : 'deal-coach-custom-crms.json', exportProfiles(chosen.map((e) => e.profile)));
        },
        onImportFile: (text) => {
          const result = importProfiles(text);
          if (!result.ok) {
            importIssues = result.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
            message = null;
            return repaint();
          }
          importIssues = [];
          const clash = result.value.find((p) => entries.some((e) => e.source === 'managed' && e.profile.id === p.id));
          if (clash) {
            importIssues = [`"${clash.id}" is set by your administrator and cannot be replaced.`];
            return repaint();
          }
          const ids = new Set(result.value.map((p) => p.id));
          void saveLocal([...local().filter((p) => !ids.has(p.id)), ...result.value], `Imported ${result.value.length === 1 ? '1 profile' : `${result.value.length} profiles`}. Allow access to each CRM from its editor if asked.`);
        },
        onRequestPermission: () => {
          const origin = editing && hostPermissionFor(editing.profile);
          if (!origin || !editing) return;
          void browser.permissions
            .request({ origins: [origin] })
            .catch(() => false)
            .then(() => editing && revise(editing.profile, 0));
        },
        onChooseTab: (id) => {
          tabId = id;
          void refreshPreview();
        },
        onRefreshTabs: () => void refreshTabs(),
        onRefreshPreview: () => void refreshPreview(),
        onPick: (target) => {
          if (!editing || tabId === null) return;
          const label = targetLabel(target, editing.profile);
          const requestId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
          picking = { requestId, target, label, tabId };
          message = null;
          repaint();
          void backgroundMessenger
            .sendMessage('startPick', { tabId, requestId, label, what: target.kind === 'list' ? 'list' : 'value' })
            .catch(() => ({ kind: 'error' as const, message: 'Deal Coach could not reach its background service.' }))
            .then((reply) => {
              if (reply.kind === 'error' && picking?.requestId === requestId) {
                picking = null;
                message = { tone: 'risk', text: reply.message };
                repaint();
              }
            });
        },
        onCancelPick: () => {
          if (!picking) return;
          void backgroundMessenger.sendMessage('stopPick', { tabId: picking.tabId }).catch(() => undefined);
          picking = null;
          repaint();
        },
      };
    },
  };
}
