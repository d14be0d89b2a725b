import type { z } from 'zod';
import { CrmError, type CrmFetch } from '../types';
import { fetchJson } from '../shared/http';
import { DEMO_CRM_LABEL } from './match';

const DEMO = { label: DEMO_CRM_LABEL };

/** One GET through the injected io: failures -> CrmError (shared mapping), body -> `schema` or CrmError('malformed'). */
export async function getJson<T extends z.ZodTypeAny>(io: CrmFetch, url: string, schema: T, what: string): Promise<z.infer<T>> {
  const body = await fetchJson(io, url, { method: 'GET', headers: { Accept: 'application/json' } }, DEMO, what);
  return parseOrThrow(schema, body, what);
}

export function parseOrThrow<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw malformed(what, parsed.error);
}

/** "Demo CRM sent opportunity X in a form we could not read: close date (expected YYYY-MM-DD)." */
export function malformed(what: string, error: z.ZodError): CrmError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(words).join(' ') : 'the response';
  const detail = issue ? `${where} (${issue.message})` : 'unknown problem';
  return new CrmError('malformed', `${DEMO_CRM_LABEL} sent ${what} in a form we could not read: ${detail}.`);
}

/** `closeDate` / `close_date` -> `close date`; array index 0 -> `#1`. */
function words(segment: PropertyKey): string {
  if (typeof segment === 'number') return `#${segment + 1}`;
  return String(segment)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}
