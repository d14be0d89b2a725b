import type { CrmFetch } from '../../../lib/crm/types';

/** An io like the extension's: real fetch, JSON parsed when it is JSON, optional extra headers. */
export function fetchIo(extraHeaders: Record<string, string> = {}): CrmFetch {
  return async (url, init) => {
    const response = await fetch(url, { method: init?.method ?? 'GET', headers: { ...init?.headers, ...extraHeaders }, body: init?.body });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  };
}

export async function post(base: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
