import type { Ref } from 'preact';

/** The small tab left on the right edge when the sidebar is collapsed. */
export function CollapsedTab({ summary, tone, onExpand, buttonRef }: { summary: string; tone: 'risk' | 'warn' | 'ok' | 'muted'; onExpand(): void; buttonRef: Ref<HTMLButtonElement> }) {
  return (
    <button ref={buttonRef} type="button" class={`dc-tab dc-tone-${tone}`} aria-expanded={false} aria-label={`Deal Coach · ${summary}. Show coaching`} onClick={onExpand}>
      <span class="dc-tab__mark" aria-hidden="true">
        DC
      </span>
      <span class="dc-tab__text">
        Deal Coach · <span class="dc-tab__summary">{summary}</span>
      </span>
    </button>
  );
}
