/**
 * The review's metrics report: every metric for all deals and for each group (owner, team or
 * quarter). Each deal is read once, into its group's tally; the overall tally is the merge of the
 * groups' — so the cost is linear in the deals whatever the number of groups (DESIGN §8: 100k
 * deals ≤ 100 ms).
 */
import type { Period } from '../dates';
import { DEFAULT_THRESHOLDS, type Deal, type Thresholds } from '../model';
import { BalanceTally } from './balance';
import { CycleTally } from './cycle';
import { dayCache, dealFacts, windowOf, closedIn, type DayOf, type DealFacts, type Window } from './facts';
import { groupKeyOf, type GroupBy, type TeamOf } from './group';
import { KeyMetricsTally } from './key-metrics';
import { PushTally } from './push';
import { lastFullQuarter } from './quarters';
import { StageConversionTally } from './stage-conversion';
import type { MetricsGroup, MetricsReport } from './types';
import { VelocityTally, velocityWhatIf } from './velocity';
import { WinRateTally } from './win-rate';

export interface SummaryOptions {
  /** Deals closed (or pursued) in this period; all time without one. */
  period?: Period | null;
  groupBy?: GroupBy | null;
  teamOf?: TeamOf;
  /** "Now" as an ISO date or instant: open deals are open as of now; push rate needs it. */
  now: string;
  thresholds?: Thresholds;
}

/**
 * Metrics for all deals and per group, groups sorted by deal count (largest first, then key).
 * - Win rates, cycle, stage conversion and key metrics: deals closed (or pursued) in the period.
 * - Push rate: the period's; without a period, the last full quarter before `now` (labelled).
 * - Velocity: deals open now, with the period's win rate and won size and the group's median cycle.
 * - Balance: deals open now, banded by the terciles of the amounts won in the period.
 * - `deals` counts every deal of the group by its current state, whatever the period.
 */
export function summarize(deals: readonly Deal[], options: SummaryOptions): MetricsReport {
  const { period = null, groupBy = null, teamOf, now } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const day = dayCache();
  const window = windowOf(period, day);
  const pushPeriod = period ?? lastFullQuarter(now);
  const setup: TallySetup = { window, pushWindow: windowOf(pushPeriod, day), pushLabel: pushPeriod.label, now: day(now), day, thresholds };

  const overall = new GroupTally('all', 'All deals', setup);
  const groups = new Map<string, GroupTally>();
  if (groupBy) {
    const keyOf = groupKeyOf(groupBy, teamOf);
    for (const deal of deals) {
      const f = dealFacts(deal, day);
      const { key, label } = keyOf(f);
      let group = groups.get(key);
      if (!group) {
        group = new GroupTally(key, label, setup);
        groups.set(key, group);
      }
      group.add(f);
    }
    // Every figure is a sum over deals, so the whole is the sum of its groups: no second pass.
    for (const group of groups.values()) overall.merge(group);
  } else {
    for (const deal of deals) overall.add(dealFacts(deal, day));
  }

  return {
    period,
    asOf: now,
    overall: overall.result(overall),
    groups: [...groups.values()]
      .map((g) => g.result(overall))
      .sort((a, b) => b.deals.total - a.deals.total || a.key.localeCompare(b.key)),
    groupBy,
  };
}

interface TallySetup {
  window: Window;
  pushWindow: Window;
  pushLabel: string;
  now: number;
  day: DayOf;
  thresholds: Thresholds;
}

/** All the metrics of one group, fed one deal at a time. */
class GroupTally {
  private readonly counts = { total: 0, open: 0, won: 0, lost: 0 };
  private readonly winRates: WinRateTally;
  private readonly cycle: CycleTally;
  private readonly push: PushTally;
  private readonly stages: StageConversionTally;
  readonly velocity: VelocityTally;
  private readonly balance: BalanceTally;
  private readonly keyMetrics: KeyMetricsTally;

  constructor(
    private readonly key: string,
    private readonly label: string,
    private readonly setup: TallySetup,
  ) {
    this.winRates = new WinRateTally(setup.window);
    this.cycle = new CycleTally(setup.window);
    this.push = new PushTally(setup.pushWindow, setup.now, setup.day, setup.pushLabel);
    this.stages = new StageConversionTally(setup.window);
    this.velocity = new VelocityTally(setup.window);
    this.balance = new BalanceTally(setup.thresholds.bigDealShare);
    this.keyMetrics = new KeyMetricsTally(setup.window);
  }

  add(f: DealFacts): void {
    this.counts.total++;
    if (f.outcome === 'open') this.counts.open++;
    else if (f.outcome === 'won') this.counts.won++;
    else this.counts.lost++;
    this.winRates.add(f);
    this.cycle.add(f);
    this.push.add(f);
    this.stages.add(f);
    this.velocity.add(f);
    this.keyMetrics.add(f);
    if (f.outcome === 'open') this.balance.addOpen(f.deal, f.amount);
    else if (f.outcome === 'won' && closedIn(f, this.setup.window)) this.balance.addWon(f.amount);
  }

  merge(other: GroupTally): void {
    for (const outcome of ['total', 'open', 'won', 'lost'] as const) this.counts[outcome] += other.counts[outcome];
    this.winRates.merge(other.winRates);
    this.cycle.merge(other.cycle);
    this.push.merge(other.push);
    this.stages.merge(other.stages);
    this.velocity.merge(other.velocity);
    this.balance.merge(other.balance);
    this.keyMetrics.merge(other.keyMetrics);
  }

  /** `whole`: the report's overall tally, whose pipeline stages every group is shown against. */
  result(whole: GroupTally): MetricsGroup {
    const cycle = this.cycle.result();
    return {
      key: this.key,
      label: this.label,
      deals: { ...this.counts },
      winRates: this.winRates.result(),
      cycle,
      pushRate: this.push.result(),
      stageConversion: this.stages.result(whole.stages),
      velocity: velocityWhatIf(this.velocity.inputs(cycle?.median ?? null, whole.velocity.firstOrder)),
      balance: this.balance.result(),
      keyMetrics: this.keyMetrics.result(),
    };
  }
}
