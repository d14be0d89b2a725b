/**
 * The Maven CRM dataset (8,800 opportunities) through lib/metrics, checked against figures
 * counted a second way straight from the CSV text — its own splitting, date arithmetic and sort,
 * nothing shared with the implementation. The only constants are facts of the file: 4,238 won,
 * 2,473 lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUsDate } from '../../../lib/dates';
import { salesCycle, stageConversion, summarize, winRates } from '../../../lib/metrics';
import type { Deal } from '../../../lib/model';

const CSV = '/work/shared/datasets/maven-crm/sales_pipeline.csv';
const text = readFileSync(CSV, 'utf8');

// ---------------------------------------------------------------------------------------------
// A small local loader (the real importer lives in lib/import and is not depended on here).
// `lostValue`: keep Maven's 0 on lost deals as a naive export does, or read it as unknown as the
// Deal model asks.
// ---------------------------------------------------------------------------------------------
const STAGE: Record<string, Deal['stage']> = {
  Prospecting: { name: 'Prospecting', category: 'open', order: 0 },
  Engaging: { name: 'Engaging', category: 'open', order: 1 },
  Won: { name: 'Won', category: 'won' },
  Lost: { name: 'Lost', category: 'lost' },
};

function loadMaven(lostValue: 'zero' | 'unknown'): Deal[] {
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header).toBe('opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value');
  return rows.map((row) => {
    const [id, agent, product, account, stageName, engage, close, value] = row.split(',') as string[];
    const stage = STAGE[stageName!]!;
    const closed = stage.category === 'open' ? null : parseUsDate(close!);
    const amount = stage.category === 'open' || value === '' ? null : stage.category === 'lost' && lostValue === 'unknown' ? null : Number(value);
    return {
      ref: { crm: 'maven', instance: 'local', id: id!, url: `maven:${id}` },
      name: id!,
      accountName: account || null,
      owner: { id: agent!, name: agent! },
      amount,
      currency: 'USD',
      stage,
      createdAt: engage ? parseUsDate(engage) : null,
      closeDate: closed,
      closedAt: closed,
      history: { closeDateChanges: [], stageChanges: [], tracked: false },
      stakeholders: [],
      activities: [],
      fields: {},
      product,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The second way: plain counting over the raw lines.
// ---------------------------------------------------------------------------------------------
interface AgentTruth {
  won: number;
  lost: number;
  wonCycles: number[];
}

function countByHand() {
  const agents = new Map<string, AgentTruth>();
  const quarters = new Map<string, { won: number; lost: number }>();
  let won = 0;
  let lost = 0;
  let open = 0;
  const lines = text.split('\n').slice(1).filter((l) => l.length > 0);
  for (const line of lines) {
    const cells = line.split(',');
    const agent = cells[1]!;
    const stage = cells[4]!;
    const a = agents.get(agent) ?? { won: 0, lost: 0, wonCycles: [] };
    agents.set(agent, a);
    if (stage !== 'Won' && stage !== 'Lost') {
      open++;
      continue;
    }
    const [cm, , cy] = cells[6]!.split('/').map(Number) as [number, number, number];
    const quarter = `${cy}-Q${Math.ceil(cm / 3)}`;
    const q = quarters.get(quarter) ?? { won: 0, lost: 0 };
    quarters.set(quarter, q);
    if (stage === 'Won') {
      won++;
      a.won++;
      q.won++;
      a.wonCycles.push(usDay(cells[6]!) - usDay(cells[5]!));
    } else {
      lost++;
      a.lost++;
      q.lost++;
    }
  }
  return { agents, quarters, won, lost, open, total: lines.length };
}

function usDay(us: string): number {
  const [m, d, y] = us.split('/').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function sortedMedian(values: number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const mid = x.length >> 1;
  return x.length % 2 ? x[mid]! : (x[mid - 1]! + x[mid]!) / 2;
}

const truth = countByHand();
const deals = loadMaven('zero');

describe('Maven CRM dataset', () => {
  it('the hand count agrees with the facts of the file', () => {
    expect(truth.total).toBe(8800);
    expect(truth.won).toBe(4238);
    expect(truth.lost).toBe(2473);
    expect(deals).toHaveLength(8800);
  });

  it('unit win rate overall: 4,238 won of 6,711 closed', () => {
    const r = winRates(deals);
    expect(r.unit).toEqual({ rate: 4238 / 6711, numerator: 4238, denominator: 6711 });
    // Pursued counts the 2,089 still-open deals too.
    expect(r.pursued.unit).toEqual({ rate: 4238 / truth.total, numerator: 4238, denominator: truth.total });
    expect(truth.open).toBe(truth.total - 6711);
  });

  it('unit win rate and median won cycle per agent match the hand count', () => {
    const report = summarize(deals, { now: '2018-01-15', groupBy: 'owner' });
    expect(report.groups).toHaveLength(truth.agents.size);
    for (const group of report.groups) {
      const hand = truth.agents.get(group.key)!;
      expect(group.winRates.unit).toEqual({ rate: hand.won + hand.lost ? hand.won / (hand.won + hand.lost) : null, numerator: hand.won, denominator: hand.won + hand.lost });
      expect(group.cycle?.median).toBe(sortedMedian(hand.wonCycles));
      expect(group.cycle?.n).toBe(hand.wonCycles.length);
    }
    // Groups come largest first.
    const totals = report.groups.map((g) => g.deals.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('unit win rate per close quarter matches the hand count', () => {
    const report = summarize(deals, { now: '2018-01-15', groupBy: 'period' });
    for (const [quarter, hand] of truth.quarters) {
      const group = report.groups.find((g) => g.key === quarter)!;
      expect(group.winRates.unit).toMatchObject({ numerator: hand.won, denominator: hand.won + hand.lost });
    }
  });

  it('the overall median won cycle matches a sort of every won cycle', () => {
    const all = [...truth.agents.values()].flatMap((a) => a.wonCycles);
    expect(salesCycle(deals)).toMatchObject({ median: sortedMedian(all), n: 4238, skipped: 0 });
  });

  it('flags the value win rate unreliable: every lost deal carries value 0', () => {
    const value = winRates(deals).value;
    expect(value.zeroValueLost).toBe(2473);
    expect(value.reliable).toBe(false);
    expect(value.rate).toBe(1);
    expect(value.unreliableReason).toBe('2,473 lost deals have value 0, so value win rate would read ~100%');
  });

  it('still flags it when the zeros are read as unknown amounts', () => {
    const value = winRates(loadMaven('unknown')).value;
    expect(value).toMatchObject({ excludedUnknownAmount: 2473, zeroValueLost: 0, reliable: false });
  });

  it('stage conversion from the first stage is the overall win rate; later stages say they are upper bounds', () => {
    const [prospecting, engaging] = stageConversion(deals);
    expect(prospecting).toMatchObject({ stage: 'Prospecting', basis: 'final-stage', conversion: { numerator: 4238, denominator: 6711 } });
    expect(engaging).toMatchObject({ stage: 'Engaging', lostStageUnknown: 2473 });
  });
});
