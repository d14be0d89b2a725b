/**
 * Small deal builder for coaching tests. Everything is relative to NOW so a test reads
 * "a meeting 10 days ago" rather than a date to work out. Built deals go through the zod Deal schema.
 */
import { addDays } from '../../../lib/dates';
import {
  Benchmarks,
  DEFAULT_SETTINGS,
  Deal,
  type Activity,
  type ActivityKind,
  type DealInput,
  type Influence,
  type Playbook,
  type Stakeholder,
  type Thresholds,
} from '../../../lib/model';
import type { CoachingContext } from '../../../lib/coaching/types';
import { DEALMAKER } from '../../../lib/playbooks/dealmaker';

export const NOW = '2026-04-15T12:00:00Z';
export const TODAY = '2026-04-15';

/** Calendar date `offset` days from today (negative = past). */
export function day(offset: number): string {
  return addDays(TODAY, offset);
}

/** An instant on the day `offset` days from today. */
export function at(offset: number): string {
  return `${day(offset)}T10:00:00Z`;
}

export function person(id: string, name: string, influence: Influence, extra: Partial<Stakeholder> = {}): Stakeholder {
  return { id, name, title: null, roles: [], influence, isPrimary: false, ...extra };
}

let activitySeq = 0;
export function activity(kind: ActivityKind, offset: number, stakeholderIds: string[], done = offset <= 0): Activity {
  return { id: `a${++activitySeq}`, kind, at: at(offset), done, stakeholderIds };
}

/** A done meeting `daysAgo` days ago with these people. */
export function met(daysAgo: number, ...ids: string[]): Activity {
  return activity('meeting', -daysAgo, ids, true);
}

export function makeDeal(over: Partial<DealInput> = {}): Deal {
  const base: DealInput = {
    ref: { crm: 'demo', instance: 'localhost:5173', id: 'D-1', url: 'http://localhost:5173/opportunities/D-1' },
    name: 'Acme – GTX Pro',
    accountName: 'Acme',
    owner: { id: 'u1', name: 'Moses Frase' },
    amount: 50_000,
    currency: 'USD',
    stage: { name: 'Proposal', category: 'open', order: 3 },
    nextStep: null,
    createdAt: at(-20),
    closeDate: day(30),
    closedAt: null,
    history: { closeDateChanges: [], stageChanges: [], tracked: true },
    stakeholders: [],
    activities: [],
    fields: {},
  };
  return Deal.parse({ ...base, ...over });
}

export function makeBenchmarks(over: Partial<Benchmarks> = {}): Benchmarks {
  return Benchmarks.parse({
    ownerId: 'u1',
    cycle: { median: 57, p75: 80, p90: 120, n: 38, basis: 'own' },
    stageDays: { Proposal: { median: 12, n: 30 }, Qualify: { median: 8, n: 40 } },
    openPipeline: { count: 10, value: 500_000, unknownAmount: 0 },
    sizeBands: [10_000, 40_000],
    basisDeals: 120,
    computedAt: NOW,
    ...over,
  });
}

export function makeContext(
  over: { benchmarks?: Benchmarks | null; thresholds?: Partial<Thresholds>; playbook?: Playbook; now?: string } = {},
): CoachingContext {
  return {
    playbook: over.playbook ?? DEALMAKER,
    benchmarks: over.benchmarks === undefined ? makeBenchmarks() : over.benchmarks,
    now: over.now ?? NOW,
    settings: { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, ...over.thresholds } },
  };
}

/** Every Dealmaker question answered in the demo CRM's fields. */
export function answeredDemoFields(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of DEALMAKER.questions) out[`qual_${q.id.replaceAll('-', '_')}`] = `answer to ${q.label}`;
  return out;
}

export const DANA = person('c1', 'Dana Ruiz', 'economic-buyer', { title: 'CFO', roles: ['Economic Buyer'] });
export const SAM = person('c2', 'Sam Lee', 'champion', { title: 'IT Manager', roles: ['Champion'], isPrimary: true });
export const RIA = person('c3', 'Ria Kaur', 'evaluator', { title: 'Security lead', roles: ['Technical Evaluator'] });

/**
 * A deal a manager would leave alone: qualified, three people engaged recently, young, not pushed,
 * a next step and a meeting booked, a normal share of the pipeline.
 */
export function healthyDeal(over: Partial<DealInput> = {}): Deal {
  return makeDeal({
    nextStep: 'Security review with Ria on Tuesday',
    fields: answeredDemoFields(),
    history: { closeDateChanges: [], stageChanges: [{ at: at(-5), from: 'Qualify', to: 'Proposal' }], tracked: true },
    stakeholders: [DANA, SAM, RIA],
    activities: [met(10, 'c1', 'c2'), activity('call', -3, ['c2']), activity('email', -2, ['c3']), activity('meeting', 4, ['c2', 'c3'])],
    ...over,
  });
}
