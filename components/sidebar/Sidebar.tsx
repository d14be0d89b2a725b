import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DealCoachingView } from '../../lib/coaching/types';
import type { SidebarProps, SidebarState } from '../types';
import { formatAge } from '../../lib/format';
import { Icon } from '../icons';
import { CollapsedTab } from './CollapsedTab';
import { DealView } from './DealView';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { SidebarFooter } from './SidebarFooter';
import { countBySeverity } from './severity';

/**
 * The coaching sidebar, fixed to the right edge of the CRM page (inside a closed shadow root).
 * Purely presentational: state in, callbacks out. Styles: ./sidebar.css (import ./index.ts).
 */
export function Sidebar(props: SidebarProps) {
  const { state, collapsed, now, theme = 'auto', onRefresh, onOpenReview } = props;
  const tabRef = useRef<HTMLButtonElement>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  // Move focus only after the user toggled: never steal focus from the host page on mount.
  const focusAfterToggle = useRef(false);
  useLayoutEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    (collapsed ? tabRef : hideRef).current?.focus();
  }, [collapsed]);
  const toggle = () => {
    focusAfterToggle.current = true;
    props.onToggleCollapsed();
  };

  if (collapsed) {
    const { summary, tone } = tabSummary(state);
    return (
      <div class="dc-theme dc-root dc-root--collapsed" data-theme={theme}>
        <CollapsedTab summary={summary} tone={tone} onExpand={toggle} buttonRef={tabRef} />
      </div>
    );
  }

  const view = viewOf(state);
  const source = state.kind === 'ready' ? state.source : state.kind === 'error' ? (state.cached?.source ?? null) : null;
  const failed = (state.kind === 'ready' && state.notice != null && state.source.stale) || (state.kind === 'error' && state.cached != null);

  return (
    <aside
      class="dc-theme dc-root dc-panel"
      data-theme={theme}
      aria-label="Deal Coach"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          toggle();
        }
      }}
    >
      <div class="dc-bar">
        <span class="dc-bar__mark" aria-hidden="true">
          DC
        </span>
        <p class="dc-bar__title">
          Deal Coach <span class="dc-bar__crm">· {state.crmLabel}</span>
        </p>
        <button ref={hideRef} type="button" class="dc-iconbtn" aria-expanded={true} aria-label="Hide Deal Coach" title="Hide (Esc)" onClick={toggle}>
          <Icon name="chevron" />
        </button>
      </div>

      <div class="dc-scroll" tabIndex={0} role="region" aria-label="Deal coaching">
        {state.kind === 'loading' && <LoadingState crmLabel={state.crmLabel} />}
        {state.kind === 'ready' && state.notice && (
          <p class="dc-callout dc-tone-warn dc-notice" role="status">
            <Icon name="warn" />
            <span>{state.notice}</span>
          </p>
        )}
        {state.kind === 'error' && (
          <ErrorState crmLabel={state.crmLabel} errorKind={state.errorKind} message={state.message} onRetry={state.cached ? undefined : onRefresh} />
        )}
        {state.kind === 'error' && state.cached && (
          <p class="dc-cached-rule">
            <span>Cached data · read {formatAge(state.cached.source.fetchedAt, now)}</span>
          </p>
        )}
        {view && <DealView key={`${view.deal.ref.instance}/${view.deal.ref.id}`} view={view} now={now} />}
      </div>

      <SidebarFooter
        source={source}
        failed={failed}
        busy={state.kind === 'loading'}
        now={now}
        onRefresh={state.kind === 'error' && !state.cached ? undefined : onRefresh}
        onOpenReview={onOpenReview}
      />
    </aside>
  );
}

function viewOf(state: SidebarState): DealCoachingView | null {
  if (state.kind === 'ready') return state.view;
  if (state.kind === 'error') return state.cached?.view ?? null;
  return null;
}

/** "3 risks", "1 warning", "no risks", "reading…", "can't read deal". */
function tabSummary(state: SidebarState): { summary: string; tone: 'risk' | 'warn' | 'ok' | 'muted' } {
  if (state.kind === 'loading') return { summary: 'reading…', tone: 'muted' };
  const view = viewOf(state);
  if (!view) return { summary: 'could not read deal', tone: 'muted' };
  const c = countBySeverity(view.findings);
  if (c.risk > 0) return { summary: `${c.risk} ${c.risk === 1 ? 'risk' : 'risks'}`, tone: 'risk' };
  if (c.warn > 0) return { summary: `${c.warn} ${c.warn === 1 ? 'warning' : 'warnings'}`, tone: 'warn' };
  return { summary: 'no risks', tone: 'ok' };
}
