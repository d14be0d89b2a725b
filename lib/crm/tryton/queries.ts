/**
 * What the adapter asks Tryton for. Dotted field names (`party.rec_name`, even through one-to-many:
 * `party.relations.to.rec_name`) make Tryton 6.0 return the related records nested under
 * `"party."`, so one read brings the opportunity, its account's people and its notes.
 */
import type { IsoDate } from '../../model';
import { toTrytonDate, type TrytonDateTime } from './rpc';

export const READ = 'model.sale.opportunity.read';
export const REVISIONS = 'model.sale.opportunity.history_revisions';
export const SEARCH_READ = 'model.sale.opportunity.search_read';
export const PREFERENCES = 'model.res.user.get_preferences';
export const READ_EMPLOYEE = 'model.company.employee.read';

/** Context sent with every call: none, so the server uses the user's own (company, language). */
const CONTEXT = {};

/** The opportunity's own fields, read for the record view and for history alike. */
export const DEAL_FIELDS = [
  'number',
  'reference',
  'description',
  'comment',
  'lost_reason',
  'state',
  'amount',
  'currency.code',
  'conversion_probability',
  'start_date',
  'end_date',
  'party.rec_name',
  'employee.rec_name',
  'contact.rec_name',
  'contact.party',
] as const;

/** The record view adds the account's relations (people and their roles) and the notes. */
export const RECORD_FIELDS = [
  ...DEAL_FIELDS,
  'party.relations.to.rec_name',
  'party.relations.type.rec_name',
  'party.relations.type.reverse.rec_name',
  'notes.message',
  'notes.create_date',
] as const;

/** The fields whose changes make the Deal's history. */
export const HISTORY_FIELDS = ['state', 'end_date'] as const;

export const readParams = (id: number) => [[id], [...RECORD_FIELDS], CONTEXT];
export const revisionsParams = (id: number) => [[id], CONTEXT];
/** The record as it was at one revision (Tryton keeps every write: `_history = True`). */
export const revisionParams = (id: number, at: TrytonDateTime) => [[id], [...HISTORY_FIELDS], { ...CONTEXT, _datetime: at }];

/** A page of one team's opportunities, open and closed; `since` keeps those started or closing on/after it. */
export function historyParams(employeeIds: readonly number[], since: IsoDate | null, offset: number, limit: number): unknown[] {
  const domain: unknown[] = [['employee', 'in', [...employeeIds]]];
  if (since) domain.push(['OR', ['start_date', '>=', toTrytonDate(since)], ['end_date', '>=', toTrytonDate(since)]]);
  return [domain, offset, limit, [['id', 'ASC']], [...DEAL_FIELDS], CONTEXT];
}

/** `true`: only the context part of the preferences (employee, company, language), not menus and actions. */
export const preferencesParams = () => [true, CONTEXT];
export const employeeParams = (id: number) => [[id], ['rec_name', 'subordinates'], CONTEXT];
export const supervisorParams = (id: number) => [[id], ['supervisor'], CONTEXT];
