import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES, buildCoachingView, coachDeal, coachDealDetailed } from '../../../lib/coaching/engine';
import type { CoachingRule } from '../../../lib/coaching/types';
import { getPlaybook } from '../../../lib/playbooks';
import { Finding, SEVERITY_ORDER, type Deal } from '../../../lib/model';
import { DANA, SAM, at, day, healthyDeal, makeContext, makeDeal, met } from './builder';

/** Open, pushed, old, past its date, single-threaded, unqualified: many findings at once. */
function troubledDeal(over: Partial<Deal> = {}): Deal {
  return makeDeal({
    createdAt: at(-200),
    closeDate: day(-40),
    amount: 400_000,
    stakeholders: [SAM],
    activities: [met(100, 'c2')],
    history: {
      closeDateChanges: [
        { at: at(-120), from: day(-100), to: day(-70) },
        { at: at(-75), from: day(-70), to: day(-40) },
      ],
      stageChanges: [{ at: at(-90), from: 'Qualify', to: 'Proposal' }],
      tracked: true,
    },
    fields: { qual_budget_allocated: null, qual_identified_project: 'Laptop refresh' },
    ...over,
  });
}

const playbook = (id: string) => getPlaybook(id, true);
const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);

describe('rule registry', () => {
  it('has one file per rule, named by the rule id, each registered once', () => {
    const dir = fileURLToPath(new URL('../../../lib/coaching/rules/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.map((r) => r.id)).toEqual([
      'missing-qualification',
      'no-decision-maker',
      'unreached-influencer',
      'single-threaded',
      'close-date-past',
      'close-date-pushed',
      'older-than-cycle',
      'stalled-in-stage',
      'no-next-step',
      'big-deal-concentration',
    ]);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(10);
  });
});

describe('coachDeal', () => {
  afterEach(() => vi.useRealTimers());

  it('gives a healthy deal no findings', () => {
    expect(coachDeal(healthyDeal(), makeContext())).toEqual([]);
  });

  it('sorts risk > warn > info, then by rule order, and every finding is schema-valid', () => {
    const findings = coachDeal(troubledDeal(), makeContext());
    const ids = findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['missing-qualification', 'no-decision-maker', 'single-threaded', 'close-date-past', 'close-date-pushed', 'older-than-cycle', 'stalled-in-stage', 'no-next-step', 'big-deal-concentration']));
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      expect(rank(a)).toBeLessThanOrEqual(rank(b));
      if (rank(a) === rank(b)) expect(RULES.findIndex((r) => r.id === a.ruleId)).toBeLessThan(RULES.findIndex((r) => r.id === b.ruleId));
    }
    for (const f of findings) expect(() => Finding.parse(f)).not.toThrow();
    expect(findings[0]?.severity).toBe('risk');
  });

  it('sorts findings of custom rules the same way', () => {
    const make = (id: string, severity: Finding['severity']): CoachingRule => ({
      id,
      description: id,
      run: () => [{ ruleId: id, severity, title: id, why: id, action: id, evidence: {} }],
    });
    const out = coachDeal(makeDeal(), makeContext(), [make('a', 'info'), make('b', 'warn'), make('c', 'risk'), make('d', 'warn')]);
    expect(out.map((f) => f.ruleId)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('gives closed deals no findings', () => {
    expect(coachDeal(troubledDeal({ stage: { name: 'Won', category: 'won' }, closedAt: at(-1) }), makeContext())).toEqual([]);
    expect(coachDeal(troubledDeal({ stage: { name: 'Lost', category: 'lost' }, closedAt: at(-1) }), makeContext())).toEqual([]);
  });

  it('survives a rule that throws or returns garbage: the others still run and the failure is reported', () => {
    const boom: CoachingRule = { id: 'boom', description: 'throws', run: () => { throw new Error('bad data'); } };
    const junk = { id: 'junk', description: 'no list', run: () => undefined } as unknown as CoachingRule;
    const rules = [boom, ...RULES, junk];
    const expected = coachDeal(troubledDeal(), makeContext());
    const { findings, failures } = coachDealDetailed(troubledDeal(), makeContext(), rules);
    expect(findings).toEqual(expected);
    expect(failures).toEqual([
      { ruleId: 'boom', message: 'bad data' },
      { ruleId: 'junk', message: 'returned no list of findings' },
    ]);
    const view = buildCoachingView(troubledDeal(), makeContext(), rules);
    expect(view.findings).toEqual(expected);
    expect(view.limitations).toContain('The "boom" check failed and was skipped (bad data).');
  });

  it('uses context.now, never the clock', () => {
    const deal = troubledDeal();
    const before = coachDeal(deal, makeContext());
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    expect(coachDeal(deal, makeContext())).toEqual(before);
  });

  it('judges a deal at the instant given', () => {
    const deal = healthyDeal({ closeDate: day(10) });
    expect(coachDeal(deal, makeContext()).map((f) => f.ruleId)).not.toContain('close-date-past');
    const later = coachDeal(deal, makeContext({ now: `${day(12)}T09:00:00Z` }));
    expect(later.find((f) => f.ruleId === 'close-date-past')?.evidence.daysOverdue).toBe(2);
  });

  it('keeps the healthy deal clean for every shipped playbook it answers', () => {
    const deal = healthyDeal({
      fields: { metrics: 'Halve downtime', decision_criteria: 'TCO', decision_process: 'CFO signs', paper_process: 'MSA', pain: 'Old fleet', competitors: 'Dell', qual_budget_allocated: 'Yes', qual_completion_date: 'June', qual_compelling_event: 'Contract ends' },
      stakeholders: [DANA, SAM],
      activities: [met(3, 'c1', 'c2'), { id: 'x', kind: 'meeting', at: at(5), done: false, stakeholderIds: ['c1'] }],
    });
    expect(coachDeal(deal, makeContext({ playbook: playbook('meddpicc') }))).toEqual([]);
    expect(coachDeal(deal, makeContext({ playbook: playbook('bant') }))).toEqual([]);
  });
});
