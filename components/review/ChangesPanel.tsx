import type { ChangeKind, DealChange, SnapshotDiff } from '../../lib/review/diff';
import { RULE_LABEL } from '../../lib/review/table';
import { formatAge, formatDate, formatMoney, NONE } from '../../lib/format';

const KIND_LABEL: Record<ChangeKind, string> = {
  new: 'new',
  vanished: 'gone',
  stage: 'stage moves',
  amount: 'amount changes',
  'close-date': 'close dates moved',
  'finding-appeared': 'new findings',
  'finding-cleared': 'findings cleared',
  qualification: 'qualification changes',
  people: 'key-people changes',
};

/** "Changed since last review": per deal, what moved since the snapshot the manager saved. */
export function ChangesPanel({ diff, now, onlyChanged, onToggleOnlyChanged, onOpen }: { diff: SnapshotDiff; now: string; onlyChanged: boolean; onToggleOnlyChanged(): void; onOpen(id: string): void }) {
  const summary = (Object.keys(diff.counts) as ChangeKind[]).filter((k) => diff.counts[k] > 0).map((k) => `${diff.counts[k]} ${KIND_LABEL[k]}`);
  return (
    <section class="rv-panel rv-changes" aria-labelledby="rv-changes-title">
      <div class="rv-panel__head">
        <h2 id="rv-changes-title">Changed since last review</h2>
        <span class="rv-muted">
          snapshot saved {formatAge(diff.since, now)} ({formatDate(diff.since)}) · {diff.deals.length} {diff.deals.length === 1 ? 'deal' : 'deals'} changed
        </span>
        {diff.deals.length > 0 && (
          <label class="rv-check rv-noprint">
            <input type="checkbox" checked={onlyChanged} onChange={onToggleOnlyChanged} /> Only changed deals in the table
          </label>
        )}
      </div>
      {diff.deals.length === 0 ? (
        <p class="rv-muted">Nothing changed on the open deals since that review.</p>
      ) : (
        <>
          <p class="rv-changes__summary">{summary.join(' · ')}</p>
          <ul class="rv-changes__list">
            {diff.deals.slice(0, 200).map((d) => (
              <li key={d.id} class="rv-change" data-deal={d.id}>
                <button type="button" class="rv-change__deal" onClick={() => onOpen(d.id)} disabled={d.changes[0]?.kind === 'vanished'}>
                  {d.name}
                </button>
                <span class="rv-muted"> · {d.ownerName}</span>
                <ul class="rv-chips">
                  {d.changes.map((c, i) => (
                    <li key={i} class={`rv-chip rv-chip--${tone(c)}`}>
                      {describe(c, d.currency)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {diff.deals.length > 200 && <p class="rv-muted">…and {diff.deals.length - 200} more (use “Only changed deals”).</p>}
        </>
      )}
    </section>
  );
}

function tone(c: DealChange): 'good' | 'bad' | 'neutral' {
  switch (c.kind) {
    case 'finding-cleared':
      return 'good';
    case 'finding-appeared':
      return 'bad';
    case 'close-date':
      return c.direction === 'pushed' || c.direction === 'cleared' ? 'bad' : 'neutral';
    case 'stage':
      return c.direction === 'back' ? 'bad' : c.direction === 'forward' ? 'good' : 'neutral';
    case 'vanished':
      return c.outcome === 'won' ? 'good' : c.outcome === 'lost' ? 'bad' : 'neutral';
    case 'qualification':
    case 'people':
      return c.to > c.from ? 'good' : 'bad';
    case 'amount':
      return c.to === null || (c.from !== null && c.to < c.from) ? 'bad' : 'neutral';
    default:
      return 'neutral';
  }
}

export function describe(c: DealChange, currency: string | null): string {
  const money = (v: number | null) => formatMoney(v, currency, { unknown: 'unknown' });
  switch (c.kind) {
    case 'new':
      return 'New deal';
    case 'vanished':
      return c.outcome === 'won' ? 'Closed won' : c.outcome === 'lost' ? 'Closed lost' : 'No longer in the open pipeline';
    case 'stage':
      return `Stage ${c.from} → ${c.to}${c.direction === 'back' ? ' (moved back)' : ''}`;
    case 'amount':
      return `Amount ${money(c.from)} → ${money(c.to)}`;
    case 'close-date':
      if (c.direction === 'set') return `Close date set: ${formatDate(c.to)}`;
      if (c.direction === 'cleared') return `Close date removed (was ${formatDate(c.from)})`;
      return `Close date ${c.direction === 'pushed' ? 'pushed' : 'pulled in'} ${c.days} d: ${formatDate(c.from)} → ${formatDate(c.to)}`;
    case 'finding-appeared':
      return `New: ${RULE_LABEL[c.ruleId] ?? c.title}`;
    case 'finding-cleared':
      return `Cleared: ${RULE_LABEL[c.ruleId] ?? c.title}`;
    case 'qualification':
      return `Qualification ${c.from} → ${c.to} of ${c.tracked}`;
    case 'people':
      return `Key people reached ${c.from} → ${c.to} of ${c.total}`;
    default:
      return NONE;
  }
}
