/**
 * Coaching bench (DESIGN §8: one deal's coaching ≤ 1 ms).
 * Builds 10,000 deterministic synthetic open deals (seeded PRNG: 0–12 stakeholders, 0–40 activities,
 * some close-date and stage history, a mix of CRMs and playbooks) and times `buildCoachingView` over all of them.
 *
 *   npx tsx test/bench/coaching.bench.ts      (alone)
 *   npm run bench -- coaching                 (through test/bench/run.ts)
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildCoachingView, coachDeal } from '../../lib/coaching/engine';
import type { CoachingContext } from '../../lib/coaching/types';
import { addDays } from '../../lib/dates';
import {
  Deal,
  DEFAULT_SETTINGS,
  Influence,
  type Activity,
  type ActivityKind,
  type Benchmarks,
  type DealInput,
  type FieldValue,
  type Stakeholder,
} from '../../lib/model';
import { DEALMAKER, PLAYBOOKS } from '../../lib/playbooks';

export interface CoachingBenchRow {
  name: string;
  medianMs: number;
  runs: number;
  budget?: number;
  unit?: string;
  extra?: Record<string, number | string>;
}

const DEALS = 10_000;
const RUNS = 7;
const TODAY = '2026-04-15';
const NOW = `${TODAY}T12:00:00Z`;
const STAGES = ['Prospecting', 'Qualify', 'Proposal', 'Negotiation'];
const CRMS = ['demo', 'salesforce', 'dynamics', 'hubspot', 'csv'];
const KINDS: ActivityKind[] = ['call', 'meeting', 'email', 'task', 'note'];
const OWNERS = 25;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticDeals(count: number, seed = 20260415): Deal[] {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const stamp = (offset: number) => `${addDays(TODAY, offset)}T${String(int(8, 18)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z`;
  const qualFields = DEALMAKER.questions.map((q) => `qual_${q.id.replaceAll('-', '_')}`);
  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    const crm = pick(CRMS);
    const age = int(1, 400);
    const stakeholders: Stakeholder[] = Array.from({ length: int(0, 12) }, (_, j) => ({
      id: `c${i}-${j}`,
      name: `Contact ${i}-${j}`,
      title: r() < 0.5 ? 'Manager' : null,
      roles: [],
      influence: pick(Influence.options),
      isPrimary: j === 0,
    }));
    const activities: Activity[] = Array.from({ length: int(0, 40) }, (_, j) => {
      const offset = -int(-20, Math.min(age, 200));
      const named = stakeholders.length > 0 && r() < 0.8 ? [pick(stakeholders).id] : [];
      if (named.length && stakeholders.length > 1 && r() < 0.3) named.push(pick(stakeholders).id);
      return { id: `a${i}-${j}`, kind: pick(KINDS), at: stamp(offset), done: offset < 0 ? r() < 0.9 : false, stakeholderIds: named };
    });
    let close = addDays(TODAY, int(-60, 120));
    const closeDateChanges = [];
    for (let k = int(0, 4); k > 0; k--) {
      const earlier = addDays(close, -int(5, 40));
      closeDateChanges.unshift({ at: stamp(-int(1, Math.max(1, age))), from: earlier, to: close });
      close = earlier;
    }
    const stage = pick(STAGES);
    const fields: Record<string, FieldValue> = {};
    for (const f of qualFields) fields[f] = r() < 0.55 ? 'answered' : null;
    fields.Budget_Confirmed__c = r() < 0.5;
    fields.budgetstatus = r() < 0.5 ? int(0, 3) : null;
    fields['Decision Maker'] = r() < 0.5 ? 'Someone' : '';
    const input: DealInput = {
      ref: { crm, instance: `${crm}.example`, id: `D${i}`, url: `https://${crm}.example/D${i}` },
      name: `Deal ${i}`,
      accountName: `Account ${i % 700}`,
      owner: { id: `u${i % OWNERS}`, name: `Owner ${i % OWNERS}` },
      amount: r() < 0.1 ? null : int(1, 400) * 1000,
      currency: 'USD',
      stage: { name: stage, category: 'open', order: STAGES.indexOf(stage) },
      nextStep: r() < 0.6 ? 'Follow up' : null,
      createdAt: r() < 0.05 ? null : stamp(-age),
      closeDate: addDays(TODAY, int(-60, 120)),
      closedAt: null,
      history: {
        closeDateChanges,
        stageChanges: r() < 0.8 ? [{ at: stamp(-int(0, age)), from: 'Prospecting', to: stage }] : [],
        tracked: r() < 0.9,
      },
      stakeholders,
      activities,
      fields,
    };
    deals.push(Deal.parse(input));
  }
  return deals;
}

function benchmarksFor(ownerId: string, n: number): Benchmarks {
  return {
    ownerId,
    cycle: { median: 57, p75: 80, p90: 120, n: 10 + n, basis: n % 2 ? 'own' : 'team' },
    stageDays: { Prospecting: { median: 10, n: 50 }, Qualify: { median: 14, n: 40 }, Proposal: { median: 21, n: 30 } },
    openPipeline: { count: 400, value: 400 * 150_000, unknownAmount: 40 },
    sizeBands: [20_000, 120_000],
    basisDeals: 300,
    computedAt: NOW,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function benchCoaching(): Promise<CoachingBenchRow[]> {
  const deals = syntheticDeals(DEALS);
  const contexts = new Map<string, CoachingContext>();
  deals.forEach((d, i) => {
    if (!contexts.has(d.owner.id)) {
      contexts.set(d.owner.id, {
        playbook: PLAYBOOKS[i % PLAYBOOKS.length]!,
        benchmarks: i % 10 === 0 ? null : benchmarksFor(d.owner.id, i),
        now: NOW,
        settings: DEFAULT_SETTINGS,
      });
    }
  });
  const ctx = (d: Deal) => contexts.get(d.owner.id)!;

  // Warm up the JIT, and count what the run produces so the work cannot be optimised away.
  let findings = 0;
  for (const d of deals) findings += buildCoachingView(d, ctx(d)).findings.length;

  const viewTimes: number[] = [];
  const ruleTimes: number[] = [];
  let sink = 0;
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    for (const d of deals) sink += buildCoachingView(d, ctx(d)).findings.length;
    viewTimes.push(performance.now() - t);
    t = performance.now();
    for (const d of deals) sink += coachDeal(d, ctx(d)).length;
    ruleTimes.push(performance.now() - t);
  }
  if (sink < 0) throw new Error('unreachable');

  const stakeholders = deals.reduce((s, d) => s + d.stakeholders.length, 0);
  const activities = deals.reduce((s, d) => s + d.activities.length, 0);
  const viewTotal = median(viewTimes);
  return [
    {
      name: `buildCoachingView per deal (${DEALS.toLocaleString('en-US')} open deals)`,
      medianMs: viewTotal / DEALS,
      runs: RUNS,
      budget: 1,
      unit: 'ms/deal',
      extra: {
        totalMs: Math.round(viewTotal * 10) / 10,
        findingsPerDeal: Math.round((findings / DEALS) * 100) / 100,
        avgStakeholders: Math.round((stakeholders / DEALS) * 10) / 10,
        avgActivities: Math.round((activities / DEALS) * 10) / 10,
      },
    },
    {
      name: `coachDeal (rules only) per deal (${DEALS.toLocaleString('en-US')} open deals)`,
      medianMs: median(ruleTimes) / DEALS,
      runs: RUNS,
      unit: 'ms/deal',
      extra: { totalMs: Math.round(median(ruleTimes) * 10) / 10 },
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchCoaching();
  for (const row of rows) {
    const verdict = row.budget === undefined ? '' : row.medianMs <= row.budget ? `  ≤ ${row.budget} ok` : `  > ${row.budget} OVER BUDGET`;
    const extra = row.extra ? '  ' + Object.entries(row.extra).map(([k, v]) => `${k}=${v}`).join(' ') : '';
    console.log(`${row.name.padEnd(58)} ${row.medianMs.toFixed(4).padStart(9)} ${row.unit ?? 'ms'} (n=${row.runs})${verdict}${extra}`);
  }
  if (rows.some((r) => r.budget !== undefined && r.medianMs > r.budget)) process.exitCode = 1;
}
