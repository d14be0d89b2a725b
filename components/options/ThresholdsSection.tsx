import { useEffect, useId, useState } from 'preact/hooks';
import type { Settings } from '../../lib/model';
import { DEFAULT_THRESHOLDS } from '../../lib/model/settings';
import { isLocked, LockedNote } from './Locked';
import { parseThresholdInput, THRESHOLD_FIELDS, toInputText, type ThresholdField, type ThresholdKey } from './thresholds';

type Drafts = Partial<Record<ThresholdKey, { text: string; error: string | null }>>;

/**
 * Number inputs for the coaching thresholds. A value is checked as it is typed and saved when
 * the input changes (blur or Enter) if it is valid; an invalid one stays on screen with its error.
 */
export function ThresholdsSection({ settings, locked, onChange }: { settings: Settings; locked: readonly string[]; onChange(s: Settings): void }) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const headingId = useId();
  useEffect(() => setDrafts({}), [settings]);

  const save = (key: ThresholdKey, value: number) => {
    if (settings.thresholds[key] !== value) onChange({ ...settings, thresholds: { ...settings.thresholds, [key]: value } });
  };
  const unlockedDifferent = THRESHOLD_FIELDS.filter((f) => !isLocked(locked, `thresholds.${f.key}`) && settings.thresholds[f.key] !== DEFAULT_THRESHOLDS[f.key]);

  return (
    <section class="dc-opt-section" aria-labelledby={headingId}>
      <div class="dc-opt-section__head">
        <h2 id={headingId} class="dc-opt-h">
          Thresholds
        </h2>
        <button
          type="button"
          class="dc-btn"
          disabled={unlockedDifferent.length === 0}
          onClick={() => {
            const thresholds = { ...settings.thresholds };
            for (const f of unlockedDifferent) thresholds[f.key] = DEFAULT_THRESHOLDS[f.key];
            onChange({ ...settings, thresholds });
          }}
        >
          Reset to defaults
        </button>
      </div>
      <p class="dc-opt-lead">When coaching flags a deal. Changes are saved as you go.</p>
      <div class="dc-fields">
        {THRESHOLD_FIELDS.map((f) => (
          <ThresholdInput
            key={f.key}
            field={f}
            value={settings.thresholds[f.key]}
            draft={drafts[f.key]}
            locked={isLocked(locked, `thresholds.${f.key}`)}
            onDraft={(d) => setDrafts({ ...drafts, [f.key]: d })}
            onSave={(v) => save(f.key, v)}
          />
        ))}
      </div>
    </section>
  );
}

function ThresholdInput({
  field: f,
  value,
  draft,
  locked,
  onDraft,
  onSave,
}: {
  field: ThresholdField;
  value: number;
  draft: { text: string; error: string | null } | undefined;
  locked: boolean;
  onDraft(d: { text: string; error: string | null }): void;
  onSave(v: number): void;
}) {
  const id = useId();
  const error = draft?.error ?? null;
  const check = (text: string) => {
    const r = parseThresholdInput(f, text);
    return 'error' in r ? { text, error: r.error, value: null } : { text, error: null, value: r.value };
  };
  return (
    <div class={`dc-field${error ? ' dc-field--invalid' : ''}${locked ? ' dc-field--locked' : ''}`}>
      <div class="dc-field__top">
        <label class="dc-field__label" for={id}>
          {f.label}
        </label>
        {locked && <LockedNote />}
      </div>
      <div class="dc-field__row">
        <input
          id={id}
          class="dc-field__input"
          type="number"
          inputMode={f.integer ? 'numeric' : 'decimal'}
          min={f.min}
          max={f.max}
          step={f.step}
          value={draft?.text ?? toInputText(f, value)}
          disabled={locked}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help ${id}-msg`}
          onInput={(e) => {
            const r = check(e.currentTarget.value);
            onDraft({ text: r.text, error: r.error });
          }}
          onChange={(e) => {
            const r = check(e.currentTarget.value);
            onDraft({ text: r.text, error: r.error });
            if (r.value != null) onSave(r.value);
          }}
        />
        <span class="dc-field__unit">{f.unit}</span>
      </div>
      <p id={`${id}-help`} class="dc-field__help">
        {f.help} <span class="dc-field__default">Default {f.defaultValue}.</span>
      </p>
      <p id={`${id}-msg`} class="dc-field__msg" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
