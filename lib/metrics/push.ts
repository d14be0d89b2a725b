/**
 * Push rate and push count (DESIGN §4; seed "3 Important Sales Funnel Metrics": "the percentage of
 * deals that are forecasted to close within a time frame that don't close in that time frame").
 *
 * Which deals are measured — those whose expected close date, as of the period start, fell in the
 * period. "As of the period start" is read from `history.closeDateChanges`:
 *   - the `to` of the latest change made before the period start (changes on the first day of the
 *     period are already inside it, so their `from` is what was expected at the start);
 *   - no change before the start but some later: the `from` of the earliest one (the date the
 *     deal was expected on before anyone moved it — also right for deals created mid-period);
 *   - no changes at all: the current close date, the only date we know.
 * A deal pulled into the period from outside was not forecast for it, so it is not measured.
 *
 * Which of them were pushed — they did not close in the period:
 *   - closed (won or lost) in the period: not pushed; closed after the period end: pushed;
 *   - closed before the period start, or closed without a date: not measured (nothing to judge);
 *   - still open and the period is over (now ≥ end): pushed — "still open after it";
 *   - still open, period not over: pushed when the current close date has already been moved past
 *     the end, or has passed (it is late already); otherwise not counted either way and reported
 *     as `pending`.
 * Without any history, the rules above reduce to the design's fallback: an open deal whose close
 * date is past counts as pushed. `basis` says which evidence there was: 'history' when at least one
 * measured deal has close-date changes, 'open-past-close' when none has.
 */
import type { Period } from '../dates';
import type { CloseDateChange, Deal } from '../model';
import { dayCache, tallyAll, windowOf, type DayOf, type DealFacts, type Window } from './facts';
import { rate } from './stats';
import type { PushRate } from './types';

/** How many times the close date was moved later (an earlier date or a first date is not a push). */
export function pushCount(deal: Deal, day: DayOf = dayCache()): number {
  let pushes = 0;
  for (const change of deal.history.closeDateChanges) {
    if (day(change.to) > day(change.from)) pushes++; // NaN (a null side) compares false
  }
  return pushes;
}

/**
 * Days the close date has slipped from the first date on record to the current one (negative when
 * pulled in); null without close-date history. For "moved by more than 30 days" coaching.
 */
export function closeDateSlip(deal: Deal, day: DayOf = dayCache()): number | null {
  let firstAt = Infinity;
  let first = NaN;
  for (const change of deal.history.closeDateChanges) {
    const at = day(change.at);
    const from = day(change.from);
    if (at < firstAt && !Number.isNaN(from)) {
      firstAt = at;
      first = from;
    }
  }
  const slip = day(deal.closeDate) - first;
  return Number.isNaN(slip) ? null : slip;
}

/** The expected close date (day number) as of day `asOf`, from a deal's close-date changes; NaN when none. See the header. */
function expectedFromChanges(changes: readonly CloseDateChange[], asOf: number, day: DayOf): number {
  let latestBefore = -Infinity;
  let latest: CloseDateChange | null = null;
  let earliestAfter = Infinity;
  let earliest: CloseDateChange | null = null;
  for (const change of changes) {
    const at = day(change.at);
    if (at < asOf) {
      if (at >= latestBefore) {
        latestBefore = at;
        latest = change;
      }
    } else if (at < earliestAfter) {
      earliestAfter = at;
      earliest = change;
    }
  }
  // Only the chosen change's date is looked up.
  return latest ? day(latest.to) : earliest ? day(earliest.from) : NaN;
}

export function pushRate(deals: readonly Deal[], period: Period, now: string): PushRate {
  const day = dayCache();
  return tallyAll(deals, day, new PushTally(windowOf(period, day), day(now), day, period.label));
}

export class PushTally {
  private measured = 0;
  private pushed = 0;
  private pending = 0;
  private withHistory = 0;

  constructor(
    private readonly window: Window,
    private readonly now: number,
    private readonly day: DayOf,
    private readonly label?: string,
  ) {}

  add(f: DealFacts): void {
    const { start, end } = this.window;
    const changes = f.closeDateChanges;
    const expected = changes.length === 0 ? f.expectedClose : expectedFromChanges(changes, start, this.day);
    if (!(expected >= start && expected < end)) return;

    let pushed: boolean;
    if (f.outcome !== 'open') {
      if (!(f.closed >= start)) return; // closed before the period, or no close date
      pushed = f.closed >= end;
    } else if (this.now >= end) {
      pushed = true;
    } else if (f.expectedClose >= end || f.expectedClose < this.now) {
      pushed = true;
    } else {
      this.pending++;
      return;
    }
    this.measured++;
    if (pushed) this.pushed++;
    if (changes.length > 0) this.withHistory++;
  }

  merge(other: PushTally): void {
    this.measured += other.measured;
    this.pushed += other.pushed;
    this.pending += other.pending;
    this.withHistory += other.withHistory;
  }

  result(): PushRate {
    return {
      ...rate(this.pushed, this.measured),
      basis: this.withHistory > 0 ? 'history' : 'open-past-close',
      ...(this.label === undefined ? {} : { period: this.label }),
      pending: this.pending,
    };
  }
}
