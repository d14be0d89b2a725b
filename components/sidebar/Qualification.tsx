import { useId, useState } from 'preact/hooks';
import type { QualificationItem, QualificationView } from '../../lib/coaching/types';
import { formatCount } from '../../lib/format';
import { Icon } from '../icons';
import { Section } from './Section';

/**
 * The playbook checklist: missing questions first (most important first) with a suggested way
 * to ask; answered ones behind a toggle; questions the CRM has no field for are listed apart as
 * "not tracked in your CRM" — a gap in the CRM, not a failure of the deal.
 */
export function Qualification({ q }: { q: QualificationView }) {
  const missing = q.items.filter((i) => i.status === 'missing').sort((a, b) => b.weight - a.weight);
  const answered = q.items.filter((i) => i.status === 'answered');
  const notTracked = q.items.filter((i) => i.status === 'not-tracked');
  const share = q.tracked > 0 ? q.answered / q.tracked : 0;

  return (
    <Section
      title={
        <>
          Qualification <span class="dc-section__sub">· {q.playbookName}</span>
        </>
      }
    >
      {q.tracked > 0 ? (
        <>
          <p class="dc-qual__summary">
            <strong>
              {formatCount(q.answered)} of {formatCount(q.tracked)}
            </strong>{' '}
            tracked questions answered
          </p>
          <div class="dc-meter" aria-hidden="true">
            <div class={`dc-meter__fill ${share >= 0.8 ? 'dc-tone-ok' : share >= 0.5 ? 'dc-tone-warn' : 'dc-tone-risk'}`} style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
        </>
      ) : (
        <p class="dc-qual__summary">
          None of the {formatCount(q.total)} {q.playbookName} questions is tracked in your CRM. Ask them in conversation and note the answers.
        </p>
      )}

      {missing.length > 0 && (
        <ul class="dc-checklist" aria-label="Missing answers">
          {missing.map((item) => (
            <li key={item.questionId} class="dc-check dc-check--missing">
              <Icon name="cross" class="dc-check__icon" />
              <div>
                <p class="dc-check__label">
                  <span class="dc-sr">Missing: </span>
                  {item.label}
                  {item.weight >= 4 && <span class="dc-badge dc-tone-risk dc-check__key">Key</span>}
                </p>
                <p class="dc-check__ask">
                  <span class="dc-check__ask-label">Ask:</span> “{item.ask}”
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {missing.length === 0 && q.tracked > 0 && (
        <p class="dc-callout dc-tone-ok dc-qual__done">
          <Icon name="ok" />
          <span>Every tracked question has an answer.</span>
        </p>
      )}

      {answered.length > 0 && (
        <Group label="Answered" items={answered} kind="answered" initiallyOpen={missing.length === 0} />
      )}
      {notTracked.length > 0 && (
        <Group
          label="Not tracked in your CRM"
          items={notTracked}
          kind="not-tracked"
          initiallyOpen={false}
          note="Your CRM has no field for these, so they are not counted. Ask them anyway."
        />
      )}
    </Section>
  );
}

function Group({ label, items, kind, initiallyOpen, note }: { label: string; items: QualificationItem[]; kind: 'answered' | 'not-tracked'; initiallyOpen: boolean; note?: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div class={`dc-qgroup dc-qgroup--${kind}`}>
      <button type="button" class="dc-qgroup__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <Icon name="chevron" class="dc-chevron" />
        {label} <span class="dc-qgroup__count">{items.length}</span>
      </button>
      <div id={id} hidden={!open}>
        {open && note && <p class="dc-qgroup__note">{note}</p>}
        {open && (
          <ul class="dc-checklist dc-checklist--compact">
            {items.map((item) => (
              <li key={item.questionId} class={`dc-check dc-check--${kind}`}>
                <Icon name={kind === 'answered' ? 'check' : 'dash'} class="dc-check__icon" />
                <p class="dc-check__label">
                  <span class="dc-sr">{kind === 'answered' ? 'Answered: ' : 'Not tracked: '}</span>
                  {item.label}
                  {kind === 'answered' && item.answeredBy.length > 0 && <span class="dc-check__field"> · {item.answeredBy.join(', ')}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
