import { useId } from 'preact/hooks';
import type { Settings } from '../../lib/model';
import { PlaybookId } from '../../lib/model/settings';
import type { OptionsProps } from '../types';
import { LockedNote } from './Locked';

/** Which qualification playbook coaching checks deals against. */
export function PlaybookSection({ settings, playbooks, locked, onChange }: { settings: Settings; playbooks: OptionsProps['playbooks']; locked: boolean; onChange(s: Settings): void }) {
  const lockId = useId();
  const name = useId();
  return (
    <section class="dc-opt-section" aria-labelledby={`${name}-h`}>
      <h2 id={`${name}-h`} class="dc-opt-h">
        Playbook
      </h2>
      <fieldset class="dc-playbooks" disabled={locked} aria-describedby={locked ? lockId : undefined}>
        <legend class="dc-opt-lead">
          The qualification questions coaching checks every deal against.
          {locked && <LockedNote id={lockId} />}
        </legend>
        {playbooks.map((p) => {
          const checked = settings.playbookId === p.id;
          return (
            <label key={p.id} class={`dc-choice${checked ? ' dc-choice--on' : ''}`}>
              <input
                type="radio"
                name={name}
                value={p.id}
                checked={checked}
                onChange={() => {
                  const id = PlaybookId.safeParse(p.id);
                  if (id.success) onChange({ ...settings, playbookId: id.data });
                }}
              />
              <span class="dc-choice__text">
                <span class="dc-choice__name">
                  {p.name} <span class="dc-badge dc-tone-muted">{p.questionCount} questions</span>
                </span>
                <span class="dc-choice__desc">{p.description}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
    </section>
  );
}
