/** Terse deal fixtures for metric tests: only what a metric reads, the rest filled with neutral values. */
import type { CloseDateChange, Deal, StageCategory, StageChange } from '../../../lib/model';

export interface DealSpec {
  id?: string;
  name?: string;
  outcome?: StageCategory;
  amount?: number | null;
  stage?: string;
  order?: number | null;
  owner?: string;
  ownerName?: string;
  created?: string | null;
  closed?: string | null;
  closeDate?: string | null;
  closeDateChanges?: CloseDateChange[];
  stageChanges?: StageChange[];
  isNew?: boolean | null;
  product?: string | null;
}

let serial = 0;

export function makeDeal(spec: DealSpec = {}): Deal {
  const outcome = spec.outcome ?? 'open';
  const id = spec.id ?? `D${++serial}`;
  const owner = spec.owner ?? 'u1';
  return {
    ref: { crm: 'test', instance: 'test.local', id, url: `https://test.local/deal/${id}` },
    name: spec.name ?? `Deal ${id}`,
    accountName: null,
    owner: { id: owner, name: spec.ownerName ?? `Owner ${owner}` },
    amount: spec.amount === undefined ? 1000 : spec.amount,
    currency: 'USD',
    stage: { name: spec.stage ?? (outcome === 'open' ? 'Qualify' : outcome === 'won' ? 'Closed Won' : 'Closed Lost'), category: outcome, order: spec.order ?? null },
    createdAt: spec.created === undefined ? '2017-01-01' : spec.created,
    closeDate: spec.closeDate === undefined ? (spec.closed ?? null) : spec.closeDate,
    closedAt: outcome === 'open' ? null : spec.closed === undefined ? '2017-02-01' : spec.closed,
    history: { closeDateChanges: spec.closeDateChanges ?? [], stageChanges: spec.stageChanges ?? [], tracked: true },
    stakeholders: [],
    activities: [],
    fields: {},
    isNewBusiness: spec.isNew ?? null,
    product: spec.product ?? null,
  };
}

export const won = (amount: number | null, spec: DealSpec = {}) => makeDeal({ ...spec, outcome: 'won', amount });
export const lost = (amount: number | null, spec: DealSpec = {}) => makeDeal({ ...spec, outcome: 'lost', amount });
export const open = (amount: number | null, spec: DealSpec = {}) => makeDeal({ ...spec, outcome: 'open', amount });
