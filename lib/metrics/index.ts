/** lib/metrics: pure functions over Deal[] (DESIGN §4). No browser APIs, no I/O. */
export * from './types';
export { rate, mean, median, percentile, quantiles } from './stats';
export { winRates } from './win-rate';
export { salesCycle, typicalCycle, cycleStats, ownWonCount, withTeamHistory } from './cycle';
export { pushCount, pushRate, closeDateSlip } from './push';
export { stageConversion } from './stage-conversion';
export { salesVelocity, velocityWhatIf, velocityFromDeals, type WhatIf } from './velocity';
export { coverage, type CoverageTarget } from './coverage';
export { pipelineBalance, sizeBands, bandOf } from './balance';
export { keyMetrics, UNKNOWN_PRODUCT } from './key-metrics';
export { groupDeals, NO_TEAM, NO_DATE, type GroupBy, type TeamOf } from './group';
export { summarize, type SummaryOptions } from './report';
export { computeBenchmarks } from './benchmarks';
export { personalSummary, TREND_QUARTERS } from './personal';
export { lastFullQuarter, fullQuartersBefore } from './quarters';
