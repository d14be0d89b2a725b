/**
 * Metrics over 100,000 deals (DESIGN §8: all metrics ≤ 100 ms in Node).
 * Deterministic synthetic pipeline: seeded PRNG, won/lost/open mix, 35 owners in 6 teams, stage
 * and close-date history on some deals, Salesforce-like instants and plain dates mixed.
 * Alone: `npx tsx test/bench/metrics.bench.ts`; in the suite: `npm run bench -- metrics`.
 */
import { pathToFileURL } from 'node:url';
import { addDays } from '../../lib/dates';
import { computeBenchmarks, summarize } from '../../lib/metrics';
import { DEFAULT_THRESHOLDS, type Deal } from '../../lib/model';

export const DEAL_COUNT = 100_000;
const OWNERS = 35;
const TEAMS = 6;
const RUNS = 15;
const WARMUP = 3;
const BUDGET_MS = 100;
const NOW = '2018-01-15T09:00:00Z';

const OPEN_STAGES = ['Qualify', 'Develop', 'Propose', 'Negotiate'];
const PRODUCTS = ['GTX Basic', 'GTX Pro', 'GTX Plus Basic', 'GTX Plus Pro', 'MG Special', 'MG Advanced', 'GTK 500'];

/** mulberry32: small, fast, and the same deals on every machine. */
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

export function syntheticDeals(count = DEAL_COUNT, seed = 20170101): Deal[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const owners = Array.from({ length: OWNERS }, (_, i) => ({ id: `005${String(i).padStart(3, '0')}`, name: `Agent ${i}` }));
  // Calendar days from 2015-01-01, worked out once: offsets index this table.
  const days = Array.from({ length: 2000 }, (_, i) => addDays('2015-01-01', i));
  const dayAt = (offset: number) => days[Math.max(0, Math.min(days.length - 1, offset))]!;
  // Half the instants are Salesforce-style timestamps, half calendar dates.
  const instant = (day: string) => (random() < 0.5 ? `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z` : day);

  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const category = roll < 0.42 ? 'won' : roll < 0.72 ? 'lost' : 'open';
    const createdDay = Math.floor(random() * 1100);
    const created = dayAt(createdDay);
    const closedDay = createdDay + 5 + Math.floor(random() * random() * 240);
    const closed = dayAt(closedDay);
    const order = Math.floor(random() * OPEN_STAGES.length);
    let closeDate = category === 'open' ? dayAt(createdDay + 30 + Math.floor(random() * 200)) : closed;

    const closeDateChanges: Deal['history']['closeDateChanges'] = [];
    if (random() < 0.25) {
      let expected = createdDay + 20 + Math.floor(random() * 60);
      const moves = 1 + Math.floor(random() * 3);
      for (let m = 0; m < moves; m++) {
        const next = expected + Math.floor(random() * 60) - 15;
        closeDateChanges.push({ at: instant(dayAt(createdDay + 10 * (m + 1))), from: dayAt(expected), to: dayAt(next) });
        expected = next;
      }
      if (category === 'open') closeDate = dayAt(expected);
    }

    const stageChanges: Deal['history']['stageChanges'] = [];
    if (random() < 0.3) {
      const reached = category === 'won' ? OPEN_STAGES.length - 1 : order;
      for (let s = 1; s <= reached; s++) stageChanges.push({ at: instant(dayAt(createdDay + s * 7)), from: OPEN_STAGES[s - 1]!, to: OPEN_STAGES[s]! });
      if (category !== 'open') stageChanges.push({ at: instant(closed), from: OPEN_STAGES[reached]!, to: category === 'won' ? 'Closed Won' : 'Closed Lost' });
    }

    const owner = owners[i % OWNERS]!;
    const id = `006${String(i).padStart(12, '0')}`;
    deals.push({
      ref: { crm: 'synthetic', instance: 'bench.local', id, url: `https://bench.local/${id}` },
      name: `Opportunity ${i}`,
      accountName: `Account ${i % 900}`,
      owner,
      amount: random() < 0.05 ? null : Math.round(500 * Math.exp(random() * 5)),
      currency: 'USD',
      stage:
        category === 'open'
          ? { name: OPEN_STAGES[order]!, category, order }
          : { name: category === 'won' ? 'Closed Won' : 'Closed Lost', category, order: category === 'won' ? 5 : 6 },
      createdAt: instant(created),
      closeDate,
      closedAt: category === 'open' ? null : instant(closed),
      history: { closeDateChanges, stageChanges, tracked: true },
      stakeholders: [],
      activities: [],
      fields: {},
      isNewBusiness: random() < 0.1 ? null : random() < 0.6,
      product: pick(PRODUCTS),
    });
  }
  // Deals as the background holds them: parsed from JSON (CRM API → zod → IndexedDB), so strings
  // are flat and objects compact. Timing the generator's own objects (strings glued by template
  // literals, objects scattered among temporaries) measures the generator, not the metrics.
  return JSON.parse(JSON.stringify(deals)) as Deal[];
}

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median wall time over RUNS after WARMUP, plus the median CPU time of this process (a fairer
 * figure on a shared machine, where wall time includes waiting for a core) and the largest heap
 * growth during a run (garbage included, as it is what the run allocated).
 */
function time(run: () => unknown): { medianMs: number; cpuMs: number; maxHeapDeltaMb: number } {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  const cpu: number[] = [];
  let maxHeapDelta = 0;
  for (let i = 0; i < RUNS; i++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    maxHeapDelta = Math.max(maxHeapDelta, process.memoryUsage().heapUsed - heapBefore);
  }
  return { medianMs: medianOf(times), cpuMs: +medianOf(cpu).toFixed(1), maxHeapDeltaMb: +(maxHeapDelta / 2 ** 20).toFixed(1) };
}

export async function benchMetrics(): Promise<Array<{ name: string; medianMs: number; runs: number; budget?: number; extra?: Record<string, number | string> }>> {
  const heapStart = process.memoryUsage().heapUsed;
  const generated = performance.now();
  const deals = syntheticDeals();
  const generateMs = performance.now() - generated;
  // Heap growth while generating: the deals plus the generator's garbage not yet collected.
  const generateHeapMb = +((process.memoryUsage().heapUsed - heapStart) / 2 ** 20).toFixed(1);
  const teamOf = (ownerName: string) => `Team ${Number(ownerName.slice(6)) % TEAMS}`;
  const ownerId = deals[0]!.owner.id;

  const byOwner = time(() => summarize(deals, { now: NOW, groupBy: 'owner' }));
  const byTeam = time(() => summarize(deals, { now: NOW, groupBy: 'team', teamOf }));
  const benchmarks = time(() => computeBenchmarks(deals, ownerId, NOW, DEFAULT_THRESHOLDS));
  const all = time(() => {
    summarize(deals, { now: NOW, groupBy: 'owner' });
    summarize(deals, { now: NOW, groupBy: 'team', teamOf });
    computeBenchmarks(deals, ownerId, NOW, DEFAULT_THRESHOLDS);
  });

  const report = summarize(deals, { now: NOW, groupBy: 'team', teamOf });
  const heapUsedMb = +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
  const n = `${deals.length / 1000}k deals`;
  return [
    { name: `summarize by owner, ${n}, ${OWNERS} groups`, medianMs: byOwner.medianMs, runs: RUNS, budget: BUDGET_MS, extra: { cpuMs: byOwner.cpuMs, heapDeltaMb: byOwner.maxHeapDeltaMb } },
    { name: `summarize by team, ${n}, ${report.groups.length} groups`, medianMs: byTeam.medianMs, runs: RUNS, budget: BUDGET_MS, extra: { cpuMs: byTeam.cpuMs, heapDeltaMb: byTeam.maxHeapDeltaMb } },
    { name: `computeBenchmarks, one owner, ${n} history`, medianMs: benchmarks.medianMs, runs: RUNS, budget: BUDGET_MS, extra: { cpuMs: benchmarks.cpuMs, heapDeltaMb: benchmarks.maxHeapDeltaMb } },
    {
      name: `all three together, ${n}`,
      medianMs: all.medianMs,
      runs: RUNS,
      extra: { cpuMs: all.cpuMs, heapUsedMb, generateHeapMb, generateMs: Math.round(generateMs), overallWinRate: (report.overall.winRates.unit.rate! * 100).toFixed(1) + '%' },
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchMetrics();
  console.log(`Node ${process.version}`);
  for (const row of rows) {
    const verdict = row.budget === undefined ? '' : row.medianMs <= row.budget ? `≤ ${row.budget} ms ok` : `> ${row.budget} ms OVER BUDGET`;
    const extra = row.extra ? Object.entries(row.extra).map(([k, v]) => `${k}=${v}`).join(' ') : '';
    console.log(`${row.name.padEnd(48)} ${row.medianMs.toFixed(2).padStart(9)} ms (n=${row.runs})  ${verdict.padEnd(16)} ${extra}`);
  }
}
