import { describe, expect, it } from 'vitest';
import type { DealCoachingView } from '../../../../lib/coaching/types';
import { customLimitations, customView, supportedFindings } from '../../../../lib/crm/custom/limitations';
import type { UnavailableCoaching } from '../../../../lib/crm/custom/unavailable';

const unavailable: UnavailableCoaching[] = [
  { area: 'amount', message: 'Pipeline concentration unavailable: Amount is not mapped.', needs: ['amount'] },
  { area: 'benchmarks', message: 'Typical cycle and win-rate benchmarks unavailable: …', needs: [] },
];

describe('customLimitations', () => {
  it('leads with what is not mapped and drops engine notes that only repeat those areas', () => {
    const notes = ['Amount unknown: pipeline concentration not checked.', 'Cycle and stage benchmarks unavailable: no closed deals could be read.', 'No expected close date on the deal.'];
    expect(customLimitations(unavailable, notes)).toEqual([unavailable[0]!.message, unavailable[1]!.message, 'No expected close date on the deal.']);
  });

  it('keeps every engine note it does not recognise', () => {
    expect(customLimitations([], ['Something new.'])).toEqual(['Something new.']);
  });
});

describe('supportedFindings', () => {
  const view = {
    findings: [
      { ruleId: 'unreached-influencer', severity: 'risk', title: 'x', why: '', action: '', evidence: {} },
      { ruleId: 'single-threaded', severity: 'risk', title: 'y', why: '', action: '', evidence: {} },
      { ruleId: 'close-date-past', severity: 'risk', title: 'z', why: '', action: '', evidence: {} },
    ],
    limitations: [],
  } as unknown as DealCoachingView;

  it('leaves out contact findings when activities are not linked to people', () => {
    expect(supportedFindings(view, { activities: undefined }).map((f) => f.ruleId)).toEqual(['close-date-past']);
    expect(customView(view, {}, unavailable).limitations).toEqual(unavailable.map((u) => u.message));
  });

  it('keeps them when a contact column is mapped', () => {
    const activities = { contact: { header: 'Kontakt' } } as never;
    expect(supportedFindings(view, { activities })).toHaveLength(3);
  });
});
