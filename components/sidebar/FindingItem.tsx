import { useId } from 'preact/hooks';
import type { Finding } from '../../lib/model';
import { Icon } from '../icons';
import { SEVERITY } from './severity';

/** One finding: a disclosure button with the title; the body gives why and the next step. */
export function FindingItem({ finding, open, onToggle }: { finding: Finding; open: boolean; onToggle(): void }) {
  const id = useId();
  const s = SEVERITY[finding.severity];
  return (
    <li class={`dc-finding ${s.tone}`}>
      <button type="button" class="dc-finding__toggle" aria-expanded={open} aria-controls={id} onClick={onToggle}>
        <Icon name={s.icon} class="dc-finding__icon" />
        <span class="dc-finding__title">
          <span class="dc-sr">{s.one}: </span>
          {finding.title}
        </span>
        <Icon name="chevron" class="dc-chevron" />
      </button>
      {/* The body is built only when open: most findings start closed (host-page cost, DESIGN §8). */}
      <div id={id} class="dc-finding__body" hidden={!open}>
        {open && (
          <>
            <p class="dc-finding__why">{finding.why}</p>
            <p class="dc-finding__action">
              <strong>Next step:</strong> {finding.action}
            </p>
          </>
        )}
      </div>
    </li>
  );
}
