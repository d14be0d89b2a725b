/**
 * Test hooks: fault injection, request counting and record mutation (routes under /__test/).
 * They exist so e2e tests can check failure states, "no retry storms" and "changed since last review".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidDate } from '../../lib/dates';
import type { FieldValue } from '../../lib/model';
import type { DemoCrmData, DemoOpportunity } from './data';
import { STAGES, type StageName } from './enrich';
import { readJson, sendError, sendJson, sendText, sleep } from './http-util';

export interface Fault {
  /** Path prefix the fault applies to, e.g. `/api/opportunities/` or `/api/me`. */
  route: string;
  /** Only this method (default: any). */
  method?: string;
  /** Answer with this status instead of the real response (omit for a pure delay). */
  status?: number;
  /** Wait this long first. */
  delayMs?: number;
  /** Body to send with `status`: an object is sent as JSON, a string as text/plain. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Close the connection without answering (a network failure). */
  drop?: boolean;
  /** How many requests it applies to (default: all until reset). */
  times?: number;
  /** Only requests carrying this header, e.g. `x-requested-with` (the extension's same-origin reads; the page's own have none). */
  header?: string;
}

interface ActiveFault extends Fault {
  id: number;
  remaining: number;
}

export class TestControl {
  private faults: ActiveFault[] = [];
  private nextFaultId = 1;
  private routes = new Map<string, number>();
  private paths = new Map<string, number>();
  private total = 0;

  constructor(private readonly data: DemoCrmData) {}

  count(method: string, path: string): void {
    if (path.startsWith('/__test/') || path.startsWith('/static/')) return;
    this.total++;
    const route = `${method} ${routeOf(path)}`;
    this.routes.set(route, (this.routes.get(route) ?? 0) + 1);
    const exact = `${method} ${path}`;
    this.paths.set(exact, (this.paths.get(exact) ?? 0) + 1);
  }

  /** Apply the first matching fault. Returns true when the response has been handled. */
  async applyFault(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path.startsWith('/__test/')) return false;
    const fault = this.faults.find((f) => path.startsWith(f.route) && (!f.method || f.method.toUpperCase() === req.method) && (!f.header || req.headers[f.header.toLowerCase()] !== undefined));
    if (!fault) return false;
    if (--fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      req.socket.destroy();
      return true;
    }
    if (fault.status === undefined) return false;
    const body = fault.body ?? { error: 'INJECTED_FAULT', message: `Injected fault: HTTP ${fault.status}.` };
    if (typeof body === 'string') sendText(res, fault.status, body, 'text/plain; charset=utf-8', fault.headers);
    else sendJson(res, fault.status, body, fault.headers);
    return true;
  }

  reset(): void {
    this.faults = [];
    this.routes.clear();
    this.paths.clear();
    this.total = 0;
    this.data.reset();
  }

  stats() {
    return { total: this.total, routes: Object.fromEntries(this.routes), paths: Object.fromEntries(this.paths) };
  }

  /** Handle /__test/* requests. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const route = `${req.method} ${path}`;
    try {
      if (route === 'GET /__test/stats') return sendJson(res, 200, this.stats());
      if (route === 'GET /__test/faults') return sendJson(res, 200, { faults: this.faults });
      if (route === 'POST /__test/reset') {
        this.reset();
        return sendJson(res, 200, { ok: true });
      }
      if (route === 'POST /__test/faults') {
        const body = await readJson(req);
        const added = (Array.isArray(body) ? body : [body]).map((f) => this.addFault(f));
        return sendJson(res, 201, { faults: added });
      }
      if (route === 'POST /__test/mutate') {
        const body = (await readJson(req)) as { id?: unknown; changes?: unknown };
        const record = typeof body.id === 'string' ? this.data.get(body.id) : undefined;
        if (!record) return sendError(res, 404, 'NOT_FOUND', `No opportunity ${String(body.id)}.`);
        const updated = applyChanges(record, (body.changes ?? {}) as Changes, this.data.today);
        this.data.replace(updated);
        return sendJson(res, 200, updated);
      }
      sendError(res, 404, 'NOT_FOUND', `No test route ${route}.`);
    } catch (error) {
      sendError(res, 400, 'BAD_REQUEST', error instanceof Error ? error.message : String(error));
    }
  }

  private addFault(input: unknown): ActiveFault {
    const f = (input ?? {}) as Fault & { prefix?: string };
    const route = f.route ?? f.prefix;
    if (typeof route !== 'string' || !route.startsWith('/')) throw new Error('a fault needs "route", a path prefix starting with /');
    if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 100 && f.status <= 599)) throw new Error('"status" must be an HTTP status');
    const times = f.times ?? Infinity;
    if (!(times >= 1)) throw new Error('"times" must be at least 1');
    const fault: ActiveFault = { ...f, route, id: this.nextFaultId++, remaining: times };
    delete (fault as { prefix?: string }).prefix;
    this.faults.push(fault);
    return fault;
  }
}

/** `GET /api/opportunities/1C1I7A6R` -> `/api/opportunities/:id` (stats keys). */
export function routeOf(path: string): string {
  return path
    .replace(/^\/api\/opportunities\/[^/]+\/neighbors$/, '/api/opportunities/:id/neighbors')
    .replace(/^\/api\/opportunities\/[^/]+$/, '/api/opportunities/:id')
    .replace(/^\/opportunities\/[^/]+$/, '/opportunities/:id');
}

interface Changes {
  stage?: string;
  amount?: number | null;
  close_date?: string | null;
  next_step?: string | null;
  name?: string;
  custom_fields?: Record<string, FieldValue>;
}

/** A changed copy of the record, with field history written the way the CRM would. */
export function applyChanges(record: DemoOpportunity, changes: Changes, today: string): DemoOpportunity {
  const now = `${today}T${new Date().toISOString().slice(11, 19)}Z`;
  const next: DemoOpportunity = structuredClone(record);
  if (changes.stage !== undefined && changes.stage !== record.stage) {
    if (!(changes.stage in STAGES)) throw new Error(`stage must be one of ${Object.keys(STAGES).join(', ')}`);
    const meta = STAGES[changes.stage as StageName];
    next.stage_history.push({ changed_at: now, old_value: record.stage, new_value: changes.stage });
    Object.assign(next, {
      stage: changes.stage,
      stage_order: meta.order,
      is_closed: meta.is_closed,
      is_won: meta.is_won,
      probability: meta.probability,
      forecast_category: meta.forecast_category,
      closed_at: meta.is_closed ? today : null,
    });
  }
  if (changes.close_date !== undefined && changes.close_date !== record.close_date) {
    if (changes.close_date !== null && !isValidDate(changes.close_date)) throw new Error('close_date must be YYYY-MM-DD or null');
    next.close_date_history.push({ changed_at: now, old_value: record.close_date ?? null, new_value: changes.close_date });
    next.close_date = changes.close_date;
  }
  if (changes.amount !== undefined) {
    if (changes.amount !== null && !(typeof changes.amount === 'number' && Number.isFinite(changes.amount))) throw new Error('amount must be a number or null');
    next.amount = changes.amount;
  }
  if (changes.next_step !== undefined) next.next_step = changes.next_step;
  if (changes.name !== undefined) next.name = changes.name;
  if (changes.custom_fields) next.custom_fields = { ...next.custom_fields, ...changes.custom_fields };
  next.last_modified_at = now;
  return next;
}
