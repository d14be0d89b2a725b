/**
 * big-deal-concentration — this deal is more than `thresholds.bigDealShare` of its owner's open pipeline value
 * (benchmarks.openPipeline; DESIGN §4 "rocks, stones, pebbles", §5).
 * The pipeline figure is taken to include this deal; when it is smaller than the deal's amount it cannot,
 * so the deal is added to it. Silent when the amount is unknown, when the benchmarks are another owner's,
 * or when the pipeline value is unknown.
 */
import { keyPerson } from '../contacts';
import type { CoachingRule } from '../types';
import { money, percent, plural, who } from '../words';

export const bigDealConcentration: CoachingRule = {
  id: 'big-deal-concentration',
  description: "One deal holds more than the set share of the owner's open pipeline value.",
  run(deal, context) {
    const b = context.benchmarks;
    const amount = deal.amount;
    if (!b || amount === null || !(amount > 0) || b.ownerId !== deal.owner.id) return [];
    const p = b.openPipeline;
    const included = p.value >= amount;
    const total = included ? p.value : p.value + amount;
    const count = included ? p.count : p.count + 1;
    const share = amount / total;
    const threshold = context.settings.thresholds.bigDealShare;
    if (!(share > threshold)) return [];
    return [
      {
        ruleId: 'big-deal-concentration',
        severity: 'warn',
        title: `${percent(share)} of your open pipeline`,
        why:
          `This deal (${money(amount, deal.currency)}) is ${percent(share)} of your open pipeline ` +
          `(${money(total, deal.currency)} across ${plural(count, 'open deal', 'open deals')}` +
          `${p.unknownAmount > 0 ? `; ${p.unknownAmount} with unknown amount not counted` : ''}), flagged above ${percent(threshold)}.`,
        action: `Give it extra rigour — confirm the decision date and the paper process with ${who(keyPerson(deal))} — and build more pipeline so your quarter does not rest on one deal.`,
        evidence: { amount, pipelineValue: total, share, openDeals: count, unknownAmount: p.unknownAmount, threshold },
      },
    ];
  },
};
