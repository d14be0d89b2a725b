/**
 * The team panel of the review: per rep win rates (unit, value, pursued), typical cycle, push rate
 * and velocity; coverage (Pipeline Value Factor) per stage against the manager's target; pipeline
 * balance. Composes lib/metrics; every figure keeps its counts.
 */
import { coverage, summarize, type MetricsGroup, type PipelineBalance, type StageCoverage } from '../metrics';
import type { Deal, Thresholds } from '../model';

export interface TeamMetrics {
  asOf: string;
  overall: MetricsGroup;
  reps: MetricsGroup[];
  balance: PipelineBalance;
  coverage: StageCoverage[] | null;
  /** Open value (known amounts) in the deals measured. */
  openValue: number;
}

export function teamMetrics(deals: readonly Deal[], options: { now: string; target?: number | null; thresholds?: Thresholds }): TeamMetrics {
  const report = summarize(deals, { groupBy: 'owner', now: options.now, ...(options.thresholds ? { thresholds: options.thresholds } : {}) });
  let openValue = 0;
  for (const d of deals) if (d.stage.category === 'open' && d.amount !== null) openValue += d.amount;
  const target = options.target ?? null;
  return {
    asOf: options.now,
    overall: report.overall,
    reps: [...report.groups].sort((a, b) => (a.label ?? a.key).localeCompare(b.label ?? b.key)),
    balance: report.overall.balance,
    coverage: target !== null && target > 0 ? coverage(deals, { target }) : null,
    openValue,
  };
}
