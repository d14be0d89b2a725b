import { describe, expect, it } from 'vitest';
import { buildCoachingView } from '../../../lib/coaching/engine';
import { DANA, RIA, SAM, activity, at, healthyDeal, makeBenchmarks, makeContext, makeDeal, met } from './builder';

describe('buildCoachingView', () => {
  it('shows a healthy deal with no findings and no limitations', () => {
    const view = buildCoachingView(healthyDeal(), makeContext());
    expect(view.findings).toEqual([]);
    expect(view.limitations).toEqual([]);
    expect(view.qualification).toMatchObject({ playbookId: 'dealmaker', answered: 15, tracked: 15, total: 15 });
    expect(view.age).toEqual({ days: 20, typicalCycle: { median: 57, p75: 80, p90: 120, n: 38, basis: 'own' } });
  });

  it('gives each stakeholder their last done contact, whether reached, and whether key', () => {
    const deal = makeDeal({
      stakeholders: [DANA, SAM, RIA],
      activities: [
        met(47, 'c1'),
        met(60, 'c2'),
        activity('email', -4, ['c2']),
        activity('task', -1, ['c1']),
        activity('meeting', 3, ['c1'], false),
        activity('note', -1, ['c3']),
      ],
    });
    const view = buildCoachingView(deal, makeContext());
    expect(view.stakeholders).toEqual([
      { id: 'c1', name: 'Dana Ruiz', title: 'CFO', roles: ['Economic Buyer'], influence: 'economic-buyer', isPrimary: false, lastContact: '2026-02-27', reached: false, isKey: true },
      { id: 'c2', name: 'Sam Lee', title: 'IT Manager', roles: ['Champion'], influence: 'champion', isPrimary: true, lastContact: '2026-04-11', reached: true, isKey: true },
      { id: 'c3', name: 'Ria Kaur', title: 'Security lead', roles: ['Technical Evaluator'], influence: 'evaluator', isPrimary: false, lastContact: null, reached: false, isKey: false },
    ]);
  });

  it('says in plain words what coaching could not use', () => {
    const deal = makeDeal({ createdAt: null, amount: null, closeDate: null, history: { closeDateChanges: [], stageChanges: [], tracked: false } });
    const view = buildCoachingView(deal, makeContext({ benchmarks: null }));
    const text = view.limitations.join('\n');
    expect(text).toContain('Cycle and stage benchmarks unavailable: no closed deals could be read');
    expect(text).toContain('This CRM does not record close-date changes');
    expect(text).toContain('No calls, meetings, emails or tasks are logged on this deal');
    expect(text).toContain('No contacts are linked to this deal');
    expect(text).toContain('No valid creation date');
    expect(text).toContain('Amount unknown');
    expect(text).toContain('No expected close date');
    expect(view.age).toEqual({ days: null, typicalCycle: null });
  });

  it('notes a missing typical cycle, an unknown stage entry, a stage without a benchmark, and untracked qualification', () => {
    const noCycle = buildCoachingView(healthyDeal(), makeContext({ benchmarks: makeBenchmarks({ cycle: null, basisDeals: 12 }) }));
    expect(noCycle.limitations).toEqual(['Typical cycle unavailable: none of the 12 closed deals read is a won deal with both a created and a close date.']);
    const noEntry = buildCoachingView(healthyDeal({ history: { closeDateChanges: [], stageChanges: [], tracked: true } }), makeContext());
    expect(noEntry.limitations).toEqual(['When this deal entered "Proposal" is not recorded, so time in stage is not judged.']);
    const otherStage = buildCoachingView(healthyDeal({ stage: { name: 'Negotiation', category: 'open' } }), makeContext());
    expect(otherStage.limitations[0]).toContain('No typical time for the stage "Negotiation"');
    const pipedrive = buildCoachingView(healthyDeal({ ref: { crm: 'pipedrive', instance: 'acme.pipedrive.com', id: '7', url: 'https://acme.pipedrive.com/deal/7' } }), makeContext());
    expect(pipedrive.limitations).toEqual(["None of the Dealmaker qualification questions is tracked in this CRM's fields, so qualification cannot be checked here (an admin can map fields)."]);
    expect(pipedrive.qualification.items.every((i) => i.status === 'not-tracked')).toBe(true);
  });

  it('shows a closed deal without findings but with its qualification and people', () => {
    const view = buildCoachingView(healthyDeal({ stage: { name: 'Won', category: 'won' }, closedAt: at(-1), nextStep: null }), makeContext());
    expect(view.findings).toEqual([]);
    expect(view.limitations).toEqual(['This deal is closed (won): closed deals are not coached.']);
    expect(view.stakeholders).toHaveLength(3);
    expect(view.qualification.answered).toBe(15);
  });
});
