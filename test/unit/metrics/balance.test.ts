import { describe, expect, it } from 'vitest';
import { pipelineBalance, sizeBands } from '../../../lib/metrics';
import { open, won } from './make-deal';

// Won amounts 1k..9k: terciles at h = 8/3 and 16/3 → 3,666.67 and 6,333.33.
const wins = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => won(k * 1000));

describe('pipelineBalance (rocks, stones, pebbles)', () => {
  it('bands open value by the terciles of won amounts: pebble < t1 ≤ stone < t2 ≤ rock', () => {
    const b = pipelineBalance([open(1000), open(3000), open(4000), open(6000), open(7000), open(20_000), open(null)], wins);
    expect(b.limits![0]).toBeCloseTo(11_000 / 3, 6);
    expect(b.limits![1]).toBeCloseTo(19_000 / 3, 6);
    expect(b.bands).toEqual({ pebble: { count: 2, value: 4000 }, stone: { count: 2, value: 10_000 }, rock: { count: 2, value: 27_000 } });
    expect(b.unknownAmount).toBe(1);
    expect(b.totalValue).toBe(41_000);
    expect(b.largest).toMatchObject({ amount: 20_000 });
    expect(b.largest!.share).toBeCloseTo(20 / 41, 9);
    expect(b.concentrated).toBe(false);
  });

  it('puts an amount equal to a limit in the upper band', () => {
    const b = pipelineBalance([open(2000), open(3000)], [won(1000), won(2000), won(3000)]);
    // Terciles of 1k, 2k, 3k: 1,666.67 and 2,333.33; exact limits via three equal wins:
    expect(b.bands.stone.count + b.bands.rock.count).toBe(2);
    const tied = pipelineBalance([open(500)], [won(500), won(500), won(500)]);
    expect(tied.limits).toEqual([500, 500]);
    expect(tied.bands.rock.count).toBe(1);
  });

  it('flags one deal above half of open value', () => {
    const b = pipelineBalance([open(60), open(20), open(20)], wins);
    expect(b.largest).toMatchObject({ amount: 60, share: 0.6 });
    expect(b.concentrated).toBe(true);
    expect(pipelineBalance([open(50), open(50)], wins).concentrated).toBe(false);
  });

  it('draws no bands with fewer than 3 won amounts, and has no largest deal without open value', () => {
    expect(sizeBands([1, 2])).toBeNull();
    const b = pipelineBalance([open(10)], [won(5), won(null), won(7)]);
    expect(b.limits).toBeNull();
    expect(b.bands.rock.count + b.bands.stone.count + b.bands.pebble.count).toBe(0);
    expect(b.totalValue).toBe(10);
    const empty = pipelineBalance([open(null)], wins);
    expect(empty).toMatchObject({ totalValue: 0, largest: null, concentrated: false, unknownAmount: 1 });
  });

  it('ignores closed deals passed as open', () => {
    expect(pipelineBalance([won(100), open(10)], wins).totalValue).toBe(10);
  });
});
