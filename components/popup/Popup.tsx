import type { ComponentChildren } from 'preact';
import type { PersonalSummary, Rate, ValueRate } from '../../lib/metrics/types';
import type { PopupProps } from '../types';
import { countOf, formatAge, formatCount, formatDays, formatFactor, formatMoney, formatPercent } from '../../lib/format';
import { Icon } from '../icons';
import { WinRateTrend } from './WinRateTrend';

/**
 * The toolbar popup: the signed-in rep's own numbers (win rates with their counts, typical
 * cycle, push rate, velocity and its what-if, trend) and a way into their risky deals.
 * Styles: ./popup.css (import ./index.ts).
 */
export function Popup({ state, now, onOpenReview, onOpenOptions }: PopupProps) {
  return (
    <div class="dc-theme dc-popup" data-theme="auto">
      <header class="dc-pop-head">
        <span class="dc-pop-mark" aria-hidden="true">
          DC
        </span>
        <div class="dc-pop-head__text">
          <h1 class="dc-pop-title">Deal Coach</h1>
          <p class="dc-pop-sub">{state.kind === 'ready' ? `${state.summary.ownerName} · ${state.crmLabel}` : 'Your numbers'}</p>
        </div>
      </header>

      <main class="dc-pop-body">
        {state.kind === 'loading' && (
          <>
            <p class="dc-pop-status" role="status">
              Reading your deals…
            </p>
            <div class="dc-pop-skel" aria-hidden="true">
              <span class="dc-skel" style={{ height: '74px' }} />
              <span class="dc-skel" style={{ height: '74px' }} />
              <span class="dc-skel" style={{ height: '52px', gridColumn: '1 / -1' }} />
              <span class="dc-skel" style={{ height: '110px', gridColumn: '1 / -1' }} />
            </div>
          </>
        )}
        {state.kind === 'no-crm' && (
          <div class="dc-pop-empty">
            <p class="dc-pop-empty__title">Open a deal in your CRM first</p>
            <p>{state.message}</p>
            <p class="dc-muted">Deal Coach reads your numbers through the CRM you are signed in to. Open an opportunity there, then click Deal Coach again.</p>
          </div>
        )}
        {state.kind === 'error' && (
          <div class="dc-callout dc-tone-risk" role="alert">
            <Icon name="risk" />
            <div>
              <p class="dc-pop-strong">Your numbers could not be loaded</p>
              <p>{state.message}</p>
            </div>
          </div>
        )}
        {state.kind === 'ready' && <Summary summary={state.summary} riskDeals={state.riskDeals} currency={state.currency ?? null} onOpenReview={onOpenReview} />}
      </main>

      <footer class="dc-pop-foot">
        <span class="dc-muted">{state.kind === 'ready' ? `Updated ${formatAge(state.source.fetchedAt, now)}${state.source.stale ? ' · refreshing…' : ''}` : ''}</span>
        <button type="button" class="dc-link" onClick={onOpenOptions}>
          Options
        </button>
      </footer>
    </div>
  );
}

function Summary({ summary: s, riskDeals, currency, onOpenReview }: { summary: PersonalSummary; riskDeals: number; currency: string | null; onOpenReview: PopupProps['onOpenReview'] }) {
  const money = (n: number | null, compact = true) => formatMoney(n, currency, { compact, unknown: '—' });
  const v = s.velocity;
  const cycle = s.typicalCycle;
  return (
    <>
      {riskDeals > 0 ? (
        <div class="dc-callout dc-tone-risk dc-pop-risk">
          <Icon name="risk" />
          <p class="dc-pop-risk__text">
            <strong>{formatCount(riskDeals)}</strong> of your {countOf(s.openDeals, 'open deal')} {riskDeals === 1 ? 'has' : 'have'} risk findings
          </p>
          <button
            type="button"
            class="dc-btn dc-btn--primary dc-pop-risk__btn"
            aria-label={`Review ${riskDeals === 1 ? 'the deal' : `the ${formatCount(riskDeals)} deals`} with risk findings`}
            onClick={() => onOpenReview({ ownerId: s.ownerId, severity: 'risk' })}
          >
            Review
            <Icon name="arrow" />
          </button>
        </div>
      ) : (
        <p class="dc-callout dc-tone-ok">
          <Icon name="ok" />
          <span>None of your {countOf(s.openDeals, 'open deal')} has a risk finding.</span>
        </p>
      )}

      <Block title="Win rate" hint="closed deals">
        <div class="dc-stats">
          <Stat label="By deals" value={formatPercent(s.winRates.unit.rate)} detail={`${countsOf(s.winRates.unit)} won`} />
          <ValueStat label="By value" rate={s.winRates.value} money={money} />
        </div>
        <p class="dc-pop-line">
          <span class="dc-pop-line__label">Pursued, open deals included:</span> {formatPercent(s.winRates.pursued.unit.rate)} of deals{' '}
          <span class="dc-muted">({countsOf(s.winRates.pursued.unit)})</span>
          {' · '}
          {s.winRates.pursued.value.reliable ? <>{formatPercent(s.winRates.pursued.value.rate)} of value</> : <span class="dc-muted">value not shown</span>}
        </p>
        {!s.winRates.value.reliable && (
          <p class="dc-pop-warn">
            <Icon name="warn" />
            <span>
              <strong>Value win rate not shown.</strong> {s.winRates.value.unreliableReason ?? 'The amounts on lost deals look unreliable.'}
            </span>
          </p>
        )}
        {s.winRates.value.excludedUnknownAmount > 0 && (
          <p class="dc-pop-note">{countOf(s.winRates.value.excludedUnknownAmount, 'deal')} with unknown amount left out of the value rate.</p>
        )}
        <WinRateTrend trend={s.trend} />
      </Block>

      <Block title="Cycle and pushes">
        <div class="dc-stats">
          <Stat
            label="Typical cycle"
            value={cycle ? formatDays(cycle.median) : '—'}
            detail={cycle ? `${cycle.basis === 'own' ? 'your median' : 'team median'}, ${countOf(cycle.n, 'won deal')}` : 'no won deals with dates yet'}
          />
          <Stat
            label={s.pushRate.period ? `Push rate · ${s.pushRate.period}` : 'Push rate'}
            value={formatPercent(s.pushRate.rate)}
            detail={s.pushRate.denominator > 0 ? `${formatCount(s.pushRate.numerator)} of ${countOf(s.pushRate.denominator, 'due deal')} pushed` : 'no deals were due'}
          />
        </div>
        {s.pushRate.basis === 'open-past-close' && s.pushRate.denominator > 0 && (
          <p class="dc-pop-note">Your CRM keeps no close-date history: push rate counts open deals past their close date.</p>
        )}
      </Block>

      <Block title="Sales velocity">
        {v.base.perDay != null ? (
          <>
            <p class="dc-pop-big">
              {money(v.base.perDay, false)} <span class="dc-pop-big__unit">per day</span>
            </p>
            <p class="dc-pop-note">
              {formatCount(v.base.inputs.openQualified)} open qualified × {money(v.base.inputs.averageWonAmount)} average won × {formatPercent(v.base.inputs.unitWinRate)} win rate ÷{' '}
              {formatDays(v.base.inputs.cycleDays)}
            </p>
            {v.factor != null && (
              <p class="dc-pop-whatif">
                <span class="dc-pop-whatif__lead">What if:</span> +10% deals, size and win rate and −10% cycle → <strong>{formatFactor(v.factor)}</strong>
                {v.improved.perDay != null && <span class="dc-muted"> = {money(v.improved.perDay, false)} per day</span>}
              </p>
            )}
          </>
        ) : (
          <p class="dc-pop-note">Not enough data yet: velocity needs {missingWords(v.base.inputs.missing)}.</p>
        )}
      </Block>
    </>
  );
}

function Block({ title, hint, children }: { title: string; hint?: string; children: ComponentChildren }) {
  return (
    <section class="dc-pop-block">
      <h2 class="dc-pop-h">
        {title}
        {hint && <span class="dc-pop-h__hint"> · {hint}</span>}
      </h2>
      {children}
    </section>
  );
}

function Stat({ label, value, detail, tone }: { label: string; value: string; detail: ComponentChildren; tone?: string }) {
  return (
    <div class={`dc-stat${tone ? ` ${tone}` : ''}`}>
      <p class="dc-stat__label">{label}</p>
      <p class="dc-stat__value">{value}</p>
      <p class="dc-stat__detail">{detail}</p>
    </div>
  );
}

/** Value win rate, or "not shown" with the reason when the figure would mislead. */
function ValueStat({ label, rate, money }: { label: string; rate: ValueRate; money(n: number): string }) {
  if (!rate.reliable) {
    return <Stat label={label} value="—" tone="dc-stat--na" detail="not reliable, see below" />;
  }
  return <Stat label={label} value={formatPercent(rate.rate)} detail={rate.denominator > 0 ? `${money(rate.numerator)} of ${money(rate.denominator)} won` : 'no amounts yet'} />;
}

const INPUT_WORDS: Record<string, string> = {
  openQualified: 'open qualified deals',
  averageWonAmount: 'won deals with an amount',
  unitWinRate: 'closed deals',
  cycleDays: 'a typical cycle',
};

/** "won deals with an amount and a typical cycle". */
function missingWords(missing: string[] | undefined): string {
  const words = (missing?.length ? missing : ['averageWonAmount', 'cycleDays']).map((m) => INPUT_WORDS[m] ?? m);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]!;
}

function countsOf(r: Rate): string {
  return `${formatCount(r.numerator)} of ${formatCount(r.denominator)}`;
}
