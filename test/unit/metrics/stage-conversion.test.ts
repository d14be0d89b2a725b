import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../lib/dates';
import { coverage, stageConversion } from '../../../lib/metrics';
import { lost, open, won } from './make-deal';

const change = (from: string | null, to: string | null, at = '2017-01-10') => ({ at, from, to });
const pipeline = [open(1, { stage: 'Qualify', order: 0 }), open(1, { stage: 'Propose', order: 1 }), open(1, { stage: 'Negotiate', order: 2 })];
const byStage = (rows: ReturnType<typeof stageConversion>) => Object.fromEntries(rows.map((r) => [r.stage, r]));

describe('stageConversion with stage history', () => {
  const deals = [
    ...pipeline,
    won(1, { stageChanges: [change('Qualify', 'Propose'), change('Propose', 'Negotiate'), change('Negotiate', 'Closed Won')] }),
    lost(1, { stageChanges: [change('Qualify', 'Propose'), change('Propose', 'Closed Lost')] }),
    lost(1, { stageChanges: [change('Qualify', 'Closed Lost')] }),
    // Skipped Propose: did not reach it. Went back and forth through Negotiate: counted once.
    won(1, { stageChanges: [change('Qualify', 'Negotiate'), change('Negotiate', 'Qualify'), change('Qualify', 'Negotiate'), change('Negotiate', 'Closed Won')] }),
  ];

  it('counts every stage a closed deal passed through, once, in stage order', () => {
    const rows = stageConversion(deals);
    expect(rows.map((r) => r.stage)).toEqual(['Qualify', 'Propose', 'Negotiate']);
    const s = byStage(rows);
    expect(s.Qualify!.conversion).toEqual({ rate: 0.5, numerator: 2, denominator: 4 });
    expect(s.Propose!.conversion).toEqual({ rate: 0.5, numerator: 1, denominator: 2 });
    expect(s.Negotiate!.conversion).toEqual({ rate: 1, numerator: 2, denominator: 2 });
    expect(rows.every((r) => r.basis === 'history')).toBe(true);
  });

  it('does not list the closed stages ("Closed Won") as pipeline stages', () => {
    expect(stageConversion(deals).some((r) => r.stage.startsWith('Closed'))).toBe(false);
  });
});

describe("stageConversion without history ('final-stage')", () => {
  it('a won deal reached every stage; a lost deal every stage up to its stage at close', () => {
    const deals = [
      ...pipeline,
      won(1),
      won(1),
      // Pipedrive keeps the stage a deal was lost in.
      lost(1, { stage: 'Propose', order: 1 }),
      lost(1, { stage: 'Qualify', order: 0 }),
    ];
    const s = byStage(stageConversion(deals));
    expect(s.Qualify!.conversion).toMatchObject({ numerator: 2, denominator: 4 });
    expect(s.Propose!.conversion).toMatchObject({ numerator: 2, denominator: 3 });
    expect(s.Negotiate!.conversion).toMatchObject({ numerator: 2, denominator: 2 });
    expect(s.Negotiate!.basis).toBe('final-stage');
    expect(s.Negotiate!.lostStageUnknown).toBe(0);
  });

  it('a lost deal whose stage is only "Lost" counts at the entry stage, and later rates say they are upper bounds', () => {
    const deals = [...pipeline, won(1), lost(1, { stage: 'Lost' }), lost(1, { stage: 'Lost' }), lost(1, { stage: 'Lost' })];
    const s = byStage(stageConversion(deals));
    expect(s.Qualify!.conversion).toEqual({ rate: 0.25, numerator: 1, denominator: 4 });
    expect(s.Propose!.conversion).toMatchObject({ rate: 1, denominator: 1 });
    expect(s.Propose!.lostStageUnknown).toBe(3);
  });

  it('mixes both bases and says so', () => {
    const deals = [...pipeline, won(1), lost(1, { stageChanges: [change('Qualify', 'Propose'), change('Propose', 'Closed Lost')] })];
    const s = byStage(stageConversion(deals));
    expect(s.Propose!.conversion).toMatchObject({ numerator: 1, denominator: 2 });
    expect(s.Propose!.basis).toBe('final-stage');
  });

  it('takes closed deals of the period only, and returns no stages for no deals', () => {
    const deals = [...pipeline, won(1, { closed: '2017-02-01' }), lost(1, { stage: 'Qualify', order: 0, closed: '2017-05-01' })];
    expect(byStage(stageConversion(deals, parsePeriod('2017-Q1'))).Qualify!.conversion).toMatchObject({ numerator: 1, denominator: 1 });
    expect(stageConversion([])).toEqual([]);
  });
});

describe('coverage (Pipeline Value Factor)', () => {
  const deals = [
    open(30_000, { stage: 'Qualify', order: 0 }),
    open(50_000, { stage: 'Qualify', order: 0 }),
    open(null, { stage: 'Qualify', order: 0 }),
    open(40_000, { stage: 'Propose', order: 1 }),
    won(10, { stageChanges: [change('Qualify', 'Propose'), change('Propose', 'Closed Won')] }),
    lost(10, { stageChanges: [change('Qualify', 'Propose'), change('Propose', 'Closed Lost')] }),
    lost(10, { stageChanges: [change('Qualify', 'Closed Lost')] }),
    lost(10, { stageChanges: [change('Qualify', 'Closed Lost')] }),
  ];

  it('needs remaining target ÷ conversion in each stage and compares the open value to it', () => {
    const rows = coverage(deals, { target: 40_000, wonSoFar: 20_000 });
    const [qualify, propose] = rows;
    // Qualify converts 1 of 4: 20k left needs 80k there; it holds 80k (the unknown amount adds nothing).
    expect(qualify).toMatchObject({ stage: 'Qualify', openValue: 80_000, openCount: 3, conversion: 0.25, required: 80_000, coverage: 1 });
    // Propose converts 1 of 2: needs 40k, holds 40k.
    expect(propose).toMatchObject({ stage: 'Propose', openValue: 40_000, openCount: 1, conversion: 0.5, required: 40_000, coverage: 1 });
  });

  it('has no requirement when the target is met or a stage never converted', () => {
    expect(coverage(deals, { target: 10_000, wonSoFar: 20_000 })[0]).toMatchObject({ required: 0, coverage: null });
    const never = [open(5, { stage: 'Qualify', order: 0 }), lost(1, { stage: 'Qualify', order: 0 })];
    expect(coverage(never, { target: 100 })[0]).toMatchObject({ conversion: 0, required: null, coverage: null });
  });
});
