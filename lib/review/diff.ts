/**
 * "Changed since last review": a snapshot of the open deals the manager reviewed, and what changed
 * since — stage moves, amount changes, close dates pushed or pulled in, findings that appeared or
 * cleared (qualification and stakeholder flags included), deals that are new or gone. Pure.
 */
import { z } from 'zod';
import { dayNumber } from '../dates';
import type { ReviewRow } from './rows';

export const SnapshotDeal = z.object({
  id: z.string().max(500),
  name: z.string().max(2000),
  ownerName: z.string().max(500),
  stage: z.string().max(500),
  stageOrder: z.number().int().nullable(),
  amount: z.number().nullable(),
  currency: z.string().max(10).nullable(),
  closeDate: z.string().max(40).nullable(),
  /** Rule id → finding title, as shown then. */
  flags: z.record(z.string().max(100), z.string().max(2000)),
  qualAnswered: z.number().int(),
  qualTracked: z.number().int(),
  keyReached: z.number().int(),
  keyTotal: z.number().int(),
});
export type SnapshotDeal = z.infer<typeof SnapshotDeal>;

export const ReviewSnapshot = z.object({
  version: z.literal(1),
  /** What was reviewed: `crm:<crm>|<instance>|<manager id>` or `csv:<export format>`. */
  scope: z.string().min(1).max(2000),
  /** When the manager saved it (ISO instant). */
  savedAt: z.string().max(40),
  /** The data's "now" then (a CRM's today, an export's latest date). */
  asOf: z.string().max(40),
  label: z.string().max(500),
  deals: z.array(SnapshotDeal).max(200_000),
});
export type ReviewSnapshot = z.infer<typeof ReviewSnapshot>;

export function snapshotOf(rows: readonly ReviewRow[], meta: { scope: string; savedAt: string; asOf: string; label: string }): ReviewSnapshot {
  return {
    version: 1,
    ...meta,
    deals: rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerName: r.ownerName,
      stage: r.stage,
      stageOrder: r.stageOrder,
      amount: r.amount,
      currency: r.currency,
      closeDate: r.closeDate,
      flags: Object.fromEntries(r.flags.map((f) => [f.ruleId, f.title])),
      qualAnswered: r.qualAnswered,
      qualTracked: r.qualTracked,
      keyReached: r.keyReached,
      keyTotal: r.keyTotal,
    })),
  };
}

export type DealChange =
  | { kind: 'new' }
  | { kind: 'vanished'; outcome: 'won' | 'lost' | null }
  | { kind: 'stage'; from: string; to: string; direction: 'forward' | 'back' | null }
  | { kind: 'amount'; from: number | null; to: number | null }
  | { kind: 'close-date'; from: string | null; to: string | null; direction: 'pushed' | 'pulled-in' | 'set' | 'cleared'; days: number | null }
  | { kind: 'finding-appeared'; ruleId: string; title: string }
  | { kind: 'finding-cleared'; ruleId: string; title: string }
  | { kind: 'qualification'; from: number; to: number; tracked: number }
  | { kind: 'people'; from: number; to: number; total: number };

export type ChangeKind = DealChange['kind'];

export interface DealDiff {
  id: string;
  name: string;
  ownerName: string;
  /** Current amount and currency (or the snapshot's for a vanished deal). */
  amount: number | null;
  currency: string | null;
  changes: DealChange[];
}

export interface SnapshotDiff {
  since: string;
  deals: DealDiff[];
  counts: Record<ChangeKind, number>;
}

const KINDS: ChangeKind[] = ['new', 'vanished', 'stage', 'amount', 'close-date', 'finding-appeared', 'finding-cleared', 'qualification', 'people'];

/**
 * What changed from `previous` to the current open deals. `closed` tells how a deal that left the
 * open list ended (won / lost), when the data still has it; otherwise it simply vanished.
 * Listed: vanished and new deals first, then changed ones by name.
 */
export function diffSnapshot(previous: ReviewSnapshot, current: readonly ReviewRow[], closed: ReadonlyMap<string, 'won' | 'lost'> = new Map()): SnapshotDiff {
  const before = new Map(previous.deals.map((d) => [d.id, d]));
  const out: DealDiff[] = [];
  const seen = new Set<string>();
  for (const row of current) {
    seen.add(row.id);
    const old = before.get(row.id);
    const base = { id: row.id, name: row.name, ownerName: row.ownerName, amount: row.amount, currency: row.currency };
    if (!old) {
      out.push({ ...base, changes: [{ kind: 'new' }] });
      continue;
    }
    const changes = dealChanges(old, row);
    if (changes.length > 0) out.push({ ...base, changes });
  }
  for (const old of previous.deals) {
    if (seen.has(old.id)) continue;
    out.push({ id: old.id, name: old.name, ownerName: old.ownerName, amount: old.amount, currency: old.currency, changes: [{ kind: 'vanished', outcome: closed.get(old.id) ?? null }] });
  }
  const order = (d: DealDiff) => (d.changes[0]!.kind === 'vanished' ? 0 : d.changes[0]!.kind === 'new' ? 1 : 2);
  out.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const d of out) for (const c of d.changes) counts[c.kind]++;
  return { since: previous.savedAt, deals: out, counts };
}

function dealChanges(old: SnapshotDeal, row: ReviewRow): DealChange[] {
  const changes: DealChange[] = [];
  if (old.stage !== row.stage) {
    const direction = old.stageOrder !== null && row.stageOrder !== null && old.stageOrder !== row.stageOrder ? (row.stageOrder > old.stageOrder ? 'forward' : 'back') : null;
    changes.push({ kind: 'stage', from: old.stage, to: row.stage, direction });
  }
  if (old.amount !== row.amount) changes.push({ kind: 'amount', from: old.amount, to: row.amount });
  if (old.closeDate !== row.closeDate) {
    const from = old.closeDate ? dayNumber(old.closeDate) : NaN;
    const to = row.closeDate ? dayNumber(row.closeDate) : NaN;
    if (Number.isNaN(from) && !Number.isNaN(to)) changes.push({ kind: 'close-date', from: old.closeDate, to: row.closeDate, direction: 'set', days: null });
    else if (!Number.isNaN(from) && Number.isNaN(to)) changes.push({ kind: 'close-date', from: old.closeDate, to: row.closeDate, direction: 'cleared', days: null });
    else if (from !== to) changes.push({ kind: 'close-date', from: old.closeDate, to: row.closeDate, direction: to > from ? 'pushed' : 'pulled-in', days: Math.abs(to - from) });
  }
  const now = new Map<string, string>();
  for (const f of row.flags) if (!now.has(f.ruleId)) now.set(f.ruleId, f.title);
  for (const [ruleId, title] of now) if (!(ruleId in old.flags)) changes.push({ kind: 'finding-appeared', ruleId, title });
  for (const [ruleId, title] of Object.entries(old.flags)) if (!now.has(ruleId)) changes.push({ kind: 'finding-cleared', ruleId, title });
  if (old.qualAnswered !== row.qualAnswered && row.qualTracked > 0) changes.push({ kind: 'qualification', from: old.qualAnswered, to: row.qualAnswered, tracked: row.qualTracked });
  if (old.keyReached !== row.keyReached && row.keyTotal > 0) changes.push({ kind: 'people', from: old.keyReached, to: row.keyReached, total: row.keyTotal });
  return changes;
}
