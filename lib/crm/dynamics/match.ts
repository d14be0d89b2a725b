/**
 * Dynamics 365 (model-driven / Unified Interface) opportunity forms.
 *
 *   https://<org>.crm<N>.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=opportunity&id=<guid>
 *
 * Host: `<org>.crm.dynamics.com` (North America) or `<org>.crm<N>.dynamics.com` for other regions
 * (crm2, crm4, crm11, …). Parameters in any order; `id` with or without braces, raw or URL-encoded;
 * `pagetype` absent or `entityrecord`; the legacy web client's `etc=3` (the Opportunity type code) is
 * accepted in place of `etn=opportunity`. Not matched: US Government / China clouds
 * (`*.crm9.dynamics.com` is GCC and is matched; `*.microsoftdynamics.us`, `*.dynamics.cn` are not) and
 * on-premises hosts, which would need an optional host permission per server.
 */
import type { RecordRef } from '../../model';

export const CRM_ID = 'dynamics';

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.crm\d{0,2}\.dynamics\.com$/;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** Object type code of the opportunity table. */
const OPPORTUNITY_TYPE_CODE = '3';

export function isDynamicsHost(host: string): boolean {
  return HOST.test(host.toLowerCase());
}

export function normaliseGuid(value: string | null): string | null {
  const m = value === null ? null : GUID.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function matchDynamics(url: string): RecordRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || !isDynamicsHost(u.hostname)) return null;
  if (u.pathname.toLowerCase() !== '/main.aspx') return null;
  // Parameter names are case-insensitive in practice (the legacy client wrote `etc`, `pagetype`, `id`).
  const params = new Map<string, string>();
  for (const [k, v] of u.searchParams) params.set(k.toLowerCase(), v);
  const pagetype = params.get('pagetype')?.toLowerCase();
  if (pagetype !== undefined && pagetype !== 'entityrecord') return null;
  const etn = params.get('etn')?.toLowerCase();
  const isOpportunity = etn === 'opportunity' || (etn === undefined && params.get('etc') === OPPORTUNITY_TYPE_CODE);
  if (!isOpportunity) return null;
  const id = normaliseGuid(params.get('id') ?? null);
  if (!id) return null;
  return { crm: CRM_ID, instance: u.hostname.toLowerCase(), id, url };
}

/*
Test URLs:
https://contoso.crm4.dynamics.com/main.aspx?appid=3c3f1f0a-1a6b-ef11-a670-000d3a2b1234&pagetype=entityrecord&etn=opportunity&id=5b7f3c1e-9a2d-ef11-8409-000d3a4bd123
https://contoso.crm.dynamics.com/main.aspx?etn=opportunity&id=%7B5B7F3C1E-9A2D-EF11-8409-000D3A4BD123%7D&pagetype=entityrecord
*/
