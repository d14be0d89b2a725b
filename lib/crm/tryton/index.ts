/**
 * Tryton adapter (transport 'page'): sao's own JSON-RPC, same-origin from the Tryton tab, with
 * the session sao keeps in the page's localStorage (session.ts: the content script's fetch adds the
 * Authorization header; this module never sees the session).
 *
 * A record view is two rounds: (1) the opportunity with its account's relations and its notes in
 * one read, and its revision list; (2) one read per earlier revision, for the close-date and stage
 * history (Tryton's API has no batch call and no bulk history read).
 */
import { isValidDate } from '../../dates';
import type { Deal, RecordRef } from '../../model';
import { CrmError, type CrmAdapter, type CrmFetch, type CrmUser, type HistoryQuery } from '../types';
import { asArray, asRecord, isRecord, str, type Json } from '../shared/values';
import { validateDeal } from '../shared/validate';
import { CRM_ID, LABEL, databaseOf, endpointOf, matchTryton, recordUrl } from './match';
import { mapHistoryRow, mapRecordView, type Revision } from './map-deal';
import { employeeParams, supervisorParams, historyParams, preferencesParams, PREFERENCES, READ, READ_EMPLOYEE, readParams, REVISIONS, revisionParams, revisionsParams, SEARCH_READ } from './queries';
import { rpcClient, trytonDate, trytonDateTime, trytonInstant, type Rpc, type TrytonDateTime } from './rpc';

export { matchTryton } from './match';
export { trytonPageHeaders } from './session';

/** Rows per search_read page in readHistory, and a stop for a server that keeps sending full pages. */
export const HISTORY_PAGE_SIZE = 500;
const MAX_PAGES = 200;
/**
 * A record written more often than this (an integration touching it daily) is not worth one read per
 * revision on every view: its history is then reported as not tracked rather than read partially.
 */
export const MAX_REVISIONS = 60;

type InstanceRef = Pick<RecordRef, 'crm' | 'instance' | 'url'>;

function connect(ref: InstanceRef, io: CrmFetch): { rpc: Rpc; origin: string; database: string } {
  const database = databaseOf(ref.url);
  if (!database) throw new CrmError('not-configured', `This ${LABEL} page names no database; open an opportunity in Tryton and try again.`);
  return { rpc: rpcClient(io, endpointOf(ref.url, database)), origin: new URL(ref.url).origin, database };
}

const positiveInt = (value: string): number | null => (/^[1-9]\d{0,15}$/.test(value) ? Number(value) : null);

/** Sortable key of a Tryton datetime (fixed width, so string order is time order). */
function timeKey(d: TrytonDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}${p(d.month)}${p(d.day)}${p(d.hour)}${p(d.minute)}${p(d.second)}${p(d.microsecond, 6)}`;
}

/** history_revisions answers `[[datetime, id, user name], …]`, newest first, one row per write. */
function revisionInstants(result: unknown): TrytonDateTime[] {
  const byKey = new Map<string, TrytonDateTime>();
  for (const row of asArray(result)) {
    const at = trytonDateTime(asArray(row)[0]);
    if (at) byKey.set(timeKey(at), at);
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, at]) => at);
}

/** History the user cannot read, or a Tryton without it, is "not tracked" rather than a failed view. */
async function optional<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CrmError && (error.kind === 'server' || error.kind === 'forbidden')) return null;
    throw error;
  }
}

async function readRevisions(rpc: Rpc, id: number, current: Json, revisionsResult: unknown): Promise<Revision[] | null> {
  const instants = revisionInstants(revisionsResult);
  if (instants.length === 0 || instants.length > MAX_REVISIONS) return null;
  // The newest revision is the record as just read; every earlier one costs a read "as of" it.
  const earlier = await optional(Promise.all(instants.slice(0, -1).map((at) => rpc(READ, revisionParams(id, at)))));
  if (earlier === null) return null;
  const rows = [...earlier.map((result) => asRecord(asArray(result)[0])), current];
  return rows.map((row, i) => ({ at: trytonInstant(instants[i])!, state: str(row.state), endDate: trytonDate(row.end_date) }));
}

export function createTrytonAdapter(): CrmAdapter {
  async function readDeal(ref: RecordRef, io: CrmFetch): Promise<Deal> {
    const id = positiveInt(ref.id);
    if (id === null) throw new CrmError('not-found', `${ref.id} is not a ${LABEL} opportunity id.`);
    const { rpc } = connect(ref, io);
    const [rows, revisions] = await Promise.all([rpc(READ, readParams(id)), optional(rpc(REVISIONS, revisionsParams(id)))]);
    const opp = asArray(rows).find(isRecord);
    if (!opp) throw new CrmError('not-found', `${LABEL} could not find this opportunity (it may have been deleted or you lack access).`);
    const history = revisions === null ? null : await readRevisions(rpc, id, opp, revisions);
    return validateDeal(mapRecordView(ref, opp, history), LABEL);
  }

  async function readHistory(ref: InstanceRef, query: HistoryQuery, io: CrmFetch): Promise<Deal[]> {
    const owners = [...new Set([...(query.ownerId ? [query.ownerId] : []), ...(query.teamOwnerIds ?? [])])].map(positiveInt).filter((o): o is number => o !== null);
    if (owners.length === 0) return [];
    const since = query.since && isValidDate(query.since) ? query.since.slice(0, 10) : null;
    const { rpc, origin, database } = connect(ref, io);
    const deals: Deal[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const rows = asArray(await rpc(SEARCH_READ, historyParams(owners, since, page * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE))).filter(isRecord);
      for (const row of rows) {
        const rowId = str(row.id);
        if (!rowId) continue;
        deals.push(validateDeal(mapHistoryRow({ crm: CRM_ID, instance: ref.instance, id: rowId, url: recordUrl(origin, database, rowId) }, row), LABEL));
      }
      if (rows.length < HISTORY_PAGE_SIZE) return deals;
    }
    throw new CrmError('malformed', `${LABEL} kept sending more pages of opportunities; stopped after ${MAX_PAGES}.`);
  }

  /**
   * The signed-in user is their current employee (res.user.employee, the one sao's status bar names):
   * opportunities are owned by employees, so that is the id readHistory filters on. Their team is the
   * employees they supervise (company.employee.subordinates).
   */
  async function whoAmI(ref: InstanceRef, io: CrmFetch): Promise<CrmUser> {
    const { rpc } = connect(ref, io);
    const prefs = asRecord(await rpc(PREFERENCES, preferencesParams()));
    const employeeId = str(prefs.employee);
    if (!employeeId || positiveInt(employeeId) === null) {
      throw new CrmError('not-configured', `Your ${LABEL} user is not linked to an employee, so Deal Coach cannot tell which opportunities are yours. Ask your Tryton administrator to add you as an employee (User › Employees).`);
    }
    const employee = asRecord(asArray(await rpc(READ_EMPLOYEE, employeeParams(Number(employeeId))))[0]);
    return {
      id: employeeId,
      name: str(prefs['employee.rec_name']) ?? str(employee.rec_name) ?? `Employee ${employeeId}`,
      teamOwnerIds: asArray(employee.subordinates).map(str).filter((s): s is string => s !== null),
    };
  }

  /** An owner's team: the employees under the same supervisor (company.employee.supervisor), owner first. */
  async function teamOf(ref: InstanceRef, ownerId: string, io: CrmFetch): Promise<string[]> {
    const owner = positiveInt(ownerId);
    if (owner === null) return [ownerId];
    const { rpc } = connect(ref, io);
    const supervisor = str(asRecord(asArray(await rpc(READ_EMPLOYEE, supervisorParams(owner)))[0]).supervisor);
    const supervisorId = supervisor === null ? null : positiveInt(supervisor);
    if (supervisorId === null) return [ownerId];
    const team = asArray(asRecord(asArray(await rpc(READ_EMPLOYEE, employeeParams(supervisorId)))[0]).subordinates).map(str);
    return [ownerId, ...team.filter((id): id is string => id !== null && id !== ownerId)];
  }

  return { id: CRM_ID, label: LABEL, transport: 'page', matches: matchTryton, readDeal, readHistory, whoAmI, teamOf };
}

export const tryton: CrmAdapter = createTrytonAdapter();
