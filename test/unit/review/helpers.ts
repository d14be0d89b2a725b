import type { ReviewRow } from '../../../lib/review/rows';

export function row(patch: Partial<ReviewRow> & { id: string }): ReviewRow {
  const base: ReviewRow = {
    id: patch.id,
    url: '',
    name: `Deal ${patch.id}`,
    account: null,
    ownerId: 'o1',
    ownerName: 'Ann Owner',
    team: 'Team A',
    stage: 'Engaging',
    stageOrder: 1,
    amount: 1000,
    currency: 'USD',
    band: 'stone',
    ageDays: 10,
    typicalDays: 50,
    cycleBasis: 'own',
    closeDate: '2026-04-01',
    closePeriod: 'this-month',
    pushCount: 0,
    qualAnswered: 3,
    qualTracked: 15,
    keyReached: 1,
    keyTotal: 2,
    stakeholders: 3,
    flags: [],
    risks: 0,
    warnings: 0,
    search: '',
  };
  const r = { ...base, ...patch };
  r.risks = r.flags.filter((f) => f.severity === 'risk').length;
  r.warnings = r.flags.filter((f) => f.severity === 'warn').length;
  r.search = [r.name, r.account ?? '', r.ownerName, r.id, r.stage].join('\n').toLowerCase();
  return r;
}
