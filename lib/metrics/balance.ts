/**
 * Pipeline balance (DESIGN §4; seed "Rocks and Stones and Pebbles": a barrel of rocks alone is
 * risky, the gaps want stones and pebbles). Open value is split into size bands whose limits are
 * the terciles of won-deal amounts — what "big" means is what this team actually wins:
 * pebble < t1 ≤ stone < t2 ≤ rock. Concentrated when one open deal is more than half of open value.
 */
import type { Deal } from '../model';
import { quantiles } from './stats';
import type { PipelineBalance, SizeBand } from './types';

/** Won-amount terciles; null with fewer than 3 known won amounts (no bands worth drawing). */
export function sizeBands(wonAmounts: readonly number[]): [number, number] | null {
  if (wonAmounts.length < 3) return null;
  const [t1, t2] = quantiles(wonAmounts, [1 / 3, 2 / 3])!;
  return [t1!, t2!];
}

export function bandOf(amount: number, limits: readonly [number, number]): SizeBand {
  return amount < limits[0] ? 'pebble' : amount < limits[1] ? 'stone' : 'rock';
}

/**
 * `openDeals`: the pipeline to weigh (non-open deals in it are ignored); `wonDealsForBands`: won
 * deals whose known amounts set the band limits (others ignored). `bigDealShare` defaults to ½.
 */
export function pipelineBalance(openDeals: readonly Deal[], wonDealsForBands: readonly Deal[], bigDealShare = 0.5): PipelineBalance {
  const tally = new BalanceTally(bigDealShare);
  for (const deal of openDeals) if (deal.stage.category === 'open') tally.addOpen(deal, deal.amount);
  for (const deal of wonDealsForBands) if (deal.stage.category === 'won') tally.addWon(deal.amount);
  return tally.result();
}

export class BalanceTally {
  // Open amounts side by side with their deals: the bands read only the numbers.
  private readonly openAmounts: number[] = [];
  private readonly openDeals: Deal[] = [];
  private readonly wonAmounts: number[] = [];
  private unknownAmount = 0;

  constructor(private readonly bigDealShare = 0.5) {}

  addOpen(deal: Deal, amount: number | null): void {
    if (amount === null) {
      this.unknownAmount++;
      return;
    }
    this.openAmounts.push(amount);
    this.openDeals.push(deal);
  }

  addWon(amount: number | null): void {
    if (amount !== null) this.wonAmounts.push(amount);
  }

  merge(other: BalanceTally): void {
    for (const amount of other.openAmounts) this.openAmounts.push(amount);
    for (const deal of other.openDeals) this.openDeals.push(deal);
    for (const amount of other.wonAmounts) this.wonAmounts.push(amount);
    this.unknownAmount += other.unknownAmount;
  }

  result(): PipelineBalance {
    const limits = sizeBands(this.wonAmounts);
    const bands: PipelineBalance['bands'] = { rock: { count: 0, value: 0 }, stone: { count: 0, value: 0 }, pebble: { count: 0, value: 0 } };
    let totalValue = 0;
    let top = -1;
    const amounts = this.openAmounts;
    for (let i = 0; i < amounts.length; i++) {
      const amount = amounts[i]!;
      totalValue += amount;
      // Ties go to the smaller id, so the answer does not depend on the order deals came in.
      if (top < 0 || amount > amounts[top]! || (amount === amounts[top] && this.openDeals[i]!.ref.id < this.openDeals[top]!.ref.id)) top = i;
      if (limits) {
        const band = bands[bandOf(amount, limits)];
        band.count++;
        band.value += amount;
      }
    }
    const largest = top >= 0 && totalValue > 0 ? this.openDeals[top]! : null;
    const share = largest ? amounts[top]! / totalValue : null;
    return {
      limits,
      bands,
      unknownAmount: this.unknownAmount,
      totalValue,
      largest: largest && share !== null ? { dealId: largest.ref.id, name: largest.name, amount: amounts[top]!, share } : null,
      concentrated: share !== null && share > this.bigDealShare,
    };
  }
}
