/**
 * The small banner shown on the CRM page while an admin picks where a field is:
 * "Click the value of Close date on the page · Esc to cancel", then what was picked, how it will be
 * found on other records, and how sure that is. CRM text is rendered as text. Presentational: the
 * pick-mode script handles clicks on the page and Esc.
 */
import type { PickSuggestion } from '../../lib/crm/custom/pick';

export interface PickedValue {
  /** The value the clicked element shows now. */
  text: string;
  suggestion: PickSuggestion;
  alternatives: readonly PickSuggestion[];
}

export interface PickOverlayHintProps {
  /** "Close date", "the stakeholder list". */
  target: string;
  /** What the admin is asked to click: a value or a list. */
  what?: 'value' | 'list';
  picked?: PickedValue | null;
  /** Clicked something that cannot be located (outside the page, inside Deal Coach). */
  problem?: string | null;
  onCancel(): void;
  onAccept?(suggestion: PickSuggestion): void;
  onPickAgain?(): void;
  /** Follow the CRM page's theme ('auto': the OS setting). */
  theme?: 'light' | 'dark' | 'auto';
}

export function confidenceWord(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.75 ? 'high' : confidence >= 0.45 ? 'medium' : 'low';
}

export function describeLocator(s: PickSuggestion): string {
  const l = s.locator;
  if (l.by === 'label') return `next to the label “${l.text}”${l.scope ? ` inside ${l.scope}` : ''}`;
  if (l.by === 'attribute') return `${l.attribute} of ${l.selector}`;
  return l.selector;
}

/** A positional CSS path can be a line long: the button shows its end, the tooltip all of it. */
function shortened(text: string, max = 48): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

export function PickOverlayHint(props: PickOverlayHintProps) {
  const { picked } = props;
  const tone = picked ? confidenceWord(picked.suggestion.confidence) : null;
  return (
    <div class="dc-theme dc-cc-pick" data-theme={props.theme ?? 'auto'} role="status" aria-live="polite">
      {!picked && (
        <p class="dc-cc-pick__ask">
          Click {props.what === 'list' ? 'anywhere in' : 'the value of'} <strong>{props.target}</strong> on the page
          <span class="dc-cc-pick__sep" aria-hidden="true">
            {' · '}
          </span>
          <kbd>Esc</kbd> to cancel
        </p>
      )}
      {props.problem && <p class="dc-cc-pick__problem">{props.problem}</p>}
      {picked && (
        <div class="dc-cc-pick__picked">
          <p>
            <strong>{props.target}</strong>
            {props.what !== 'list' && (
              <>
                {' = '}
                <q class="dc-cc-pick__value">{picked.text}</q>
              </>
            )}
          </p>
          <p class="dc-cc-pick__how">
            Found {describeLocator(picked.suggestion)} <span class={`dc-badge dc-tone-${tone === 'high' ? 'ok' : tone === 'medium' ? 'warn' : 'risk'}`}>{tone} confidence</span>
          </p>
          {tone === 'low' && <p class="dc-cc-pick__problem">This depends on the page layout and may break when the CRM changes. A value with a visible label next to it works best.</p>}
          <div class="dc-cc-pick__actions">
            {props.onAccept && (
              <button type="button" class="dc-btn dc-btn--primary" onClick={() => props.onAccept!(picked.suggestion)}>
                Use this
              </button>
            )}
            {props.onAccept &&
              picked.alternatives.slice(0, 2).map((alt, i) => (
                <button key={i} type="button" class="dc-btn" title={`${describeLocator(alt)} (${alt.why})`} onClick={() => props.onAccept!(alt)}>
                  Use {shortened(describeLocator(alt))}
                </button>
              ))}
            {props.onPickAgain && (
              <button type="button" class="dc-btn" onClick={props.onPickAgain}>
                Pick again
              </button>
            )}
            <button type="button" class="dc-btn" onClick={props.onCancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {!picked && (
        <button type="button" class="dc-btn dc-cc-pick__cancel" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
