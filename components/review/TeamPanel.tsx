import type { MetricsGroup, Rate, ValueRate } from '../../lib/metrics';
import type { TeamMetrics } from '../../lib/review/metrics';
import { formatCount, formatDays, formatMoney, formatPercent, NONE } from '../../lib/format';

/** "63% (4,238 of 6,711)": a rate always with its counts. */
function rateText(r: Rate): string {
  return r.rate === null ? `${NONE} (no closed deals)` : `${formatPercent(r.rate)} (${formatCount(r.numerator)} of ${formatCount(r.denominator)})`;
}

function ValueRateCell({ r, currency }: { r: ValueRate; currency: string | null }) {
  if (!r.reliable) {
    return (
      <span class="rv-unavailable" title={r.unreliableReason}>
        unavailable<span class="rv-sub">{r.unreliableReason}</span>
      </span>
    );
  }
  if (r.rate === null) return <span class="rv-muted">{NONE}</span>;
  return (
    <span title={`${formatMoney(r.numerator, currency)} won of ${formatMoney(r.denominator, currency)} decided${r.excludedUnknownAmount ? `; ${r.excludedUnknownAmount} deals with unknown amount left out` : ''}`}>
      {formatPercent(r.rate)}
      <span class="rv-sub">
        {formatMoney(r.numerator, currency, { compact: true })} of {formatMoney(r.denominator, currency, { compact: true })}
      </span>
    </span>
  );
}

/** A bar 0..1 with a tick at the team's rate. */
function RateBar({ value, team }: { value: number | null; team: number | null }) {
  const w = 90;
  return (
    <svg class="rv-bar" width={w} height="10" viewBox={`0 0 ${w} 10`} aria-hidden="true">
      <rect x="0" y="2" width={w} height="6" rx="3" class="rv-bar__track" />
      {value !== null && <rect x="0" y="2" width={Math.max(2, value * w)} height="6" rx="3" class="rv-bar__fill" />}
      {team !== null && <line x1={team * w} x2={team * w} y1="0" y2="10" class="rv-bar__team" />}
    </svg>
  );
}

export function TeamPanel({ metrics, currency, target, onTarget, scopeLabel }: { metrics: TeamMetrics; currency: string | null; target: number | null; onTarget(v: number | null): void; scopeLabel: string }) {
  const team = metrics.overall;
  return (
    <section class="rv-panel rv-team" aria-labelledby="rv-team-title">
      <div class="rv-panel__head">
        <h2 id="rv-team-title">Team metrics</h2>
        <span class="rv-muted">{scopeLabel} · all closed deals to date · tick = team rate</span>
      </div>
      <div class="rv-scroll-x">
        <table class="rv-metrics">
          <thead>
            <tr>
              <th scope="col">Rep</th>
              <th scope="col">Win rate (deals)</th>
              <th scope="col">Value win rate</th>
              <th scope="col">Pursued win rate</th>
              <th scope="col" class="num">Typical cycle</th>
              <th scope="col" class="num" title={`Share of deals due in ${team.pushRate.period ?? 'the period'} that did not close in it`}>
                Push rate
              </th>
              <th scope="col" class="num" title="Open qualified deals × average won size × win rate ÷ cycle days">
                Velocity / day
              </th>
              <th scope="col" class="num">Open</th>
            </tr>
          </thead>
          <tbody>
            {metrics.reps.map((g) => (
              <RepRow key={g.key} g={g} team={team} currency={currency} />
            ))}
          </tbody>
          <tfoot>
            <RepRow g={{ ...team, label: 'Team' }} team={team} currency={currency} />
          </tfoot>
        </table>
      </div>
      <div class="rv-team__charts">
        <Balance metrics={metrics} currency={currency} />
        <Coverage metrics={metrics} currency={currency} target={target} onTarget={onTarget} />
      </div>
    </section>
  );
}

function RepRow({ g, team, currency }: { g: MetricsGroup; team: MetricsGroup; currency: string | null }) {
  const unit = g.winRates.unit;
  return (
    <tr data-rep={g.label ?? g.key}>
      <th scope="row">{g.label ?? g.key}</th>
      <td data-metric="unit-win-rate">
        <span class="rv-rate">
          <RateBar value={unit.rate} team={team.winRates.unit.rate} />
          <span>{rateText(unit)}</span>
        </span>
      </td>
      <td data-metric="value-win-rate">
        <ValueRateCell r={g.winRates.value} currency={currency} />
      </td>
      <td data-metric="pursued-win-rate">{rateText(g.winRates.pursued.unit)}</td>
      <td class="num">
        {g.cycle ? formatDays(g.cycle.median) : NONE}
        {g.cycle && <span class="rv-sub">n = {formatCount(g.cycle.n)}</span>}
      </td>
      <td class="num">
        {g.pushRate.rate === null ? NONE : formatPercent(g.pushRate.rate)}
        <span class="rv-sub">{g.pushRate.denominator ? `${g.pushRate.numerator} of ${g.pushRate.denominator}` : 'none due'}</span>
      </td>
      <td class="num">{g.velocity.base.perDay === null ? NONE : formatMoney(g.velocity.base.perDay, currency)}</td>
      <td class="num">{formatCount(g.deals.open)}</td>
    </tr>
  );
}

const BAND = [
  { key: 'rock', label: 'Rocks', cls: 'rv-band--rock' },
  { key: 'stone', label: 'Stones', cls: 'rv-band--stone' },
  { key: 'pebble', label: 'Pebbles', cls: 'rv-band--pebble' },
] as const;

function Balance({ metrics, currency }: { metrics: TeamMetrics; currency: string | null }) {
  const b = metrics.balance;
  const total = BAND.reduce((s, band) => s + b.bands[band.key].value, 0);
  const w = 320;
  let x = 0;
  return (
    <div class="rv-card">
      <h3>Pipeline balance</h3>
      {!b.limits ? (
        <p class="rv-muted">Fewer than 3 won deals with an amount: no size bands to draw.</p>
      ) : total === 0 ? (
        <p class="rv-muted">No open deal has a known amount{b.unknownAmount ? ` (${formatCount(b.unknownAmount)} open deals without one)` : ''}.</p>
      ) : (
        <>
          <svg width={w} height="22" viewBox={`0 0 ${w} 22`} role="img" aria-label="Open value by deal size">
            {BAND.map((band) => {
              const width = (b.bands[band.key].value / total) * w;
              const rect = <rect key={band.key} x={x} y="2" width={Math.max(0, width - 1)} height="18" class={band.cls} />;
              x += width;
              return rect;
            })}
          </svg>
          <ul class="rv-legend">
            {BAND.map((band) => (
              <li key={band.key}>
                <span class={`rv-swatch ${band.cls}`} aria-hidden="true" />
                {band.label}: {formatMoney(b.bands[band.key].value, currency, { compact: true })} · {formatCount(b.bands[band.key].count)} deals ({formatPercent(b.bands[band.key].value / total)})
              </li>
            ))}
          </ul>
          <p class="rv-muted">
            Bands from won-deal terciles: pebble &lt; {formatMoney(b.limits[0], currency)} ≤ stone &lt; {formatMoney(b.limits[1], currency)} ≤ rock.
            {b.unknownAmount > 0 && ` ${formatCount(b.unknownAmount)} open deals have no amount.`}
            {b.concentrated && b.largest && ` One deal is ${formatPercent(b.largest.share)} of open value: ${b.largest.name}.`}
          </p>
        </>
      )}
    </div>
  );
}

function Coverage({ metrics, currency, target, onTarget }: { metrics: TeamMetrics; currency: string | null; target: number | null; onTarget(v: number | null): void }) {
  const rows = metrics.coverage ?? [];
  const max = Math.max(1.5, ...rows.map((r) => r.coverage ?? 0));
  const w = 140;
  return (
    <div class="rv-card">
      <h3>Coverage (Pipeline Value Factor)</h3>
      <label class="rv-field">
        Revenue target still to win
        <input
          type="number"
          min="0"
          step="1000"
          inputMode="numeric"
          value={target ?? ''}
          placeholder="e.g. 500000"
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            onTarget(Number.isFinite(v) && v > 0 ? v : null);
          }}
        />
      </label>
      {target === null ? (
        <p class="rv-muted">Type the target to see, per stage, open value against what that stage must hold (target ÷ conversion from the stage). 1.0× covers it.</p>
      ) : (
        <table class="rv-coverage">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" class="num">Open value</th>
              <th scope="col" class="num">Conversion</th>
              <th scope="col" class="num">Needed</th>
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{r.stage}</th>
                <td class="num">
                  {formatMoney(r.openValue, currency, { compact: true })}
                  <span class="rv-sub">{formatCount(r.openCount)} deals</span>
                </td>
                <td class="num">{formatPercent(r.conversion)}</td>
                <td class="num">{r.required === null ? NONE : formatMoney(r.required, currency, { compact: true })}</td>
                <td>
                  <svg width={w} height="12" viewBox={`0 0 ${w} 12`} aria-hidden="true" class="rv-bar">
                    <rect x="0" y="3" width={w} height="6" rx="3" class="rv-bar__track" />
                    <rect x="0" y="3" width={Math.min(w, ((r.coverage ?? 0) / max) * w)} height="6" rx="3" class={(r.coverage ?? 0) >= 1 ? 'rv-bar__ok' : 'rv-bar__short'} />
                    <line x1={w / max} x2={w / max} y1="0" y2="12" class="rv-bar__team" />
                  </svg>{' '}
                  {r.coverage === null ? NONE : `${r.coverage.toFixed(2)}×`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
