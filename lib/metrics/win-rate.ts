/**
 * Win rates (DESIGN §4; seed "When is your Win Rate not your Win Rate?").
 * - unit: won ÷ (won + lost) among deals closed in the period;
 * - value: Σ amount(won) ÷ Σ amount(won + lost) among the same deals;
 * - pursued (unit and value): won ÷ every deal pursued in the period, still-open ones included,
 *   because effort spent on an undecided deal is not free: the seed refuses to ignore deal C.
 */
import type { Period } from '../dates';
import type { Deal, StageCategory } from '../model';
import { closedIn, dayCache, pursuedIn, tallyAll, windowOf, type DealFacts, type Window } from './facts';
import { rate } from './stats';
import type { ValueRate, WinRates } from './types';

export function winRates(deals: readonly Deal[], period?: Period | null): WinRates {
  const day = dayCache();
  return tallyAll(deals, day, new WinRateTally(windowOf(period, day)));
}

/** Sums behind one value win rate. Unknown amounts are left out and counted, never read as 0. */
class ValueTally {
  private won = 0;
  private all = 0;
  private unknown = 0;
  private lostKnown = 0;
  private lostZero = 0;
  private lostUnknown = 0;

  /** `outcome` as of the period: a deal decided after it was still open then. */
  add(amount: number | null, outcome: StageCategory): void {
    if (amount === null) {
      this.unknown++;
      if (outcome === 'lost') this.lostUnknown++;
      return;
    }
    this.all += amount;
    if (outcome === 'won') this.won += amount;
    if (outcome === 'lost') {
      this.lostKnown++;
      if (amount === 0) this.lostZero++;
    }
  }

  merge(other: ValueTally): void {
    this.won += other.won;
    this.all += other.all;
    this.unknown += other.unknown;
    this.lostKnown += other.lostKnown;
    this.lostZero += other.lostZero;
    this.lostUnknown += other.lostUnknown;
  }

  result(): ValueRate {
    const value: ValueRate = { ...rate(this.won, this.all), excludedUnknownAmount: this.unknown, zeroValueLost: this.lostZero, reliable: true };
    // A lost deal exported with value 0 (Maven, many CRM reports) is an unknown amount in disguise:
    // it adds nothing to the denominator, so the rate drifts towards 100% and must not be shown as real.
    if (this.lostZero > 0) {
      value.reliable = false;
      value.unreliableReason =
        this.lostZero === this.lostKnown
          ? `${this.lostZero.toLocaleString('en-US')} lost deal${this.lostZero === 1 ? ' has' : 's have'} value 0, so value win rate would read ~100%`
          : `${this.lostZero} of ${this.lostKnown} lost deals have value 0, so value win rate would read too high`;
    } else if (this.lostUnknown > 0 && this.lostKnown === 0) {
      // The same trap after an importer rightly turned those zeros into "unknown": every loss is
      // left out, so nothing weighs against the wins.
      value.reliable = false;
      value.unreliableReason = `${this.lostUnknown.toLocaleString('en-US')} lost deal${this.lostUnknown === 1 ? ' has' : 's have'} no known value, so value win rate would read ~100%`;
    }
    return value;
  }
}

export class WinRateTally {
  private won = 0;
  private lost = 0;
  private pursued = 0;
  private readonly closedValue = new ValueTally();
  private readonly pursuedValue = new ValueTally();

  constructor(private readonly window: Window) {}

  add(f: DealFacts): void {
    const closed = closedIn(f, this.window);
    if (closed) {
      if (f.outcome === 'won') this.won++;
      else this.lost++;
      this.closedValue.add(f.amount, f.outcome);
    }
    if (closed || pursuedIn(f, this.window)) {
      this.pursued++;
      // Only a win inside the period counts as a win; a deal decided later was still open then.
      this.pursuedValue.add(f.amount, closed ? f.outcome : 'open');
    }
  }

  /** Add another tally's deals (same period): an overall figure is the sum of its groups. */
  merge(other: WinRateTally): void {
    this.won += other.won;
    this.lost += other.lost;
    this.pursued += other.pursued;
    this.closedValue.merge(other.closedValue);
    this.pursuedValue.merge(other.pursuedValue);
  }

  result(): WinRates {
    return {
      unit: rate(this.won, this.won + this.lost),
      value: this.closedValue.result(),
      pursued: { unit: rate(this.won, this.pursued), value: this.pursuedValue.result() },
    };
  }
}
