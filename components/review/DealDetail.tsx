import { useEffect, useRef } from 'preact/hooks';
import type { DealCoachingView } from '../../lib/coaching/types';
import { DealView } from '../sidebar/DealView';
import { crmLink } from '../../lib/format';

/** The same coaching as the sidebar, beside the table, with a link to the record in the CRM. */
export function DealDetail({ view, now, onClose }: { view: DealCoachingView; now: string; onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.deal.ref.id]);
  return (
    <aside class="rv-detail" role="dialog" aria-modal="false" aria-label={`Coaching: ${view.deal.name}`}>
      <div class="rv-detail__bar">
        {crmLink(view.deal.ref.url) ? (
          <a class="dc-btn rv-btn" href={crmLink(view.deal.ref.url)!} target="_blank" rel="noreferrer">
            Open in CRM ↗
          </a>
        ) : (
          <span class="rv-muted">Imported from {view.deal.ref.instance}: no CRM link</span>
        )}
        <button type="button" class="rv-btn rv-btn--ghost" ref={closeButton} onClick={onClose} aria-label="Close the coaching panel">
          Close ✕
        </button>
      </div>
      <div class="rv-detail__body">
        <DealView view={view} now={now} />
      </div>
    </aside>
  );
}
