/**
 * Figures the tests expect, computed here independently of lib/metrics and the adapter: plain
 * counting over the demo CRM's JSON and the Maven CSV, the way an analyst would check them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoCrm } from '../demo-crm/server';

const DAY = 86_400_000;

/** UTC day number of `YYYY-MM-DD` or an ISO instant. */
export function dayOf(value: string): number {
  return Math.floor(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) / DAY);
}

/** Spreadsheet PERCENTILE.INC: linear interpolation between closest ranks. */
export function percentileInc(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
}

/** "57" or "56.5", the way findings print a figure. */
export function figure(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

interface ApiOpportunity {
  id: string;
  name: string;
  owner: { id: string; name: string };
  is_closed: boolean;
  is_won: boolean;
  created_at: string | null;
  closed_at: string | null;
  close_date: string | null;
  close_date_history: Array<{ changed_at: string; old_value: string | null; new_value: string | null }>;
}

export async function api<T>(crm: DemoCrm, pathAndQuery: string, user: string): Promise<T> {
  const response = await fetch(`${crm.url}${pathAndQuery}`, { headers: { 'X-Demo-User': encodeURIComponent(user), Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${pathAndQuery}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Every opportunity of one owner, all pages. */
export async function ownerDeals(crm: DemoCrm, user: string): Promise<ApiOpportunity[]> {
  const me = await api<{ id: string }>(crm, '/api/me', user);
  const out: ApiOpportunity[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ owner: me.id, state: 'all', limit: '500' });
    if (cursor) query.set('cursor', cursor);
    const page: { results: ApiOpportunity[]; next: string | null } = await api(crm, `/api/opportunities?${query}`, user);
    out.push(...page.results);
    cursor = page.next;
  } while (cursor);
  return out;
}

/** The rep's typical cycle as the demo data has it: days from creation to close of won deals. */
export async function typicalCycle(crm: DemoCrm, user: string): Promise<{ median: number; p90: number; n: number }> {
  const won = (await ownerDeals(crm, user)).filter((o) => o.is_won && o.created_at && o.closed_at);
  const days = won.map((o) => dayOf(o.closed_at!) - dayOf(o.created_at!)).filter((d) => d >= 0);
  return { median: percentileInc(days, 0.5), p90: percentileInc(days, 0.9), n: days.length };
}

export async function opportunity(crm: DemoCrm, id: string, user: string): Promise<ApiOpportunity> {
  return api<ApiOpportunity>(crm, `/api/opportunities/${encodeURIComponent(id)}`, user);
}

/** Maven's sales_pipeline.csv, as shipped in shared/datasets. */
export function mavenCsvPath(): string {
  const candidates = [process.env.DEMO_CRM_DATA, path.resolve('../shared/datasets/maven-crm'), '/work/shared/datasets/maven-crm'].filter(Boolean) as string[];
  for (const dir of candidates) {
    const file = path.join(dir, 'sales_pipeline.csv');
    try {
      readFileSync(file, { flag: 'r' });
      return file;
    } catch {
      // next
    }
  }
  throw new Error('sales_pipeline.csv not found (set DEMO_CRM_DATA)');
}

/** Unit win rate of one sales agent in the Maven CSV: won ÷ (won + lost), by plain counting. */
export function mavenWinRate(agent: string): { won: number; lost: number; rate: number } {
  const lines = readFileSync(mavenCsvPath(), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const agentAt = header.indexOf('sales_agent');
  const stageAt = header.indexOf('deal_stage');
  let won = 0;
  let lost = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[agentAt] !== agent) continue;
    if (cells[stageAt] === 'Won') won++;
    else if (cells[stageAt] === 'Lost') lost++;
  }
  return { won, lost, rate: won / (won + lost) };
}
