import { describe, expect, it } from 'vitest';
import { bigDealConcentration } from '../../../lib/coaching/rules/big-deal-concentration';
import type { Benchmarks } from '../../../lib/model';
import { DANA, makeBenchmarks, makeContext, makeDeal } from './builder';

const run = (amount: number | null, pipeline: Benchmarks['openPipeline'] = { count: 10, value: 500_000, unknownAmount: 0 }, ownerId = 'u1') =>
  bigDealConcentration.run(makeDeal({ amount, stakeholders: [DANA] }), makeContext({ benchmarks: makeBenchmarks({ openPipeline: pipeline, ownerId }) }));

describe('big-deal-concentration', () => {
  it("fires above the share of the owner's open value, citing amount, pipeline and count", () => {
    const [f] = run(300_000);
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe('60% of your open pipeline');
    expect(f?.why).toBe('This deal (USD 300,000) is 60% of your open pipeline (USD 500,000 across 10 open deals), flagged above 50%.');
    expect(f?.action).toContain('Dana Ruiz (Economic buyer)');
    expect(f?.evidence).toEqual({ amount: 300_000, pipelineValue: 500_000, share: 0.6, openDeals: 10, unknownAmount: 0, threshold: 0.5 });
  });

  it('adds the deal when the pipeline figure cannot include it, and mentions unknown amounts', () => {
    const [f] = run(300_000, { count: 2, value: 100_000, unknownAmount: 2 });
    expect(f?.why).toBe('This deal (USD 300,000) is 75% of your open pipeline (USD 400,000 across 3 open deals; 2 with unknown amount not counted), flagged above 50%.');
    expect(f?.evidence).toMatchObject({ pipelineValue: 400_000, openDeals: 3, share: 0.75 });
  });

  it('stays silent at or below the share, or when amount, pipeline or owner do not fit', () => {
    expect(run(250_000)).toEqual([]);
    expect(run(null)).toEqual([]);
    expect(run(0)).toEqual([]);
    expect(run(300_000, undefined, 'someone-else')).toEqual([]);
    expect(bigDealConcentration.run(makeDeal({ amount: 300_000 }), makeContext({ benchmarks: null }))).toEqual([]);
  });
});
