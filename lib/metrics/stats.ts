/**
 * Small statistics used by every metric: rates that carry their counts, means, and quantiles
 * in linear time (DESIGN §4: metrics are linear in the number of deals, so no full sort per call).
 */
import type { Rate } from './types';

/** A rate that keeps its counts, so the UI can say "63% (4,238 of 6,711)"; null rate when nothing to divide by. */
export function rate(numerator: number, denominator: number): Rate {
  return { rate: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  return quantiles(values, [0.5])?.[0] ?? null;
}

export function percentile(values: readonly number[], p: number): number | null {
  return quantiles(values, [p])?.[0] ?? null;
}

/**
 * Quantiles by linear interpolation between closest ranks — the definition of Excel's
 * PERCENTILE.INC and numpy's default, so an analyst can re-check a figure in a spreadsheet:
 * for p, h = (n − 1)·p and the value is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) over the sorted x.
 * The median of an even count is therefore the mean of the two middle values.
 *
 * Linear time: integer values over a modest range (cycle days) are counted in a histogram;
 * anything else (amounts) goes through quickselect on a copy. Returns null for no values.
 */
export function quantiles(values: readonly number[], ps: readonly number[]): number[] | null {
  const n = values.length;
  if (n === 0) return null;
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is outside [0, 1]`);

  // The order statistics needed: ⌊h⌋ and ⌊h⌋+1 for each p (the latter only when interpolating).
  const wanted = new Set<number>();
  for (const p of ps) {
    const h = (n - 1) * p;
    wanted.add(Math.floor(h));
    if (h > Math.floor(h)) wanted.add(Math.floor(h) + 1);
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const at = orderStatistics(values, ranks);

  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = at.get(lo)!;
    return h > lo ? low + (h - lo) * (at.get(lo + 1)! - low) : low;
  });
}

/** The k-th smallest values (0-based ranks, ascending, each < n), by histogram or quickselect. */
function orderStatistics(values: readonly number[], ranks: readonly number[]): Map<number, number> {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const span = max - min;
  // A histogram pays for its range: use it only when the range is within a few times n.
  if (integers && span <= Math.max(4096, 4 * values.length)) return byHistogram(values, ranks, min, span);
  return bySelection(values, ranks);
}

function byHistogram(values: readonly number[], ranks: readonly number[], min: number, span: number): Map<number, number> {
  const counts = new Uint32Array(span + 1);
  for (const v of values) counts[v - min]!++;
  const found = new Map<number, number>();
  let next = 0;
  let seen = 0;
  for (let bucket = 0; bucket <= span && next < ranks.length; bucket++) {
    seen += counts[bucket]!;
    while (next < ranks.length && ranks[next]! < seen) found.set(ranks[next++]!, bucket + min);
  }
  return found;
}

function bySelection(values: readonly number[], ranks: readonly number[]): Map<number, number> {
  const a = Float64Array.from(values);
  const found = new Map<number, number>();
  let lo = 0;
  for (const k of ranks) {
    // After selecting rank r, everything from r on is ≥ a[r], so later ranks are found to its right.
    select(a, k, lo, a.length - 1);
    found.set(k, a[k]!);
    lo = k;
  }
  return found;
}

/**
 * Hoare's FIND: rearranges a[lo..hi] so that a[k] is the value of rank k, with nothing larger
 * before it and nothing smaller after it. Expected linear; copes with many equal values.
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
