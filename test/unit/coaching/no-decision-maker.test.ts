import { describe, expect, it } from 'vitest';
import { noDecisionMaker } from '../../../lib/coaching/rules/no-decision-maker';
import { DANA, RIA, SAM, makeContext, makeDeal, met, person } from './builder';

const run = (deal = makeDeal()) => noDecisionMaker.run(deal, makeContext());

describe('no-decision-maker', () => {
  it('fires when no contact is economic buyer or decision maker, naming the roles there are', () => {
    const [f] = run(makeDeal({ stakeholders: [SAM, RIA] }));
    expect(f?.severity).toBe('warn');
    expect(f?.why).toBe('None of the 2 contacts on this deal is marked economic buyer or decision maker (roles: 1 Champion and 1 Evaluator).');
    expect(f?.action).toContain('Ask Sam Lee (Champion) who signs off on this purchase');
    expect(f?.evidence).toEqual({ stakeholders: 2, champions: 1, withoutRole: 0 });
  });

  it('fires when activities are logged but no contact is linked', () => {
    const [f] = run(makeDeal({ activities: [met(3), met(10)] }));
    expect(f?.why).toContain('No contacts are linked to this deal (2 activities logged)');
    expect(f?.action).toContain('Ask your main contact who approves the budget');
    expect(f?.evidence.stakeholders).toBe(0);
  });

  it('stays silent with an economic buyer or a decision maker, or with no people data at all', () => {
    expect(run(makeDeal({ stakeholders: [DANA, RIA] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [person('c9', 'Ana Diaz', 'decision-maker')] }))).toEqual([]);
    expect(run(makeDeal({ stakeholders: [], activities: [] }))).toEqual([]);
  });
});

describe('no-decision-maker wording', () => {
  it('counts roles in plural and names contacts without a role', () => {
    const people = [person('a', 'A', 'influencer'), person('b', 'B', 'influencer'), person('c', 'C', 'other')];
    expect(noDecisionMaker.run(makeDeal({ stakeholders: people }), makeContext())[0]?.why).toContain('(roles: 2 Influencers and 1 with no role)');
  });
});
