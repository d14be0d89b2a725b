/**
 * The custom-CRM editor's form controls: labelled text inputs, selects, `text = value` line lists and
 * the issue list shown beside a control. Presentational.
 */
import { useState } from 'preact/hooks';
import { useUniqueId as useId } from './ids';

export function Issues({ messages, id }: { messages: string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul class="dc-cc-issues" id={id} role="alert">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

export function TextInput(props: { label: string; value: string; onInput(value: string): void; disabled: boolean; placeholder?: string; invalid?: boolean; hideLabel?: boolean; mono?: boolean }) {
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

export function Select<V extends string>(props: { label: string; value: V; options: ReadonlyArray<readonly [V, string]>; onChange(value: V): void; disabled: boolean; hideLabel?: boolean }) {
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
export function LinesInput(props: { label: string; help: string; value: string; onText(text: string): string[]; disabled: boolean }) {
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
