import { describe, expect, it } from 'vitest';
import { closePeriodOf } from '../../../lib/review/rows';
import { facets, filterRows, sortRows, visibleRange } from '../../../lib/review/table';
import { dayNumber } from '../../../lib/dates';
import { row } from './helpers';

const rows = [
  row({ id: '1', name: 'Acme renewal', account: 'Acme', ownerId: 'a', ownerName: 'Ann', team: 'North', amount: 5000, band: 'rock', stage: 'Negotiation', stageOrder: 3, pushCount: 3, closePeriod: 'overdue', flags: [{ ruleId: 'close-date-pushed', severity: 'risk', title: 'Pushed' }] }),
  row({ id: '2', name: 'Beta pilot', account: 'Beta', ownerId: 'b', ownerName: 'Bob', team: 'South', amount: null, band: null, stage: 'Prospecting', stageOrder: 0, ageDays: null, flags: [{ ruleId: 'no-next-step', severity: 'warn', title: 'No next step' }] }),
  row({ id: '3', name: 'Gamma expansion', account: 'Gamma', ownerId: 'a', ownerName: 'Ann', team: 'North', amount: 300, band: 'pebble', closeDate: null, closePeriod: 'none', ageDays: 200, typicalDays: 50, qualTracked: 0 }),
  row({ id: '4', name: 'Delta', account: 'Acme subsidiary', ownerId: 'c', ownerName: 'Cy', team: null, amount: 1000, band: 'stone', flags: [{ ruleId: 'single-threaded', severity: 'info', title: 'x' }] }),
];

describe('review table filter', () => {
  it('filters by owner, team, stage, flag, severity, band, close period', () => {
    const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.id);
    expect(ids({ owner: 'a' })).toEqual(['1', '3']);
    expect(ids({ team: 'North' })).toEqual(['1', '3']);
    expect(ids({ stage: 'Prospecting' })).toEqual(['2']);
    expect(ids({ flag: 'no-next-step' })).toEqual(['2']);
    expect(ids({ severity: 'risk' })).toEqual(['1']);
    expect(ids({ severity: 'warn' })).toEqual(['1', '2']);
    expect(ids({ severity: 'info' })).toEqual(['1', '2', '4']);
    expect(ids({ band: 'rock' })).toEqual(['1']);
    expect(ids({ band: 'unknown' })).toEqual(['2']);
    expect(ids({ close: 'overdue' })).toEqual(['1']);
    expect(ids({ close: 'none' })).toEqual(['3']);
    expect(ids({ owner: 'a', band: 'pebble' })).toEqual(['3']);
    expect(ids({ ids: new Set(['2', '4']) })).toEqual(['2', '4']);
    expect(ids({})).toEqual(['1', '2', '3', '4']);
  });

  it('searches every word across name, account, owner, id and stage, ignoring case', () => {
    expect(filterRows(rows, { search: 'acme' }).map((r) => r.id)).toEqual(['1', '4']);
    expect(filterRows(rows, { search: '  ACME   cy ' }).map((r) => r.id)).toEqual(['4']);
    expect(filterRows(rows, { search: 'prospect' }).map((r) => r.id)).toEqual(['2']);
    expect(filterRows(rows, { search: 'nothing-like-it' })).toEqual([]);
  });
});

describe('review table sort', () => {
  it('sorts both ways with unknown values last', () => {
    expect(sortRows(rows, { key: 'amount', dir: 'desc' }).map((r) => r.id)).toEqual(['1', '4', '3', '2']);
    expect(sortRows(rows, { key: 'amount', dir: 'asc' }).map((r) => r.id)).toEqual(['3', '4', '1', '2']);
    expect(sortRows(rows, { key: 'closeDate', dir: 'asc' }).at(-1)!.id).toBe('3');
    expect(sortRows(rows, { key: 'age', dir: 'desc' }).map((r) => r.id)).toEqual(['3', '1', '4', '2']);
  });

  it('puts the riskiest first and breaks ties by name', () => {
    expect(sortRows(rows, { key: 'flags', dir: 'desc' }).map((r) => r.id)).toEqual(['1', '2', '4', '3']);
    expect(sortRows(rows, { key: 'owner', dir: 'asc' }).map((r) => r.id)).toEqual(['1', '3', '2', '4']);
    // Stage order, then name: Delta before Gamma expansion in Engaging.
    expect(sortRows(rows, { key: 'stage', dir: 'asc' }).map((r) => r.id)).toEqual(['2', '4', '3', '1']);
  });

  it('does not change the input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'name', dir: 'desc' });
    expect(rows).toEqual(copy);
  });

  it('filters and sorts 20,000 rows (its speed is in npm run bench, review suite)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => row({ id: String(i), amount: (i * 7919) % 10_000, ownerId: `o${i % 12}` }));
    const out = sortRows(filterRows(many, { owner: 'o3', search: 'deal' }), { key: 'amount', dir: 'desc' });
    expect(out.length).toBe(1667);
    expect(out.every((r, i) => i === 0 || out[i - 1]!.amount! >= r.amount!)).toBe(true);
  });
});

describe('facets, close periods, visible range', () => {
  it('lists owners, teams, stages and flags with counts', () => {
    const f = facets(rows);
    expect(f.owners).toEqual([
      { id: 'a', name: 'Ann', count: 2 },
      { id: 'b', name: 'Bob', count: 1 },
      { id: 'c', name: 'Cy', count: 1 },
    ]);
    expect(f.teams).toEqual([
      { name: 'North', count: 2 },
      { name: 'South', count: 1 },
    ]);
    expect(f.stages.map((s) => s.name)).toEqual(['Prospecting', 'Engaging', 'Negotiation']);
    expect(f.flags.map((x) => x.ruleId).sort()).toEqual(['close-date-pushed', 'no-next-step', 'single-threaded']);
  });

  it('names the close period of a date', () => {
    const today = dayNumber('2026-03-10');
    expect(closePeriodOf(dayNumber('2026-03-09'), today)).toBe('overdue');
    expect(closePeriodOf(dayNumber('2026-03-31'), today)).toBe('this-month');
    expect(closePeriodOf(dayNumber('2026-04-15'), today)).toBe('next-quarter');
    expect(closePeriodOf(dayNumber('2026-02-15'), dayNumber('2026-01-10'))).toBe('this-quarter');
    expect(closePeriodOf(dayNumber('2026-12-01'), today)).toBe('later');
    expect(closePeriodOf(NaN, today)).toBe('none');
  });

  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 460, 46, 20_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(46 * 1000, 460, 46, 20_000, 5)).toEqual({ start: 995, end: 1016 });
    expect(visibleRange(46 * 20_000, 460, 46, 20_000, 5).end).toBe(20_000);
    expect(visibleRange(0, 460, 46, 0)).toEqual({ start: 0, end: 0 });
  });
});
