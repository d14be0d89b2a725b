/**
 * The showcase deals guarantee the facts listed in test/demo-crm/README.md. Checked on the Deal the
 * adapter produces, since that is what the coaching rules will see.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../lib/dates';
import type { Deal, Influence } from '../../../lib/model';
import { toDeal } from '../../../lib/crm/demo/map-deal';
import { buildDemoData } from '../../demo-crm/data';
import { SHOWCASE_IDS, SHOWCASE_OWNER } from '../../demo-crm/showcase';

const TODAY = '2026-03-10';
const data = buildDemoData({ today: TODAY });
const deal = (id: string): Deal => toDeal({ crm: 'demo', instance: '127.0.0.1:4300', id, url: `http://127.0.0.1:4300/opportunities/${id}` }, data.get(id));
const darcel = data.all().filter((o) => o.owner.name === SHOWCASE_OWNER);

const ageDays = (d: Deal) => daysBetween(d.createdAt!, TODAY);
const KEY: Influence[] = ['economic-buyer', 'decision-maker', 'champion'];
/** Days since the last done call, meeting or email with this stakeholder (null: never). */
function lastContactDays(d: Deal, stakeholderId: string): number | null {
  const done = d.activities.filter((a) => a.done && a.kind !== 'task' && a.kind !== 'note' && a.stakeholderIds.includes(stakeholderId));
  if (done.length === 0) return null;
  return Math.min(...done.map((a) => daysBetween(a.at, TODAY)));
}
const qualAnswered = (d: Deal) => Object.entries(d.fields).filter(([k, v]) => k.startsWith('qual_') && v !== null && v !== '').length;

/** Darcel's won cycle (created -> closed), the basis of "typical cycle". */
const cycles = darcel
  .filter((o) => o.is_won)
  .map((o) => daysBetween(o.created_at!, o.closed_at!))
  .sort((a, b) => a - b);
const quantile = (q: number) => cycles[Math.ceil(q * cycles.length) - 1]!;

describe('showcase deals', () => {
  it('belong to a rep with 349 won deals and 194 ordinary open deals', () => {
    expect(cycles).toHaveLength(349);
    expect(darcel.filter((o) => !o.is_closed && !o.id.startsWith('DEMO-')).length).toBe(194);
    expect(data.showcaseIds).toEqual(Object.values(SHOWCASE_IDS));
    for (const id of data.showcaseIds) expect(deal(id)).toMatchObject({ owner: { name: SHOWCASE_OWNER }, stage: { name: 'Engaging', category: 'open' } });
    // The owner's typical cycle is far below the stale deal's age; the young deals are below the median.
    expect(quantile(0.5)).toBeGreaterThan(40);
    expect(quantile(0.5)).toBeLessThan(70);
    expect(quantile(0.9)).toBeLessThan(150);
  });

  it('DEMO-STALE: open 420 days (far past the owner p90 cycle), close date pushed 3 times, otherwise well run', () => {
    const d = deal(SHOWCASE_IDS.stale);
    expect(ageDays(d)).toBe(420);
    expect(ageDays(d)).toBeGreaterThan(2 * quantile(0.9));
    expect(d.history.stageChanges).toEqual([{ at: expect.stringContaining(addDays(TODAY, -400)), from: 'Prospecting', to: 'Engaging' }]);
    expect(d.history.closeDateChanges.map((c) => [c.from, c.to])).toEqual([
      [addDays(TODAY, -330), addDays(TODAY, -240)],
      [addDays(TODAY, -240), addDays(TODAY, -120)],
      [addDays(TODAY, -120), addDays(TODAY, 21)],
    ]);
    expect(d.closeDate).toBe(addDays(TODAY, 21));
    expect(qualAnswered(d)).toBe(15);
    expect(d.nextStep).toBeTruthy();
    for (const s of d.stakeholders.filter((s) => KEY.includes(s.influence))) expect(lastContactDays(d, s.id)).toBeLessThanOrEqual(12);
    expect(d.stakeholders.map((s) => s.influence).sort()).toEqual(['champion', 'decision-maker', 'economic-buyer']);
  });

  it('DEMO-UNQUALIFIED: 12 days old, 12 of 15 qualification questions empty, no next step', () => {
    const d = deal(SHOWCASE_IDS.unqualified);
    expect(ageDays(d)).toBe(12);
    expect(ageDays(d)).toBeLessThan(quantile(0.5));
    expect(qualAnswered(d)).toBe(3);
    expect(['qual_identified_project', 'qual_buyer_needs', 'qual_completion_date'].every((k) => d.fields[k])).toBe(true);
    expect(d.nextStep).toBeNull();
    expect(d.fields.next_step).toBeNull();
    for (const k of ['competitors', 'decision_criteria', 'decision_process', 'paper_process', 'metrics', 'pain']) expect(d.fields[k]).toBeNull();
    expect(d.history.closeDateChanges).toEqual([]);
    expect(d.stakeholders.map((s) => s.influence).sort()).toEqual(['champion', 'decision-maker']);
    for (const s of d.stakeholders) expect(lastContactDays(d, s.id)).toBeLessThanOrEqual(10);
  });

  it('DEMO-NODM: no economic buyer or decision maker; the champion last contacted 60 days ago', () => {
    const d = deal(SHOWCASE_IDS.noDecisionMaker);
    expect(ageDays(d)).toBe(62);
    expect(d.stakeholders.some((s) => s.influence === 'economic-buyer' || s.influence === 'decision-maker')).toBe(false);
    const champion = d.stakeholders.find((s) => s.influence === 'champion')!;
    expect(champion.name).toBe('Priya Nair');
    expect(lastContactDays(d, champion.id)).toBe(60);
    const others = d.stakeholders.filter((s) => s !== champion);
    expect(others.map((s) => s.influence).sort()).toEqual(['evaluator', 'user']);
    for (const s of others) expect(lastContactDays(d, s.id)).toBeLessThanOrEqual(12);
    expect(qualAnswered(d)).toBe(15);
    expect(d.history.closeDateChanges).toEqual([]);
    expect(d.closeDate).toBe(addDays(TODAY, 35));
  });

  it('DEMO-HEALTHY: young, fully qualified, every key person met in the last 2 weeks, meeting ahead, never pushed', () => {
    const d = deal(SHOWCASE_IDS.healthy);
    expect(ageDays(d)).toBe(20);
    expect(qualAnswered(d)).toBe(15);
    for (const k of ['competitors', 'decision_criteria', 'decision_process', 'paper_process', 'metrics', 'pain']) expect(d.fields[k]).toBeTruthy();
    expect(d.nextStep).toBeTruthy();
    expect(d.stakeholders).toHaveLength(4);
    for (const influence of KEY) {
      const s = d.stakeholders.find((x) => x.influence === influence)!;
      expect(lastContactDays(d, s.id)).toBeLessThanOrEqual(14);
    }
    const ahead = d.activities.filter((a) => !a.done && daysBetween(TODAY, a.at) > 0);
    expect(ahead).toEqual([expect.objectContaining({ kind: 'meeting' })]);
    expect(daysBetween(TODAY, d.closeDate!)).toBe(40);
    expect(d.history.closeDateChanges).toEqual([]);
    expect(d.amount).toBe(1150);
    const openValue = darcel.filter((o) => !o.is_closed).reduce((sum, o) => sum + (o.amount ?? 0), 0);
    expect(d.amount! / openValue).toBeLessThan(0.01);
  });
});
