/**
 * The popup's personal summary of one rep (DESIGN §2, §4), in one pass over the history.
 */
import type { Deal, Thresholds } from '../model';
import { TypicalCycleTally } from './cycle';
import { ALL_TIME, dayCache, dealFacts, windowOf } from './facts';
import { PushTally } from './push';
import { fullQuartersBefore, lastFullQuarter } from './quarters';
import { rate } from './stats';
import type { PersonalSummary } from './types';
import { VelocityTally, velocityWhatIf } from './velocity';
import { WinRateTally } from './win-rate';

/** Quarters in the win-rate trend. */
export const TREND_QUARTERS = 6;

/**
 * - win rates: all of the owner's deals in the history;
 * - typical cycle: own, or the team's (the whole history) below `minOwnWon` wins;
 * - push rate: the last full quarter before `now`;
 * - velocity what-if: the owner's open and closed deals, with the typical cycle's median;
 * - trend: unit win rate of the owner's deals closed in each of the last 6 full quarters, oldest first;
 * - openDeals: the owner's open deals.
 */
export function personalSummary(history: readonly Deal[], ownerId: string, now: string, thresholds: Thresholds): PersonalSummary {
  const day = dayCache();
  const pushQuarter = lastFullQuarter(now);
  const quarters = fullQuartersBefore(now, TREND_QUARTERS).map((period) => ({ period, window: windowOf(period, day), won: 0, lost: 0 }));
  const trendStart = quarters[0]!.window.start;
  const trendEnd = quarters[quarters.length - 1]!.window.end;

  const winRates = new WinRateTally(ALL_TIME);
  const cycle = new TypicalCycleTally(ownerId, thresholds.minOwnWon);
  const push = new PushTally(windowOf(pushQuarter, day), day(now), day, pushQuarter.label);
  const velocity = new VelocityTally(ALL_TIME);
  let ownerName = '';
  let openDeals = 0;
  // The pipeline's first stage, from every deal: an owner's own deals may all be past it.
  let firstOrder = Infinity;

  for (const deal of history) {
    const f = dealFacts(deal, day);
    cycle.add(f);
    if (f.stageOrder !== null && f.stageOrder < firstOrder) firstOrder = f.stageOrder;
    if (f.ownerId !== ownerId) continue;
    ownerName ||= f.ownerName;
    winRates.add(f);
    push.add(f);
    velocity.add(f);
    if (f.outcome === 'open') openDeals++;
    else if (f.closed >= trendStart && f.closed < trendEnd) {
      const quarter = quarters.find((q) => f.closed < q.window.end)!; // six at most: constant work
      if (f.outcome === 'won') quarter.won++;
      else quarter.lost++;
    }
  }

  const typicalCycle = cycle.result();
  return {
    ownerId,
    ownerName,
    winRates: winRates.result(),
    typicalCycle,
    pushRate: push.result(),
    velocity: velocityWhatIf(velocity.inputs(typicalCycle?.median ?? null, firstOrder)),
    trend: quarters.map((q) => ({ quarter: q.period.label, winRate: rate(q.won, q.won + q.lost) })),
    openDeals,
    asOf: now,
  };
}
