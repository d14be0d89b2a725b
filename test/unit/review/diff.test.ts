import { describe, expect, it } from 'vitest';
import { diffSnapshot, ReviewSnapshot, snapshotOf } from '../../../lib/review/diff';
import { row } from './helpers';

const meta = { scope: 'crm:demo|h|u1', savedAt: '2026-03-01T10:00:00.000Z', asOf: '2026-03-01', label: 'Team' };

describe('snapshot diff', () => {
  const before = [
    row({ id: 'A', stage: 'Prospecting', stageOrder: 0 }),
    row({ id: 'B', amount: 1000 }),
    row({ id: 'C', closeDate: '2026-04-01' }),
    row({ id: 'D', closeDate: '2026-04-01' }),
    row({ id: 'E', flags: [{ ruleId: 'single-threaded', severity: 'warn', title: 'Single-threaded' }] }),
    row({ id: 'F' }),
    row({ id: 'G' }),
    row({ id: 'H', qualAnswered: 3, keyReached: 0 }),
    row({ id: 'I', stage: 'Engaging', stageOrder: 1 }),
    row({ id: 'J', closeDate: null }),
    row({ id: 'K' }),
  ];
  const snap = snapshotOf(before, meta);

  it('is a valid stored snapshot', () => {
    expect(ReviewSnapshot.parse(snap)).toEqual(snap);
  });

  it('lists every change kind', () => {
    const now = [
      row({ id: 'A', stage: 'Engaging', stageOrder: 1 }),
      row({ id: 'B', amount: 2500 }),
      row({ id: 'C', closeDate: '2026-05-16' }),
      row({ id: 'D', closeDate: '2026-03-20' }),
      row({ id: 'E', flags: [{ ruleId: 'missing-qualification', severity: 'risk', title: '12 questions open' }] }),
      row({ id: 'H', qualAnswered: 9, keyReached: 2 }),
      row({ id: 'I', stage: 'Prospecting', stageOrder: 0 }),
      row({ id: 'J', closeDate: '2026-06-01' }),
      row({ id: 'K', closeDate: null }),
      row({ id: 'N' }),
    ];
    const diff = diffSnapshot(snap, now, new Map([['F', 'won' as const]]));
    const by = Object.fromEntries(diff.deals.map((d) => [d.id, d.changes]));
    expect(by.A).toEqual([{ kind: 'stage', from: 'Prospecting', to: 'Engaging', direction: 'forward' }]);
    expect(by.I).toEqual([{ kind: 'stage', from: 'Engaging', to: 'Prospecting', direction: 'back' }]);
    expect(by.B).toEqual([{ kind: 'amount', from: 1000, to: 2500 }]);
    expect(by.C).toEqual([{ kind: 'close-date', from: '2026-04-01', to: '2026-05-16', direction: 'pushed', days: 45 }]);
    expect(by.D).toEqual([{ kind: 'close-date', from: '2026-04-01', to: '2026-03-20', direction: 'pulled-in', days: 12 }]);
    expect(by.J).toEqual([{ kind: 'close-date', from: null, to: '2026-06-01', direction: 'set', days: null }]);
    expect(by.K).toEqual([{ kind: 'close-date', from: '2026-04-01', to: null, direction: 'cleared', days: null }]);
    expect(by.E).toEqual([
      { kind: 'finding-appeared', ruleId: 'missing-qualification', title: '12 questions open' },
      { kind: 'finding-cleared', ruleId: 'single-threaded', title: 'Single-threaded' },
    ]);
    expect(by.H).toEqual([
      { kind: 'qualification', from: 3, to: 9, tracked: 15 },
      { kind: 'people', from: 0, to: 2, total: 2 },
    ]);
    expect(by.F).toEqual([{ kind: 'vanished', outcome: 'won' }]);
    expect(by.G).toEqual([{ kind: 'vanished', outcome: null }]);
    expect(by.N).toEqual([{ kind: 'new' }]);
    // Vanished first, then new, then changed; unchanged deals are not listed.
    expect(diff.deals.slice(0, 3).map((d) => d.id)).toEqual(['F', 'G', 'N']);
    expect(diff.deals).toHaveLength(12);
    expect(diff.counts).toMatchObject({ new: 1, vanished: 2, stage: 2, amount: 1, 'close-date': 4, 'finding-appeared': 1, 'finding-cleared': 1, qualification: 1, people: 1 });
    expect(diff.since).toBe(meta.savedAt);
  });

  it('finds nothing when nothing changed', () => {
    expect(diffSnapshot(snap, before).deals).toEqual([]);
  });

  it('a finding whose title changed is not a change (same rule still flags)', () => {
    const s = snapshotOf([row({ id: 'A', flags: [{ ruleId: 'close-date-pushed', severity: 'warn', title: 'Pushed 2 times' }] })], meta);
    expect(diffSnapshot(s, [row({ id: 'A', flags: [{ ruleId: 'close-date-pushed', severity: 'risk', title: 'Pushed 3 times' }] })]).deals).toEqual([]);
  });
});
