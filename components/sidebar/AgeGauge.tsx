import type { DealCoachingView } from '../../lib/coaching/types';
import { formatCount, formatDays } from '../../lib/format';

/**
 * "Open 142 days · typical 57 (your median, 38 won deals)" and a bar with markers at the
 * typical cycle (median) and p90. The sentence carries the meaning; the bar is decorative.
 */
export function AgeGauge({ age, category }: { age: DealCoachingView['age']; category: 'open' | 'won' | 'lost' }) {
  const { days, typicalCycle: cycle } = age;
  if (days == null) {
    return <p class="dc-age dc-muted">Age unknown: the CRM has no created date for this deal.</p>;
  }
  if (category !== 'open') {
    return <p class="dc-age dc-muted">Created {formatDays(days)} ago · closed {category}.</p>;
  }
  if (!cycle) {
    return (
      <div class="dc-age">
        <p>
          <strong>Open {formatDays(days)}</strong>
          <span class="dc-muted"> · no typical cycle yet (no won deals with dates)</span>
        </p>
      </div>
    );
  }
  const tone = days > cycle.p90 ? 'risk' : days > cycle.median ? 'warn' : 'ok';
  const scale = Math.max(days, cycle.p90, 1) * 1.12;
  const pct = (n: number) => `${Math.min(100, (n / scale) * 100).toFixed(1)}%`;
  const basis = cycle.basis === 'own' ? 'your median' : 'team median';
  // Marker labels only when they do not overlap; the text below says the same.
  const labelsFit = (cycle.p90 - cycle.median) / scale > 0.2;
  return (
    <div class={`dc-age dc-tone-${tone}`}>
      <p>
        <strong>Open {formatDays(days)}</strong> · typical {formatCount(Math.round(cycle.median))}{' '}
        <span class="dc-muted">
          ({basis}, {formatCount(cycle.n)} won {cycle.n === 1 ? 'deal' : 'deals'})
        </span>
      </p>
      <div class="dc-gauge" aria-hidden="true">
        <div class="dc-gauge__track">
          <div class="dc-gauge__fill" style={{ width: pct(days) }} />
          <div class="dc-gauge__mark" style={{ left: pct(cycle.median) }} />
          <div class="dc-gauge__mark dc-gauge__mark--p90" style={{ left: pct(cycle.p90) }} />
        </div>
        {labelsFit && (
          <div class="dc-gauge__labels">
            <span style={{ left: pct(cycle.median) }}>median</span>
            <span style={{ left: pct(cycle.p90) }}>p90</span>
          </div>
        )}
      </div>
      <p class="dc-age__note dc-muted">
        {days > cycle.p90
          ? `Older than 9 in 10 won deals (p90 ${formatDays(cycle.p90)}).`
          : days > cycle.median
            ? `Past the typical cycle; 9 in 10 won deals closed within ${formatDays(cycle.p90)}.`
            : `Within the typical cycle; 9 in 10 won deals closed within ${formatDays(cycle.p90)}.`}
      </p>
    </div>
  );
}
