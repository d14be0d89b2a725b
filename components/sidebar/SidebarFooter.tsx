import type { DataSource } from '../types';
import { formatAge } from '../../lib/format';
import { Icon } from '../icons';

/** Data age, Refresh and (when the caller can open it) the pipeline review. */
export function SidebarFooter({ source, failed, busy, now, onRefresh, onOpenReview }: { source: DataSource | null; failed: boolean; busy: boolean; now: string; onRefresh?: () => void; onOpenReview?: () => void }) {
  return (
    <footer class="dc-foot">
      <p class={`dc-foot__age${failed ? ' dc-foot__age--failed' : ''}`}>{ageText(source, failed, busy, now)}</p>
      <div class="dc-foot__actions">
        {onRefresh && (
          <button type="button" class="dc-btn" onClick={onRefresh} disabled={busy}>
            <Icon name="refresh" />
            Refresh
          </button>
        )}
        {onOpenReview && (
          <button type="button" class="dc-link" onClick={onOpenReview}>
            Open pipeline review
          </button>
        )}
      </div>
    </footer>
  );
}

function ageText(source: DataSource | null, failed: boolean, busy: boolean, now: string): string {
  if (busy) return 'Reading…';
  if (!source) return 'Nothing cached for this deal';
  const age = formatAge(source.fetchedAt, now);
  if (failed) return `Cached data from ${age} — refresh failed`;
  if (source.stale) return `Data from ${age} · refreshing…`;
  if (source.fromCache) return `Updated ${age} (cached)`;
  return `Updated ${age}`;
}
