import { describe, expect, it } from 'vitest';
import { stalledInStage } from '../../../lib/coaching/rules/stalled-in-stage';
import type { StageChange } from '../../../lib/model';
import { SAM, at, makeBenchmarks, makeContext, makeDeal } from './builder';

const moved = (daysAgo: number, from: string | null, to: string): StageChange => ({ at: at(-daysAgo), from, to });
const run = (stageChanges: StageChange[], ctx = makeContext()) =>
  stalledInStage.run(makeDeal({ stakeholders: [SAM], history: { closeDateChanges: [], stageChanges, tracked: true } }), ctx);

describe('stalled-in-stage', () => {
  it('warns past typical × factor, citing days in stage, since when, the median and its basis', () => {
    const [f] = run([moved(40, null, 'Qualify'), moved(25, 'Qualify', 'Proposal')]);
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('In Proposal for 25 days, since 2026-03-21; deals typically spend 12 days there (median of 30 deals), flagged above 18 days (1.5×).');
    expect(f?.action).toContain('ask Sam Lee (Champion)');
    expect(f?.evidence).toEqual({ stage: 'Proposal', daysInStage: 25, enteredStage: '2026-03-21', medianDays: 12, stageDeals: 30, stalledFactor: 1.5, limitDays: 18 });
  });

  it('is risk beyond twice the limit', () => {
    expect(run([moved(36, 'Qualify', 'Proposal')])[0]?.severity).toBe('warn');
    expect(run([moved(37, 'Qualify', 'Proposal')])[0]?.severity).toBe('risk');
  });

  it('counts from the last move into the stage', () => {
    expect(run([moved(60, 'Qualify', 'Proposal'), moved(30, 'Proposal', 'Qualify'), moved(10, 'Qualify', 'Proposal')])).toEqual([]);
  });

  it('follows the stalled factor', () => {
    expect(run([moved(25, 'Qualify', 'Proposal')], makeContext({ thresholds: { stalledFactor: 2.5 } }))).toEqual([]);
  });

  it('stays silent when the entry into the stage or the typical time is unknown', () => {
    expect(run([])).toEqual([]);
    expect(run([moved(90, null, 'Qualify')])).toEqual([]);
    expect(run([moved(90, 'Qualify', 'Proposal')], makeContext({ benchmarks: null }))).toEqual([]);
    expect(run([moved(90, 'Qualify', 'Proposal')], makeContext({ benchmarks: makeBenchmarks({ stageDays: {} }) }))).toEqual([]);
    expect(run([moved(90, 'Qualify', 'Proposal')], makeContext({ benchmarks: makeBenchmarks({ stageDays: { Proposal: { median: 0, n: 0 } } }) }))).toEqual([]);
  });
});
