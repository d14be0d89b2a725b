/**
 * Coverage — the seed's Pipeline Value Factor (DESIGN §4): to win the rest of the target from
 * deals now in stage S, S must hold (remaining target ÷ conversion from S) of open value, because
 * only that share of it turns into wins. Coverage = open value in S ÷ that requirement; ≥ 1 covers.
 *
 * Conversion from S is stage-conversion's rate over the same deals, so it has the same basis; a
 * stage whose rate is an upper bound (`lostStageUnknown`) makes its coverage optimistic.
 */
import type { Deal } from '../model';
import { ALL_TIME, dayCache, dealFacts } from './facts';
import { StageConversionTally } from './stage-conversion';
import type { StageCoverage } from './types';

export interface CoverageTarget {
  /** Revenue target for the period. */
  target: number;
  /** Already won towards it (default 0). */
  wonSoFar?: number;
}

export function coverage(deals: readonly Deal[], { target, wonSoFar = 0 }: CoverageTarget): StageCoverage[] {
  const day = dayCache();
  const conversions = new StageConversionTally(ALL_TIME);
  const open = new Map<string, { value: number; count: number }>();
  for (const deal of deals) {
    conversions.add(dealFacts(deal, day));
    if (deal.stage.category !== 'open') continue;
    const stage = open.get(deal.stage.name) ?? { value: 0, count: 0 };
    stage.count++;
    stage.value += deal.amount ?? 0; // unknown amounts add no value: coverage is never overstated by them
    open.set(deal.stage.name, stage);
  }

  const remaining = Math.max(0, target - wonSoFar);
  return conversions.result().map(({ stage, order, conversion }) => {
    const { value, count } = open.get(stage) ?? { value: 0, count: 0 };
    // A stage that never converted cannot cover anything: the requirement is unbounded, shown as null.
    const required = conversion.rate ? remaining / conversion.rate : null;
    return {
      stage,
      order,
      openValue: value,
      openCount: count,
      conversion: conversion.rate,
      required,
      // With nothing left to win, no requirement to cover: null rather than infinity.
      coverage: required ? value / required : null,
    };
  });
}
