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
 * - open qualified: open deals past the first stage — stage order ≥ 1, taking order 0 as the first
 *   stage; a deal whose stage has no order counts, since nothing says it is unqualified;
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
  private openQualified = 0;
  private won = 0;
  private lost = 0;
  private wonAmounts = 0;
  private wonWithAmount = 0;

  constructor(private readonly window: Window) {}

  add(f: DealFacts): void {
    if (f.outcome === 'open') {
      if (f.stageOrder === null || f.stageOrder >= 1) this.openQualified++;
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
    this.openQualified += other.openQualified;
    this.won += other.won;
    this.lost += other.lost;
    this.wonAmounts += other.wonAmounts;
    this.wonWithAmount += other.wonWithAmount;
  }

  inputs(cycleDays: number | null): VelocityInputs {
    const missing: NonNullable<VelocityInputs['missing']> = [];
    if (this.wonWithAmount === 0) missing.push('averageWonAmount');
    if (this.won + this.lost === 0) missing.push('unitWinRate');
    if (cycleDays === null || !(cycleDays > 0)) missing.push('cycleDays');
    return {
      openQualified: this.openQualified,
      averageWonAmount: this.wonWithAmount ? this.wonAmounts / this.wonWithAmount : 0,
      unitWinRate: this.won + this.lost ? this.won / (this.won + this.lost) : 0,
      cycleDays: cycleDays !== null && cycleDays > 0 ? cycleDays : 0,
      ...(missing.length ? { missing } : {}),
    };
  }
}
