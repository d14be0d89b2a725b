/**
 * The review table's row model: one row per open deal, with the same coaching as the sidebar
 * (buildCoachingView) boiled down to what a table cell shows. Pure: runs in Node, in the CSV
 * worker and in the page.
 */
import { dayNumber } from '../dates';
import { buildCoachingView } from '../coaching/engine';
import type { CoachingContext, DealCoachingView } from '../coaching/types';
import { bandOf, computeBenchmarks, pushCount, sizeBands, type SizeBand } from '../metrics';
import { dayCache, type DayOf } from '../metrics/facts';
import type { Benchmarks, Deal, Settings, Severity } from '../model';
import { getPlaybook } from '../playbooks';

export interface ReviewFlag {
  ruleId: string;
  severity: Severity;
  title: string;
}

export type ClosePeriod = 'overdue' | 'this-month' | 'this-quarter' | 'next-quarter' | 'later' | 'none';

export interface ReviewRow {
  id: string;
  /** Record in the CRM; '' for an imported row. */
  url: string;
  name: string;
  account: string | null;
  ownerId: string;
  ownerName: string;
  team: string | null;
  stage: string;
  stageOrder: number | null;
  amount: number | null;
  currency: string | null;
  /** Rock / stone / pebble against the won-amount terciles; null when unknown amount or no bands. */
  band: SizeBand | null;
  ageDays: number | null;
  /** Typical cycle the age is judged against (median days) and its basis. */
  typicalDays: number | null;
  cycleBasis: 'own' | 'team' | null;
  closeDate: string | null;
  closePeriod: ClosePeriod;
  pushCount: number;
  /** Tracked playbook questions answered (null tracked = 0: not tracked in this CRM). */
  qualAnswered: number;
  qualTracked: number;
  keyReached: number;
  keyTotal: number;
  stakeholders: number;
  flags: ReviewFlag[];
  risks: number;
  warnings: number;
  /** Lower-case text searched by the search box: name, account, owner, id, stage. */
  search: string;
}

export type TeamOf = (ownerName: string) => string | null;

export interface ReviewModelOptions {
  settings: Settings;
  /** "Now" (ISO): the CRM's today, or an export's latest date. */
  now: string;
  teamOf?: TeamOf;
}

export interface ReviewModel {
  rows: ReviewRow[];
  /** Won-amount terciles behind the amount bands. */
  bandLimits: [number, number] | null;
  /** The coaching context of one owner (for a row's detail: the same coaching as the sidebar). */
  contextFor(ownerId: string): CoachingContext;
  /** The full coaching view of one deal. */
  coaching(deal: Deal): DealCoachingView;
}

/**
 * Rows for every open deal. Each owner is coached against the benchmarks of their team's history
 * (their own when they have enough won deals), as the sidebar does with the history it reads.
 */
export interface CoachingContexts {
  bandLimits: [number, number] | null;
  teamOfOwner: (ownerName: string) => string | null;
  contextFor(ownerId: string, ownerName?: string): CoachingContext;
}

/**
 * The coaching context of each owner: benchmarks from their team's history (their own cycle when
 * they have enough won deals), as the sidebar computes from the history it reads. Lazy per owner.
 */
export function coachingContexts(deals: readonly Deal[], options: ReviewModelOptions): CoachingContexts {
  const { settings, now } = options;
  const teamOf = options.teamOf ?? (() => null);
  const playbook = getPlaybook(settings.playbookId, true);
  const byTeam = new Map<string, Deal[]>();
  const teamOfOwner = new Map<string, string | null>();
  const wonAmounts: number[] = [];
  for (const deal of deals) {
    let team = teamOfOwner.get(deal.owner.name);
    if (team === undefined) {
      team = teamOf(deal.owner.name);
      teamOfOwner.set(deal.owner.name, team);
    }
    const key = team ?? '';
    const list = byTeam.get(key);
    if (list) list.push(deal);
    else byTeam.set(key, [deal]);
    if (deal.stage.category === 'won' && deal.amount !== null) wonAmounts.push(deal.amount);
  }
  const benchmarks = new Map<string, Benchmarks>();
  return {
    bandLimits: sizeBands(wonAmounts),
    teamOfOwner: (name) => teamOfOwner.get(name) ?? null,
    contextFor(ownerId, ownerName) {
      let b = benchmarks.get(ownerId);
      if (!b) {
        const name = ownerName ?? deals.find((d) => d.owner.id === ownerId)?.owner.name ?? '';
        const history = byTeam.get(teamOfOwner.get(name) ?? '') ?? [];
        b = computeBenchmarks(history, ownerId, now, settings.thresholds);
        benchmarks.set(ownerId, b);
      }
      return { playbook, benchmarks: b, now, settings };
    },
  };
}

/** Rows for every open deal, each with the same coaching as the sidebar. */
export function buildReviewModel(deals: readonly Deal[], options: ReviewModelOptions): ReviewModel {
  const contexts = coachingContexts(deals, options);
  const day = dayCache();
  const today = dayNumber(options.now);
  const rows: ReviewRow[] = [];
  for (const deal of deals) {
    if (deal.stage.category !== 'open') continue;
    const view = buildCoachingView(deal, contexts.contextFor(deal.owner.id, deal.owner.name));
    rows.push(rowOf(view, contexts.teamOfOwner(deal.owner.name), contexts.bandLimits, today, day));
  }
  return {
    rows,
    bandLimits: contexts.bandLimits,
    contextFor: (ownerId) => contexts.contextFor(ownerId),
    coaching: (deal) => buildCoachingView(deal, contexts.contextFor(deal.owner.id, deal.owner.name)),
  };
}

function rowOf(view: DealCoachingView, team: string | null, limits: [number, number] | null, today: number, day: DayOf): ReviewRow {
  const { deal } = view;
  const flags = view.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title }));
  const key = view.stakeholders.filter((s) => s.isKey);
  return {
    id: deal.ref.id,
    url: deal.ref.url,
    name: deal.name,
    account: deal.accountName,
    ownerId: deal.owner.id,
    ownerName: deal.owner.name,
    team,
    stage: deal.stage.name,
    stageOrder: deal.stage.order ?? null,
    amount: deal.amount,
    currency: deal.currency,
    band: deal.amount !== null && limits ? bandOf(deal.amount, limits) : null,
    ageDays: view.age.days,
    typicalDays: view.age.typicalCycle?.median ?? null,
    cycleBasis: view.age.typicalCycle?.basis ?? null,
    closeDate: deal.closeDate,
    closePeriod: closePeriodOf(deal.closeDate ? day(deal.closeDate) : NaN, today),
    pushCount: pushCount(deal, day),
    qualAnswered: view.qualification.answered,
    qualTracked: view.qualification.tracked,
    keyReached: key.filter((s) => s.reached).length,
    keyTotal: key.length,
    stakeholders: view.stakeholders.length,
    flags,
    risks: flags.filter((f) => f.severity === 'risk').length,
    warnings: flags.filter((f) => f.severity === 'warn').length,
    search: [deal.name, deal.accountName ?? '', deal.owner.name, deal.ref.id, deal.stage.name].join('\n').toLowerCase(),
  };
}

/** Which close period a close date (UTC day number) falls in, seen from `today`. */
export function closePeriodOf(closeDay: number, today: number): ClosePeriod {
  if (Number.isNaN(closeDay)) return 'none';
  if (closeDay < today) return 'overdue';
  const t = new Date(today * 86_400_000);
  const c = new Date(closeDay * 86_400_000);
  const months = (c.getUTCFullYear() - t.getUTCFullYear()) * 12 + (c.getUTCMonth() - t.getUTCMonth());
  if (months === 0) return 'this-month';
  const quarter = (d: Date) => d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
  const q = quarter(c) - quarter(t);
  if (q === 0) return 'this-quarter';
  if (q === 1) return 'next-quarter';
  return 'later';
}

export const CLOSE_PERIOD_LABEL: Record<ClosePeriod, string> = {
  overdue: 'Overdue (close date passed)',
  'this-month': 'This month',
  'this-quarter': 'Later this quarter',
  'next-quarter': 'Next quarter',
  later: 'Later',
  none: 'No close date',
};
