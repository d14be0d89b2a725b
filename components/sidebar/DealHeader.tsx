import type { Deal } from '../../lib/model';
import type { DealCoachingView } from '../../lib/coaching/types';
import { dayNumber } from '../../lib/dates';
import { formatAge, formatDate, formatMoney, formatPercent } from '../../lib/format';
import { AgeGauge } from './AgeGauge';

/** Deal name, account, stage, amount, close date, owner and age against the typical cycle. */
export function DealHeader({ view, now, headingId }: { view: DealCoachingView; now: string; headingId: string }) {
  const { deal } = view;
  const forecast = [deal.forecastCategory, deal.probability != null ? formatPercent(deal.probability) : null].filter(Boolean).join(' · ');
  const closePast = deal.stage.category === 'open' && deal.closeDate != null && dayNumber(deal.closeDate) < dayNumber(now);
  return (
    <section class="dc-deal" aria-labelledby={headingId}>
      <div class="dc-deal__kicker">
        <span class={`dc-badge ${stageTone(deal)}`}>{deal.stage.name}</span>
        {deal.stage.category !== 'open' && <span class="dc-muted">{deal.stage.category === 'won' ? 'Closed won' : 'Closed lost'}</span>}
      </div>
      <h2 id={headingId} class="dc-deal__name">
        {deal.name}
      </h2>
      <p class="dc-deal__account">{deal.accountName ?? <span class="dc-muted">No account</span>}</p>
      <dl class="dc-facts">
        <div>
          <dt>Amount</dt>
          <dd class={deal.amount == null ? 'dc-unknown' : 'dc-amount'}>{formatMoney(deal.amount, deal.currency)}</dd>
        </div>
        <div>
          <dt>Close date</dt>
          <dd class={closePast ? 'dc-past' : undefined}>
            {formatDate(deal.closeDate)}
            {closePast && deal.closeDate && <span class="dc-past__tag">passed {formatAge(deal.closeDate, now)}</span>}
          </dd>
        </div>
        <div class={forecast ? undefined : 'dc-facts__wide'}>
          <dt>Owner</dt>
          <dd>{deal.owner.name}</dd>
        </div>
        {forecast && (
          <div>
            <dt>Forecast</dt>
            <dd>{forecast}</dd>
          </div>
        )}
        {deal.nextStep && (
          <div class="dc-facts__wide">
            <dt>Next step in CRM</dt>
            <dd>{deal.nextStep}</dd>
          </div>
        )}
      </dl>
      <AgeGauge age={view.age} category={deal.stage.category} />
    </section>
  );
}

function stageTone(deal: Deal): string {
  if (deal.stage.category === 'won') return 'dc-tone-ok';
  if (deal.stage.category === 'lost') return 'dc-tone-muted';
  return 'dc-tone-info';
}
