/**
 * Sales velocity (DESIGN §4; seed: the Dealmaker Index "velocity equation"): revenue per day =
 * open qualified deals × average won amount × unit win rate ÷ cycle days. The what-if shows the
 * seed's point: +10% on each of the first three and −10% on the cycle compound to 1.1³ ÷ 0.9 ≈ ×1.479.
 */
import type { Deal } from '../model';
import { ALL_TIME, closedIn, dayCache, dealFacts, type DealFacts, type Window } from './facts';
import type { Velocity, VelocityInputs, VelocityWhatIf } from './types';

export function salesVelocity(inputs: VelocityInputs): Velocity {
  const { openQualified, averageWonAmount, unitWinRate, cycleDays } = inputs;
  const usable = !inputs.missing?.length && cycleDays > 0 && [openQualified, averageWonAmount, unitWinRate, cycleDays].every(Number.isFinite);
  return { inputs, perDay: usable ? (openQualified * averageWonAmount * unitWinRate) / cycleDays : null };
}

export interface WhatIf {
  /** Relative gain on deal count, deal size and win rate (0.1 = +10%). */
  gain: number;
  /** Relative cut of the cycle (0.1 = 10% shorter). */
  cycleCut: number;
}

export function velocityWhatIf(inputs: VelocityInputs, whatIf: WhatIf = { gain: 0.1, cycleCut: 0.1 }): VelocityWhatIf {
  const base = salesVelocity(inputs);
  const improved = salesVelocity({
    ...inputs,
    openQualified: inputs.openQualified * (1 + whatIf.gain),
    averageWonAmount: inputs.averageWonAmount * (1 + whatIf.gain),
    // A win rate above 100% is not an improvement anyone can make.
    unitWinRate: Math.min(1, inputs.unitWinRate * (1 + whatIf.gain)),
    cycleDays: inputs.cycleDays * (1 - whatIf.cycleCut),
  });
  const factor = base.perDay && improved.perDay !== null ? improved.perDay / base.perDay : null;
  return { base, improved, factor };
}

/**
 * Velocity inputs from a set of deals and a cycle (usually the typical cycle's median).
 * - open qualified: open deals past the pipeline's first stage — the lowest stage order among the
 *   deals, however the CRM numbers its stages (0- or 1-based); a deal whose stage has no order
 *   counts, since nothing says it is unqualified;
 * - average won amount: over won deals with a known amount;
 * - unit win rate: won ÷ (won + lost).
 * Inputs that cannot be computed are listed in `missing` (0 placeholders), so perDay is null.
 */
export function velocityFromDeals(deals: readonly Deal[], cycleDays: number | null): VelocityInputs {
  const tally = new VelocityTally(ALL_TIME);
  const day = dayCache();
  for (const deal of deals) tally.add(dealFacts(deal, day));
  return tally.inputs(cycleDays);
}

/** Velocity inputs over the deals closed in a window (and the deals open now). */
export class VelocityTally {
  /** Open deals by stage order: which are "qualified" is only known once the first stage is. */
  private readonly openByOrder = new Map<number, number>();
  private openUnordered = 0;
  /** Lowest stage order seen on any deal: the pipeline's first stage. */
  firstOrder = Infinity;
  private won = 0;
  private lost = 0;
  private wonAmounts = 0;
  private wonWithAmount = 0;

  constructor(private readonly window: Window) {}

  add(f: DealFacts): void {
    if (f.stageOrder !== null && f.stageOrder < this.firstOrder) this.firstOrder = f.stageOrder;
    if (f.outcome === 'open') {
      if (f.stageOrder === null) this.openUnordered++;
      else this.openByOrder.set(f.stageOrder, (this.openByOrder.get(f.stageOrder) ?? 0) + 1);
      return;
    }
    if (!closedIn(f, this.window)) return;
    if (f.outcome === 'lost') {
      this.lost++;
      return;
    }
    this.won++;
    if (f.amount !== null) {
      this.wonAmounts += f.amount;
      this.wonWithAmount++;
    }
  }

  merge(other: VelocityTally): void {
    this.openUnordered += other.openUnordered;
    for (const [order, n] of other.openByOrder) this.openByOrder.set(order, (this.openByOrder.get(order) ?? 0) + n);
    this.firstOrder = Math.min(this.firstOrder, other.firstOrder);
    this.won += other.won;
    this.lost += other.lost;
    this.wonAmounts += other.wonAmounts;
    this.wonWithAmount += other.wonWithAmount;
  }

  /** `firstOrder`: the pipeline's first stage; a group measured against the whole report passes the report's. */
  inputs(cycleDays: number | null, firstOrder = this.firstOrder): VelocityInputs {
    let openQualified = this.openUnordered;
    for (const [order, n] of this.openByOrder) if (order > firstOrder) openQualified += n;
    const missing: NonNullable<VelocityInputs['missing']> = [];
    if (this.wonWithAmount === 0) missing.push('averageWonAmount');
    if (this.won + this.lost === 0) missing.push('unitWinRate');
    if (cycleDays === null || !(cycleDays > 0)) missing.push('cycleDays');
    return {
      openQualified,
      averageWonAmount: this.wonWithAmount ? this.wonAmounts / this.wonWithAmount : 0,
      unitWinRate: this.won + this.lost ? this.won / (this.won + this.lost) : 0,
      cycleDays: cycleDays !== null && cycleDays > 0 ? cycleDays : 0,
      ...(missing.length ? { missing } : {}),
    };
  }
}
