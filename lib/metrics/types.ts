/**
 * Result shapes of lib/metrics. Every rate carries its numerator and denominator so the UI
 * can say "63% (4,238 of 6,711)" and an analyst can re-check it (DESIGN §4).
 */
import type { CycleStats } from '../model';
import type { Period } from '../dates';

export interface Rate {
  /** numerator / denominator, or null when the denominator is 0. */
  rate: number | null;
  numerator: number;
  denominator: number;
}

export interface ValueRate extends Rate {
  /** Deals left out because their amount is unknown (null). */
  excludedUnknownAmount: number;
  /** Lost deals whose amount is exactly 0 — usually "unknown" exported as 0. */
  zeroValueLost: number;
  /** false when the figure would mislead (e.g. lost deals carry 0), with the reason in words. */
  reliable: boolean;
  unreliableReason?: string;
}

export interface WinRates {
  /** won ÷ (won + lost), deals closed in the period. */
  unit: Rate;
  /** Σ won amount ÷ Σ (won + lost) amount, closed in the period. */
  value: ValueRate;
  /** won ÷ every deal pursued in the period, open ones included. */
  pursued: { unit: Rate; value: ValueRate };
}

export interface TypicalCycle extends CycleStats {
  basis: 'own' | 'team';
  /** The owner's own measurable won deals (the figure compared with minOwnWon); always set by the metrics. */
  ownWon?: number;
}

/** Added: the sales cycle with the won deals left out for missing or impossible dates. */
export interface SalesCycle extends CycleStats {
  /** Won deals without createdAt/closedAt, or closed before created. */
  skipped: number;
}

export interface StageConversion {
  stage: string;
  order: number | null;
  /** Closed deals that reached this stage, and of those the won ones. */
  conversion: Rate;
  /** 'history' when stage changes were used; 'final-stage' when only the stage at close was known. */
  basis: 'history' | 'final-stage';
  /**
   * Added: lost deals (closed in the period, no stage history) whose furthest stage is unknown
   * because their stage at close is not a pipeline stage (e.g. Maven's "Lost"). They are counted
   * at the entry stage only, so the rate of later stages is an upper bound when this is > 0.
   */
  lostStageUnknown?: number;
}

export interface VelocityInputs {
  openQualified: number;
  averageWonAmount: number;
  unitWinRate: number;
  cycleDays: number;
  /**
   * Added: inputs that could not be computed (no won amount, no closed deal, no cycle). Their
   * value above is a 0 placeholder and `perDay` is null — a real 0 and an unknown differ.
   */
  missing?: Array<'openQualified' | 'averageWonAmount' | 'unitWinRate' | 'cycleDays'>;
}

export interface Velocity {
  inputs: VelocityInputs;
  /** Revenue per day; null when an input is missing (no won deals, no cycle). */
  perDay: number | null;
}

export interface VelocityWhatIf {
  base: Velocity;
  improved: Velocity;
  /** improved ÷ base: 1.1³ ÷ 0.9 ≈ 1.479 for +10% on the first three inputs and −10% cycle. */
  factor: number | null;
}

export interface StageCoverage {
  stage: string;
  order: number | null;
  openValue: number;
  openCount: number;
  /** Conversion to won from this stage (see StageConversion). */
  conversion: number | null;
  /** Open value needed in this stage: remaining target ÷ conversion. */
  required: number | null;
  /** Pipeline Value Factor: openValue ÷ required. >= 1 means covered. */
  coverage: number | null;
}

export type SizeBand = 'rock' | 'stone' | 'pebble';

export interface PipelineBalance {
  /** Won-amount terciles used as band limits; null when fewer than 3 won amounts. */
  limits: [number, number] | null;
  bands: Record<SizeBand, { count: number; value: number }>;
  unknownAmount: number;
  totalValue: number;
  largest: { dealId: string; name: string; amount: number; share: number } | null;
  /** One deal is more than half of open value. */
  concentrated: boolean;
}

export interface KeyMetrics {
  wins: number;
  averageWonSize: number | null;
  /** Share of won deals from existing customers; unknown when the CRM does not say. */
  customers: { existing: number; new: number; unknown: number; existingShare: Rate };
  productMix: Array<{ product: string; wins: number; value: number; share: number }>;
}

export interface PushRate extends Rate {
  /** Deals whose expected close fell in the period, and how many were pushed. */
  basis: 'history' | 'open-past-close';
  /** Added: label of the period measured (a report without a period measures the last full quarter). */
  period?: string;
  /** Added: deals expected in a period not yet over, still open and not yet late: not counted either way. */
  pending?: number;
}

/** Everything about one group of deals (an owner, a team, a period or all). */
export interface MetricsGroup {
  key: string;
  /** Added: what to show for the key (the owner's name when grouped by owner id). */
  label?: string;
  deals: { total: number; open: number; won: number; lost: number };
  winRates: WinRates;
  cycle: CycleStats | null;
  pushRate: PushRate;
  stageConversion: StageConversion[];
  velocity: VelocityWhatIf;
  balance: PipelineBalance;
  keyMetrics: KeyMetrics;
}

export interface MetricsReport {
  period: Period | null;
  asOf: string;
  overall: MetricsGroup;
  groups: MetricsGroup[];
  groupBy: 'owner' | 'team' | 'period' | null;
}

/** The popup's personal summary of the signed-in rep. */
export interface PersonalSummary {
  ownerId: string;
  ownerName: string;
  winRates: WinRates;
  typicalCycle: TypicalCycle | null;
  pushRate: PushRate;
  velocity: VelocityWhatIf;
  /** Unit win rate by quarter, oldest first, for the trend chart. */
  trend: Array<{ quarter: string; winRate: Rate }>;
  openDeals: number;
  asOf: string;
}
