/**
 * The benchmarks one owner's deals are coached against (lib/model/benchmarks.ts, DESIGN §4–5),
 * computed in one pass over the history the adapter read (the owner's and their team's deals).
 */
import type { Benchmarks, Deal, StageChange, Thresholds } from '../model';
import { sizeBands } from './balance';
import { TypicalCycleTally } from './cycle';
import { dayCache, dealFacts, type DayOf } from './facts';
import { quantiles } from './stats';

/**
 * - cycle: the owner's typical cycle, or the team's (whole history) below `minOwnWon` wins;
 * - stageDays: median days in each stage, over every completed stay in the history (see below);
 * - openPipeline: the owner's open deals, unknown amounts counted apart;
 * - sizeBands: terciles of the history's known won amounts (the team's sense of a big deal);
 * - basisDeals: closed deals in the history.
 */
export function computeBenchmarks(history: readonly Deal[], ownerId: string, now: string, thresholds: Thresholds): Benchmarks {
  const day = dayCache();
  const cycle = new TypicalCycleTally(ownerId, thresholds.minOwnWon);
  const stays = new Map<string, number[]>();
  const wonAmounts: number[] = [];
  const openPipeline = { count: 0, value: 0, unknownAmount: 0 };
  let closed = 0;

  for (const deal of history) {
    const f = dealFacts(deal, day);
    cycle.add(f);
    if (f.stageChanges.length > 0) addStageStays(f.stageChanges, f.created, day, stays);
    if (f.outcome === 'won' && f.amount !== null) wonAmounts.push(f.amount);
    if (f.outcome !== 'open') closed++;
    else if (f.ownerId === ownerId) {
      openPipeline.count++;
      if (f.amount === null) openPipeline.unknownAmount++;
      else openPipeline.value += f.amount;
    }
  }

  // fromEntries defines own properties, so a stage named like an Object.prototype key stays a stage.
  const stageDays: Benchmarks['stageDays'] = Object.fromEntries([...stays].map(([stage, days]) => [stage, { median: quantiles(days, [0.5])![0]!, n: days.length }]));

  return { ownerId, cycle: cycle.result(), stageDays, openPipeline, sizeBands: sizeBands(wonAmounts), basisDeals: closed, computedAt: now };
}

/**
 * Completed stays in a stage, from stage changes in time order: the first stage from creation to
 * the first change, then each `to` stage until the next change. The stay a deal is in now has no
 * end yet and is left out (so medians lean short for stages deals linger in — better than
 * guessing an end). Negative stays (bad timestamps) are dropped.
 */
function addStageStays(changes: readonly StageChange[], created: number, day: DayOf, stays: Map<string, number[]>): void {
  // CRMs usually list changes in order: walk them as given, and sort a copy only when they are not.
  let previous = day(changes[0]!.at);
  for (let i = 1; i < changes.length; i++) {
    const at = day(changes[i]!.at);
    if (at < previous) return addSortedStays([...changes].sort((a, b) => day(a.at) - day(b.at)), created, day, stays);
    previous = at;
  }
  addSortedStays(changes, created, day, stays);
}

function addSortedStays(changes: readonly StageChange[], created: number, day: DayOf, stays: Map<string, number[]>): void {
  let enteredAt = day(changes[0]!.at);
  addStay(stays, changes[0]!.from, created, enteredAt);
  for (let i = 1; i < changes.length; i++) {
    const at = day(changes[i]!.at);
    addStay(stays, changes[i - 1]!.to, enteredAt, at);
    enteredAt = at;
  }
}

function addStay(stays: Map<string, number[]>, stage: string | null, from: number, to: number): void {
  const days = to - from;
  if (stage === null || !(days >= 0)) return;
  const list = stays.get(stage);
  if (list) list.push(days);
  else stays.set(stage, [days]);
}
