/**
 * Sales cycle (DESIGN §4): days from createdAt to closedAt of won deals — how long a win takes.
 * Lost deals are left out: how fast we lose says nothing about how long a win needs.
 * "Typical cycle" is the median: the owner's own with enough wins, else the team's.
 */
import type { Period } from '../dates';
import type { CycleStats, Deal } from '../model';
import { closedIn, dayCache, dealFacts, tallyAll, windowOf, type DealFacts, type Window } from './facts';
import { quantiles } from './stats';
import type { SalesCycle, TypicalCycle } from './types';

/** Median, p75 and p90 of whole-day cycle lengths; null when there are none. */
export function cycleStats(days: readonly number[]): CycleStats | null {
  const q = quantiles(days, [0.5, 0.75, 0.9]);
  return q ? { median: q[0]!, p75: q[1]!, p90: q[2]!, n: days.length } : null;
}

/**
 * Cycle of the won deals closed in the period (all won deals without one). Deals missing either
 * date, or closed before they were created (bad data), are skipped and counted in `skipped`.
 */
export function salesCycle(deals: readonly Deal[], period?: Period | null): SalesCycle | null {
  const day = dayCache();
  return tallyAll(deals, day, new CycleTally(windowOf(period, day)));
}

/** Whole days from creation to a win, or null when it cannot be measured. */
export function wonCycleDays(f: DealFacts): number | null {
  if (f.outcome !== 'won') return null;
  const days = f.closed - f.created;
  return days >= 0 ? days : null; // NaN (a missing date) fails the test too
}

export class CycleTally {
  readonly days: number[] = [];
  private skipped = 0;

  constructor(private readonly window: Window) {}

  add(f: DealFacts): void {
    if (f.outcome !== 'won' || !closedIn(f, this.window)) return;
    const days = wonCycleDays(f);
    if (days === null) this.skipped++;
    else this.days.push(days);
  }

  merge(other: CycleTally): void {
    for (const days of other.days) this.days.push(days);
    this.skipped += other.skipped;
  }

  result(): SalesCycle | null {
    const stats = cycleStats(this.days);
    return stats ? { ...stats, skipped: this.skipped } : null;
  }
}

/**
 * The cycle to coach an owner's deals against: their own when they have at least `minOwnWon`
 * measurable wins (enough for a median to mean something), else the whole history's ("team").
 * A history holding only the owner's own wins (no team history could be read) is called what it
 * is — 'own', with its small n — rather than passed off as the team's.
 * null when no won deal in the history has both dates.
 */
export function typicalCycle(history: readonly Deal[], ownerId: string, minOwnWon: number): TypicalCycle | null {
  const tally = new TypicalCycleTally(ownerId, minOwnWon);
  const day = dayCache();
  for (const deal of history) tally.add(dealFacts(deal, day));
  return tally.result();
}

/** The owner's won deals with a measurable cycle: what `minOwnWon` is compared with. */
export function ownWonCount(history: readonly Deal[], ownerId: string): number {
  const day = dayCache();
  let n = 0;
  for (const deal of history) if (deal.owner.id === ownerId && deal.stage.category === 'won' && wonCycleDays(dealFacts(deal, day)) !== null) n++;
  return n;
}

/**
 * An owner's history with their team's added (deduplicated by record), for benchmarks: the
 * team's deals give the "team" typical cycle, stage times and size bands.
 */
export function withTeamHistory(own: readonly Deal[], team: readonly Deal[]): Deal[] {
  const seen = new Set(own.map((d) => `${d.ref.instance}|${d.ref.id}`));
  return [...own, ...team.filter((d) => !seen.has(`${d.ref.instance}|${d.ref.id}`))];
}

export class TypicalCycleTally {
  private readonly own: number[] = [];
  private readonly team: number[] = [];

  constructor(
    private readonly ownerId: string,
    private readonly minOwnWon: number,
  ) {}

  add(f: DealFacts): void {
    const days = wonCycleDays(f);
    if (days === null) return;
    this.team.push(days);
    if (f.ownerId === this.ownerId) this.own.push(days);
  }

  result(): TypicalCycle | null {
    const ownOnly = this.own.length === this.team.length;
    const useOwn = this.own.length > 0 && (this.own.length >= this.minOwnWon || ownOnly);
    const stats = cycleStats(useOwn ? this.own : this.team);
    return stats ? { ...stats, basis: useOwn ? 'own' : 'team', ownWon: this.own.length } : null;
  }
}
