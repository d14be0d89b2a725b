/**
 * The four key sales metrics of a period (DESIGN §4; seed "4 Key Sales Metrics"): number of wins,
 * size of wins, share from existing versus new customers (farmer or hunter), and the product mix.
 */
import type { Period } from '../dates';
import type { Deal } from '../model';
import { closedIn, dayCache, tallyAll, windowOf, type DealFacts, type Window } from './facts';
import { rate } from './stats';
import type { KeyMetrics } from './types';

/** The product name used for won deals that do not say what was sold. */
export const UNKNOWN_PRODUCT = '(unknown)';

export function keyMetrics(deals: readonly Deal[], period?: Period | null): KeyMetrics {
  const day = dayCache();
  return tallyAll(deals, day, new KeyMetricsTally(windowOf(period, day)));
}

export class KeyMetricsTally {
  private wins = 0;
  private wonValue = 0;
  private wonWithAmount = 0;
  private existing = 0;
  private fresh = 0;
  private unknownCustomer = 0;
  private readonly products = new Map<string, { wins: number; value: number }>();

  constructor(private readonly window: Window) {}

  add(f: DealFacts): void {
    if (f.outcome !== 'won' || !closedIn(f, this.window)) return;
    this.wins++;
    if (f.amount !== null) {
      this.wonValue += f.amount;
      this.wonWithAmount++;
    }
    const isNew = f.isNewBusiness;
    if (isNew === true) this.fresh++;
    else if (isNew === false) this.existing++;
    else this.unknownCustomer++;

    const name = f.product || UNKNOWN_PRODUCT;
    const product = this.products.get(name) ?? { wins: 0, value: 0 };
    product.wins++;
    product.value += f.amount ?? 0;
    this.products.set(name, product);
  }

  merge(other: KeyMetricsTally): void {
    this.wins += other.wins;
    this.wonValue += other.wonValue;
    this.wonWithAmount += other.wonWithAmount;
    this.existing += other.existing;
    this.fresh += other.fresh;
    this.unknownCustomer += other.unknownCustomer;
    for (const [name, theirs] of other.products) {
      const ours = this.products.get(name) ?? { wins: 0, value: 0 };
      ours.wins += theirs.wins;
      ours.value += theirs.value;
      this.products.set(name, ours);
    }
  }

  result(): KeyMetrics {
    return {
      wins: this.wins,
      averageWonSize: this.wonWithAmount ? this.wonValue / this.wonWithAmount : null,
      // The share is over deals whose customer type is known; unknown ones are counted apart.
      customers: { existing: this.existing, new: this.fresh, unknown: this.unknownCustomer, existingShare: rate(this.existing, this.existing + this.fresh) },
      // Share of won value (0 when no won amount is known), largest first.
      productMix: [...this.products]
        .map(([product, { wins, value }]) => ({ product, wins, value, share: this.wonValue > 0 ? value / this.wonValue : 0 }))
        .sort((a, b) => b.value - a.value || b.wins - a.wins || a.product.localeCompare(b.product)),
    };
  }
}
