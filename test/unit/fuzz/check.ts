/** What the fuzz suites hold every outcome to (DESIGN §9). */
import { Deal } from '../../../lib/model';
import { CrmError } from '../../../lib/crm/types';
import { isValidDate } from '../../../lib/dates';

/** Fixed, so a failure replays; fast-check prints the path to shrink from. */
export const SEED = 20260808;
/** The first non-finite number anywhere in `value`, as a path; null when there is none. */
export function nonFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = nonFinite(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = nonFinite(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

export type Outcome = { ok: true; deals: Deal[] } | { ok: false; error: unknown };

export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why an outcome breaks DESIGN §9, or null when it keeps it. */
export function violation(outcome: Outcome): string | null {
  if (!outcome.ok) {
    const e = outcome.error;
    if (!(e instanceof CrmError)) return `threw a non-CrmError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`;
    if (e.message.trim() === '') return `CrmError(${e.kind}) with an empty message`;
    if (e.message.length > 2_000) return `CrmError(${e.kind}) with a ${e.message.length}-character message (not a plain message)`;
    return null;
  }
  for (const [i, deal] of outcome.deals.entries()) {
    const parsed = Deal.safeParse(deal);
    if (!parsed.success) return `deal ${i} fails the Deal schema: ${parsed.error.issues.slice(0, 3).map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`;
    const bad = nonFinite(deal);
    if (bad) return `deal ${i} holds a non-finite number: ${bad}`;
    const day = impossibleDay(deal);
    if (day) return `deal ${i} holds a day that does not exist: ${day}`;
  }
  return null;
}

/** The zod schema checks a date's shape; this checks the day exists (no 2017-02-30, no month 13). */
export function impossibleDay(deal: Deal): string | null {
  const dates: [string, string | null | undefined][] = [
    ['createdAt', deal.createdAt],
    ['closeDate', deal.closeDate],
    ['closedAt', deal.closedAt],
    ...deal.history.closeDateChanges.flatMap((c, i): [string, string | null][] => [
      [`closeDateChanges[${i}].at`, c.at],
      [`closeDateChanges[${i}].from`, c.from],
      [`closeDateChanges[${i}].to`, c.to],
    ]),
    ...deal.history.stageChanges.map((c, i): [string, string] => [`stageChanges[${i}].at`, c.at]),
    ...deal.activities.map((a, i): [string, string] => [`activities[${i}].at`, a.at]),
  ];
  for (const [path, value] of dates) if (value != null && !isValidDate(value.slice(0, 10))) return `${path} = ${value}`;
  return null;
}
