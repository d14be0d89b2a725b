import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, percentile, quantiles, rate } from '../../../lib/metrics';

/** The textbook definition, by full sort: what the linear-time version must agree with. */
function sortedQuantile(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return lo === h ? x[lo]! : x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}

describe('stats', () => {
  it('rate keeps its counts and is null on an empty denominator', () => {
    expect(rate(3, 4)).toEqual({ rate: 0.75, numerator: 3, denominator: 4 });
    expect(rate(0, 0)).toEqual({ rate: null, numerator: 0, denominator: 0 });
  });

  it('median of an even count is the mean of the two middle values; empty is null', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('percentiles interpolate like PERCENTILE.INC', () => {
    // 1..10: p90 at h = 8.1 → 9 + 0.1 × 1
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile(ten, 0.75)).toBeCloseTo(7.75, 10);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile(ten, 1)).toBe(10);
    expect(() => quantiles(ten, [1.5])).toThrow(RangeError);
  });

  it('does not reorder the caller\'s array', () => {
    const values = [3.5, 1.25, 2];
    quantiles(values, [0.5]);
    expect(values).toEqual([3.5, 1.25, 2]);
  });

  it('agrees with a full sort for integers (histogram path) and for fractions (selection path)', () => {
    const ps = [0, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.9, 1];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 2000 }), { minLength: 1, maxLength: 300 }), (values) => {
        const q = quantiles(values, ps)!;
        ps.forEach((p, i) => expect(q[i]).toBeCloseTo(sortedQuantile(values, p), 9));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const q = quantiles(values, ps)!;
        ps.forEach((p, i) => expect(q[i]).toBeCloseTo(sortedQuantile(values, p), 3));
      }),
    );
  });

  it('handles a wide integer range and many ties by selection', () => {
    const values = [1e9, 0, 5, 5, 5, 5, 5, 5, -1e9];
    expect(quantiles(values, [0.5, 0.9])).toEqual([5, sortedQuantile(values, 0.9)]);
  });
});
