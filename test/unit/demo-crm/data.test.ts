import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, parseUsDate } from '../../../lib/dates';
import { buildDemoData, defaultDataDir } from '../../demo-crm/data';
import type { DemoOpportunity } from '../../demo-crm/types';

const TODAY = '2026-03-10';
const data = buildDemoData({ today: TODAY });
const all = data.all();
const real = all.filter((o) => !o.id.startsWith('DEMO-'));
const csv = Papa.parse<Record<string, string>>(readFileSync(path.join(defaultDataDir(), 'sales_pipeline.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

const count = (list: DemoOpportunity[], test: (o: DemoOpportunity) => boolean) => list.filter(test).length;
const answered = (o: DemoOpportunity) => Object.entries(o.custom_fields).filter(([k, v]) => k.startsWith('qual_') && v !== null && v !== '').length;

describe('demo CRM data: the real parts stay real', () => {
  it('keeps every Maven row and adds only the DEMO- showcase deals', () => {
    expect(data.realCount).toBe(8800);
    expect(real).toHaveLength(8800);
    expect(all).toHaveLength(8800 + data.showcaseIds.length);
    expect(data.showcaseIds.every((id) => id.startsWith('DEMO-'))).toBe(true);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
  });

  it('keeps ids, agents, products, accounts, stages and values of every row, with dates shifted', () => {
    const shifted = (usDate: string | undefined) => (usDate ? addDays(parseUsDate(usDate)!, data.shiftDays) : null);
    const differences = csv.flatMap((row) => {
      const o = data.get(row.opportunity_id!)!;
      const expected = {
        owner: row.sales_agent,
        product: row.product,
        account: row.account || null,
        stage: row.deal_stage,
        engage_date: shifted(row.engage_date),
        closed_at: shifted(row.close_date),
        amount: o.is_closed ? Number(row.close_value) : o.amount,
      };
      const actual = { owner: o.owner.name, product: o.product, account: o.account?.name ?? null, stage: o.stage, engage_date: o.engage_date, closed_at: o.closed_at, amount: o.amount };
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ id: row.opportunity_id, expected, actual }];
    });
    expect(differences).toEqual([]);
  });

  it('keeps the quirks: lost deals at 0, GTXPro spelling, prospects without engage date, open rows without account', () => {
    expect(count(real, (o) => o.stage === 'Lost')).toBe(2473);
    expect(count(real, (o) => o.stage === 'Lost' && o.amount === 0)).toBe(2473);
    expect(count(real, (o) => o.stage === 'Won')).toBe(4238);
    expect(count(real, (o) => o.product === 'GTXPro')).toBe(1480);
    expect(count(real, (o) => o.stage === 'Prospecting' && o.engage_date === null)).toBe(500);
    expect(count(real, (o) => !o.is_closed && o.account === null)).toBe(1425);
  });

  it('shifts dates so the last real date is today minus 3 days', () => {
    const realDays = real.flatMap((o) => [o.engage_date, o.closed_at]).filter((d): d is string => !!d);
    expect(realDays.reduce((a, b) => (a > b ? a : b))).toBe(addDays(TODAY, -3));
    // 1C1I7A6R: engaged 10/20/2016, closed 3/1/2017 in the CSV; the gap is kept.
    const first = data.get('1C1I7A6R')!;
    expect(daysBetween(first.engage_date!, first.closed_at!)).toBe(daysBetween('2016-10-20', '2017-03-01'));
    expect(buildDemoData({ today: '2030-01-01' }).get('1C1I7A6R')!.engage_date).toBe(addDays('2016-10-20', daysBetween('2017-12-31', '2029-12-29')));
  });

  it('knows the 35 reps with their managers and regional offices, and the 6 managers with their teams', () => {
    const reps = data.users.filter((u) => u.role === 'rep');
    const managers = data.users.filter((u) => u.role === 'manager');
    expect(reps).toHaveLength(35);
    expect(managers).toHaveLength(6);
    const melvin = data.findUser('Melvin Marxen')!;
    expect(melvin.team.map((m) => m.name)).toContain('Darcel Schlecht');
    expect(data.findUser('u-darcel-schlecht')).toMatchObject({ manager: { name: 'Melvin Marxen' }, regional_office: 'Central' });
    expect(data.accounts).toHaveLength(85);
    expect(data.products.find((p) => p.name === 'GTX Pro')?.list_price).toBe(4821);
  });
});

describe('demo CRM data: enrichment', () => {
  it('is deterministic: same seed and today give identical data, in any order of reading', () => {
    const again = buildDemoData({ today: TODAY });
    const reversed = [...again.ids].reverse().map((id) => again.get(id)!);
    expect(reversed.reverse()).toEqual(all);
    const other = buildDemoData({ today: TODAY, seed: 'another seed' });
    expect(other.get('1C1I7A6R')).not.toEqual(data.get('1C1I7A6R'));
    expect(other.get('1C1I7A6R')!.closed_at).toBe(data.get('1C1I7A6R')!.closed_at);
  });

  it('gives every account 2–6 people and puts only them on its deals', () => {
    const people = new Map<string, Set<string>>();
    const strays: string[] = [];
    for (const o of real) {
      const onDeal = new Set(o.contact_roles.map((r) => r.contact.id));
      if (!o.account && onDeal.size > 0) strays.push(`${o.id}: people on a deal without account`);
      if (o.account) people.set(o.account.name, new Set([...(people.get(o.account.name) ?? []), ...onDeal]));
      for (const a of o.activities) for (const c of a.contact_ids) if (!onDeal.has(c)) strays.push(`${a.id}: ${c} is not on the deal`);
    }
    expect(strays).toEqual([]);
    expect(Math.max(...[...people.values()].map((set) => set.size))).toBeLessThanOrEqual(6);
    const labels = new Set(real.flatMap((o) => o.contact_roles.map((r) => r.role)));
    for (const label of ['Economic Buyer', 'Decision Maker', 'Champion', 'Technical Evaluator', 'End User', 'Influencer']) expect(labels).toContain(label);
  });

  it('qualifies most won deals well and leaves open deals with varied gaps', () => {
    const won = real.filter((o) => o.is_won);
    const engaging = real.filter((o) => o.stage === 'Engaging');
    const share = (list: DemoOpportunity[], test: (o: DemoOpportunity) => boolean) => count(list, test) / list.length;
    expect(share(won, (o) => answered(o) >= 10)).toBeGreaterThan(0.7);
    expect(share(engaging, (o) => answered(o) >= 12)).toBeGreaterThan(0.1);
    expect(share(engaging, (o) => answered(o) <= 5)).toBeGreaterThan(0.15);
    expect(share(engaging, (o) => o.next_step === null)).toBeGreaterThan(0.1);
    expect(share(engaging, (o) => o.close_date_history.length >= 2)).toBeGreaterThan(0.2);
    expect(share(engaging, (o) => o.activities.some((a) => a.status === 'Planned'))).toBeGreaterThan(0.3);
  });

  it('writes consistent histories: pushes chain to the current close date, stages follow the real dates', () => {
    const today = dayNumber(TODAY);
    const problems = (o: DemoOpportunity): string[] => {
      const out: string[] = [];
      const changes = o.close_date_history;
      if (changes.length > 4) out.push('more than 4 close-date changes');
      changes.forEach((c, i) => {
        const prev = changes[i - 1];
        if (prev && (c.old_value !== prev.new_value || c.changed_at <= prev.changed_at)) out.push(`change ${i} does not follow change ${i - 1}`);
        if (dayNumber(c.changed_at) >= today || dayNumber(c.changed_at) < dayNumber(o.created_at!)) out.push(`change ${i} outside the deal's life`);
      });
      if (changes.length > 0 && changes.at(-1)!.new_value !== o.close_date) out.push('last change does not end on the close date');
      if (o.close_date === null) out.push('no close date');
      if (o.is_closed && o.close_date !== o.closed_at) out.push('closed deal with a close date other than its close');
      if (o.engage_date) {
        if (dayNumber(o.created_at!) > dayNumber(o.engage_date)) out.push('created after engaged');
        const first = o.stage_history[0];
        if (first?.old_value !== 'Prospecting' || first.new_value !== 'Engaging' || first.changed_at.slice(0, 10) !== o.engage_date) out.push('no Prospecting -> Engaging on the engage date');
      }
      const last = o.stage_history.at(-1);
      if (o.is_closed && (last?.new_value !== o.stage || last.changed_at.slice(0, 10) !== o.closed_at)) out.push('no stage change to the final stage on the close date');
      for (const a of o.activities) {
        if (a.status === 'Completed' && dayNumber(a.at) >= today) out.push(`${a.id} done in the future`);
        if (o.is_closed && a.status !== 'Completed') out.push(`${a.id} planned on a closed deal`);
      }
      return out.map((p) => `${o.id}: ${p}`);
    };
    expect(all.flatMap(problems)).toEqual([]);
  });

  it('gives open deals an expected close date and usually an amount near the list price', () => {
    const open = real.filter((o) => !o.is_closed);
    expect(open.every((o) => o.close_date !== null)).toBe(true);
    const withAmount = open.filter((o) => o.amount !== null);
    expect(withAmount.length / open.length).toBeGreaterThan(0.8);
    expect(withAmount.length).toBeLessThan(open.length);
  });
});
