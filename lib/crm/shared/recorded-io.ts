/**
 * A CrmFetch that replays recorded vendor responses by method + exact URL, and keeps the list of
 * requests made so tests can assert exactly what an adapter asked for (and how many rounds).
 * Used by the adapter unit tests; usable by benches and demos that replay recordings.
 */
import type { CrmFetch, CrmResponse } from '../types';

export interface Recording {
  method?: 'GET' | 'POST';
  /** Full URL including the query string, as the adapter builds it. */
  url: string;
  /** For POST: only answer when the request body satisfies this (e.g. a search for one owner). */
  whenBody?: (body: unknown) => boolean;
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface RecordedRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface RecordedIo {
  io: CrmFetch;
  requests: RecordedRequest[];
  /** Requests no recording answered (they got an HTTP 599); a test should expect this to be empty. */
  missing: string[];
}

export function recordedIo(recordings: readonly Recording[]): RecordedIo {
  const requests: RecordedRequest[] = [];
  const missing: string[] = [];
  const io: CrmFetch = async (url, init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body === undefined ? undefined : (JSON.parse(init.body) as unknown);
    requests.push({ method, url, headers: init?.headers ?? {}, body });
    const hit = recordings.find((r) => (r.method ?? 'GET') === method && r.url === url && (!r.whenBody || r.whenBody(body)));
    if (!hit) {
      missing.push(`${method} ${url}`);
      return { status: 599, headers: {}, body: { recordedIo: `no recording for ${method} ${url}` } };
    }
    const res: CrmResponse = { status: hit.status ?? 200, headers: hit.headers ?? {}, body: structuredClone(hit.body) };
    return res;
  };
  return { io, requests, missing };
}
