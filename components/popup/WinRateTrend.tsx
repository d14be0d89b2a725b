import { useId } from 'preact/hooks';
import type { PersonalSummary } from '../../lib/metrics/types';
import { formatCount, formatPercent } from '../../lib/format';

/** Fewer closed deals than this in a quarter: the bar is drawn pale and flagged. */
const FEW = 5;
const W = 328;
const H = 104;
const TOP = 16;
const BOTTOM = 20;
/** Left gutter for the 50% label. */
const LEFT = 30;

/**
 * Unit win rate by quarter as a small bar chart. The SVG is decorative; a visually hidden
 * table carries the same numbers (with counts) for screen readers.
 */
export function WinRateTrend({ trend }: { trend: PersonalSummary['trend'] }) {
  const captionId = useId();
  if (trend.length === 0) return <p class="dc-pop-note">No closed deals by quarter yet.</p>;
  const slot = (W - LEFT) / trend.length;
  const barW = Math.min(34, slot * 0.56);
  const plotH = H - TOP - BOTTOM;
  const y = (rate: number) => TOP + plotH * (1 - rate);
  const anyFew = trend.some((t) => t.winRate.denominator > 0 && t.winRate.denominator < FEW);
  return (
    <figure class="dc-trend" aria-labelledby={captionId}>
      <figcaption id={captionId} class="dc-sr">
        Win rate by quarter, oldest first
      </figcaption>
      <svg class="dc-trend__svg" viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false">
        <line class="dc-trend__grid" x1={LEFT} x2={W} y1={y(0.5)} y2={y(0.5)} />
        <text class="dc-trend__axis" x={LEFT - 6} y={y(0.5) + 3.5} text-anchor="end">
          50%
        </text>
        <line class="dc-trend__base" x1={LEFT} x2={W} y1={y(0)} y2={y(0)} />
        <text class="dc-trend__axis" x={LEFT - 6} y={y(0) + 3.5} text-anchor="end">
          0%
        </text>
        {trend.map((t, i) => {
          const cx = LEFT + slot * i + slot / 2;
          const r = t.winRate.rate;
          const few = t.winRate.denominator < FEW;
          return (
            <g key={t.quarter}>
              {r != null ? (
                <>
                  <rect class={`dc-trend__bar${few ? ' dc-trend__bar--few' : ''}`} x={cx - barW / 2} y={y(r)} width={barW} height={Math.max(1, y(0) - y(r))} rx="3" />
                  <text class="dc-trend__val" x={cx} y={y(r) - 5} text-anchor="middle">
                    {formatPercent(r)}
                  </text>
                </>
              ) : (
                <text class="dc-trend__val dc-trend__val--none" x={cx} y={y(0) - 5} text-anchor="middle">
                  —
                </text>
              )}
              <text class="dc-trend__q" x={cx} y={H - 5} text-anchor="middle">
                {shortQuarter(t.quarter)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="dc-sr">
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Win rate</th>
            <th scope="col">Won of closed</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((t) => (
            <tr key={t.quarter}>
              <th scope="row">{t.quarter}</th>
              <td>{formatPercent(t.winRate.rate)}</td>
              <td>
                {formatCount(t.winRate.numerator)} of {formatCount(t.winRate.denominator)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {anyFew && <p class="dc-pop-note">Pale bars: fewer than {FEW} closed deals in the quarter.</p>}
    </figure>
  );
}

/** "2025-Q3" -> "Q3 '25". */
function shortQuarter(q: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  return m ? `Q${m[2]} ’${m[1]!.slice(2)}` : q;
}
