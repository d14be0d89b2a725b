/**
 * Tryton's JSON-RPC as sao speaks it: `POST /<database>/` with `{id, method, params}`; the answer is
 * `{id, result}` or `{id, error}`. Values that JSON lacks travel as objects tagged `__class__`
 * (`date`, `datetime`, `Decimal`); datetimes are UTC without a zone (Tryton stores UTC).
 */
import type { IsoDate, Timestamp } from '../../model';
import { CrmError, type CrmFetch } from '../types';
import { failure, send, type Caller } from '../shared/http';
import { asArray, isRecord, num, str } from '../shared/values';
import { LABEL } from './match';

const WHO: Caller = { label: LABEL };

/**
 * `X-Requested-With` keeps Tryton from answering a bad session with `WWW-Authenticate: Basic`, which
 * would make the browser show its own login prompt over the CRM.
 */
export const RPC_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/** A Tryton `datetime` exactly as the server sent it (kept to pass back in a `_datetime` context). */
export interface TrytonDateTime {
  __class__: 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

export type Rpc = (method: string, params: unknown[]) => Promise<unknown>;

/** A caller bound to one database endpoint; request ids count up per caller, as sao's do. */
export function rpcClient(io: CrmFetch, endpoint: string): Rpc {
  let id = 0;
  return async (method, params) => {
    const res = await send(io, endpoint, { method: 'POST', headers: { ...RPC_HEADERS }, body: JSON.stringify({ id: ++id, method, params }) }, WHO);
    if (res.status < 200 || res.status >= 300) throw failure(res, WHO);
    if (!isRecord(res.body)) throw new CrmError('malformed', `${LABEL} sent something that is not a JSON-RPC answer to ${method}.`, res.status);
    if ('error' in res.body && res.body.error != null) throw rpcError(res.body.error, method);
    if (!('result' in res.body)) throw new CrmError('malformed', `${LABEL} sent a JSON-RPC answer without a result to ${method}.`, res.status);
    return res.body.result;
  };
}

/**
 * `{"error": …}` in plain words. Tryton's own exceptions arrive as `[name, args]`
 * (`["UserError", [message, description, domain]]`); anything else as `[str(exception), traceback]`.
 */
export function rpcError(error: unknown, method: string): CrmError {
  const [name, args] = asArray(error);
  const kind = str(name) ?? '';
  const message = str(asArray(args)[0]) ?? '';
  if (kind === 'UserError') {
    if (/ of "[^"]*" because of at least one of these rules|that don't exist anymore/.test(message)) {
      return new CrmError('not-found', `${LABEL} could not find this opportunity (it may have been deleted or you lack access).`);
    }
    if (/^You are not allowed to access /.test(message)) {
      return new CrmError('forbidden', `${LABEL} refused access with your permissions: ${message} Ask your Tryton administrator for the "Sale Opportunity" group.`);
    }
    return new CrmError('server', `${LABEL} refused the request: ${message || 'no reason given'}.`);
  }
  if (kind === 'LoginException') return new CrmError('session-expired', `${LABEL} asks you to sign in again. Reload your Tryton tab and sign in.`);
  if (kind === 'RateLimitException') return new CrmError('rate-limited', `${LABEL} asked us to slow down (too many requests). Showing cached data.`);
  if (kind === 'ConcurrencyException') return new CrmError('server', `${LABEL} reported a concurrent change; try again.`);
  return new CrmError('server', `${LABEL} failed while answering ${method}${kind ? ` (${kind.slice(0, 120)})` : ''}.`);
}

function tagged(value: unknown, cls: string): Record<string, unknown> | null {
  return isRecord(value) && value.__class__ === cls ? value : null;
}

const pad = (n: unknown, width = 2) => String(num(n) ?? 0).padStart(width, '0');

/** A Tryton `date` as `YYYY-MM-DD`; null when absent. */
export function trytonDate(value: unknown): IsoDate | null {
  const d = tagged(value, 'date');
  return d ? `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}` : null;
}

/** A Tryton `datetime` (naive UTC) as an ISO instant with `Z`; null when absent. */
export function trytonInstant(value: unknown): Timestamp | null {
  const d = tagged(value, 'datetime');
  if (!d) return null;
  const micro = num(d.microsecond) ?? 0;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${micro ? `.${pad(micro, 6)}` : ''}Z`;
}

/** The raw datetime object, for a `_datetime` context; null when the value is not one. */
export function trytonDateTime(value: unknown): TrytonDateTime | null {
  return tagged(value, 'datetime') as TrytonDateTime | null;
}

/** A calendar date in Tryton's JSON form, for domains (`['start_date', '>=', …]`). */
export function toTrytonDate(date: IsoDate): { __class__: 'date'; year: number; month: number; day: number } {
  return { __class__: 'date', year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** A Tryton `Decimal` (or a plain number) as a number; null when absent. */
export function trytonNumber(value: unknown): number | null {
  const d = tagged(value, 'Decimal');
  return d ? num(d.decimal) : num(value);
}
