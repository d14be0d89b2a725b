/**
 * What every metric reads from a deal, worked out once per deal: its outcome, amount and the day
 * numbers of its dates. Metrics are tallies fed these facts one deal at a time, so a report over
 * many groups still makes a single pass (DESIGN §4: linear in the number of deals).
 */
import { dayNumber, type Period } from '../dates';
import type { CloseDateChange, Deal, StageCategory, StageChange } from '../model';

/** Day number of a date or instant (see lib/dates); NaN when missing or unparseable. */
export type DayOf = (value: string | null | undefined) => number;

/** Calendar dates from 1900 to 2155 get a slot in a flat table; others use a map. */
const FIRST_YEAR = 1900;
const YEARS = 256;
/** Slots hold day + OFFSET (> 0 for every year in range), 0 = not looked up yet, -1 = not a date. */
const OFFSET = 100_000;
const NOT_A_DATE = -1;

/**
 * dayNumber with a memory, for one computation. Parsing a date costs far more than looking it up,
 * and a pipeline repeats the same few thousand days over and over. CRM timestamps are mostly
 * distinct, but a UTC one (`…T10:15:00Z`, as Salesforce and HubSpot send) falls on the UTC day
 * written in its first ten characters — lib/dates counts an instant on its UTC day — so it shares
 * that date's slot. Anything else (other offsets, odd text) goes to dayNumber whole. The day
 * numbers all come from lib/dates; this only remembers them. The memory lives as long as the
 * computation that made it (a 400 kB table), so a long-lived background holds nothing.
 */
export function dayCache(): DayOf {
  const byDate = new Int32Array(YEARS * 416);
  const byText = new Map<string, number>();
  return (value) => {
    if (value === null || value === undefined) return NaN;
    const slot = value.length === 10 || isUtcInstant(value) ? dateSlot(value) : -1;
    if (slot >= 0) {
      let known = byDate[slot]!;
      if (known === 0) {
        const day = dayNumber(value.length === 10 ? value : value.slice(0, 10));
        known = Number.isNaN(day) ? NOT_A_DATE : day + OFFSET;
        byDate[slot] = known;
      }
      // Not a calendar date (02-30): no day, whatever the time part says (as lib/dates).
      return known === NOT_A_DATE ? NaN : known - OFFSET;
    }
    let day = byText.get(value);
    if (day === undefined) {
      day = dayNumber(value);
      byText.set(value, day);
    }
    return day;
  };
}

/** The digit at `at` as a number, or -1. */
function digitAt(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The table slot of `YYYY-MM-DD…` (a memo index, not a date calculation); -1 when not that shape or out of range. */
function dateSlot(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5), m1 = digitAt(text, 6), d0 = digitAt(text, 8), d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - FIRST_YEAR;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  // Month ≤ 12 and day ≤ 31 keep slots apart (12·32 + 31 < 416); dayNumber rejects 02-30 and friends.
  if (year < 0 || year >= YEARS || month > 12 || day > 31) return -1;
  return year * 416 + month * 32 + day;
}

/** `YYYY-MM-DDTHH:MM[:SS[.fff]]Z` with a real time of day (checked by character: this runs per date). */
function isUtcInstant(text: string): boolean {
  const n = text.length;
  if (n < 17 || text.charCodeAt(n - 1) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58 /* : */) return false;
  const h0 = digitAt(text, 11), h1 = digitAt(text, 12), i0 = digitAt(text, 14), i1 = digitAt(text, 15);
  if ((h0 | h1 | i0 | i1) < 0 || h0 * 10 + h1 > 23 || i0 > 5) return false;
  if (n === 17) return true;
  const s0 = digitAt(text, 17), s1 = digitAt(text, 18);
  if (text.charCodeAt(16) !== 58 || (s0 | s1) < 0 || s0 > 5) return false;
  if (n === 20) return true;
  if (text.charCodeAt(19) !== 46 /* . */ || n < 22) return false;
  for (let i = 20; i < n - 1; i++) if (digitAt(text, i) < 0) return false;
  return true;
}

/**
 * Everything a tally reads, copied out of the deal once: tallies then read this small record
 * rather than each walking the deal's nested objects again (at 100k deals, memory traffic is
 * most of the cost).
 */
export interface DealFacts {
  readonly deal: Deal;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly outcome: StageCategory;
  readonly stageName: string;
  readonly stageOrder: number | null;
  /** null when unknown (never read as 0). */
  readonly amount: number | null;
  /** Day numbers; NaN when the deal does not have the date. */
  readonly created: number;
  /** Actual close; NaN for open deals and for closed ones without a date. */
  readonly closed: number;
  /** Current expected close date. */
  readonly expectedClose: number;
  readonly closeDateChanges: readonly CloseDateChange[];
  readonly stageChanges: readonly StageChange[];
  readonly isNewBusiness: boolean | null;
  readonly product: string | null;
}

/** Shared empty history: a tally checking "any changes?" then reads one hot object, not each deal's array. */
const NO_CHANGES: readonly never[] = Object.freeze([]);

export function dealFacts(deal: Deal, day: DayOf): DealFacts {
  const { stage, owner, history } = deal;
  const outcome = stage.category;
  const closed = outcome === 'open' ? NaN : day(deal.closedAt);
  return {
    deal,
    ownerId: owner.id,
    ownerName: owner.name,
    outcome,
    stageName: stage.name,
    stageOrder: stage.order ?? null,
    amount: deal.amount,
    created: day(deal.createdAt),
    closed,
    // A closed deal's close date is usually the day it closed: one lookup serves both.
    expectedClose: outcome !== 'open' && deal.closeDate === deal.closedAt ? closed : day(deal.closeDate),
    closeDateChanges: history.closeDateChanges.length ? history.closeDateChanges : NO_CHANGES,
    stageChanges: history.stageChanges.length ? history.stageChanges : NO_CHANGES,
    isNewBusiness: deal.isNewBusiness ?? null,
    product: deal.product ?? null,
  };
}

/** A period as day numbers, or every day when no period was asked for. */
export interface Window {
  readonly all: boolean;
  /** Inclusive. */
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export const ALL_TIME: Window = { all: true, start: -Infinity, end: Infinity };

export function windowOf(period: Period | null | undefined, day: DayOf): Window {
  return period ? { all: false, start: day(period.start), end: day(period.end) } : ALL_TIME;
}

/**
 * Closed (won or lost) within the window. Without a period every closed deal counts, even one
 * without a close date; with a period, a closed deal without a date cannot be placed and is left out.
 */
export function closedIn(f: DealFacts, w: Window): boolean {
  if (f.outcome === 'open') return false;
  return w.all || (f.closed >= w.start && f.closed < w.end);
}

/**
 * Pursued during the window: decided in it, or still being worked at some point in it — open (now)
 * or closed only after it ends, and not created after it (an unknown creation date counts as
 * before: Maven prospects have none). Closed-in-window deals are always pursued, so the pursued
 * win rate can never exceed the closed-only one, even on inconsistent dates.
 */
export function pursuedIn(f: DealFacts, w: Window): boolean {
  if (w.all) return true;
  if (closedIn(f, w)) return true;
  const stillOpenAtEnd = f.outcome === 'open' || f.closed >= w.end;
  return stillOpenAtEnd && !(f.created >= w.end);
}

/** Feed every deal to a tally and return its result: the standalone form of each metric. */
export function tallyAll<R>(deals: readonly Deal[], day: DayOf, tally: { add(f: DealFacts): void; result(): R }): R {
  for (const deal of deals) tally.add(dealFacts(deal, day));
  return tally.result();
}
