/**
 * Demo CRM record pages: `http(s)://127.0.0.1:<port>/opportunities/<id>` or the same on `localhost`
 * (query and hash ignored). No zod and no model imports here, so the content script can use it
 * without pulling validation into its bundle (DESIGN §8).
 */
export const DEMO_CRM_ID = 'demo';
export const DEMO_CRM_LABEL = 'Demo CRM';

export interface DemoRecordRef {
  crm: typeof DEMO_CRM_ID;
  /** `host:port`. */
  instance: string;
  id: string;
  /** Canonical record URL, without query or hash. */
  url: string;
}

const RECORD_URL = /^(https?):\/\/(127\.0\.0\.1|localhost)(?::(\d{1,5}))?\/opportunities\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/;

export function matchDemoRecord(url: string): DemoRecordRef | null {
  const m = RECORD_URL.exec(url);
  if (!m) return null;
  const [, scheme, host, port, id] = m;
  const instance = port ? `${host}:${port}` : host!;
  return { crm: DEMO_CRM_ID, instance, id: id!, url: `${scheme}://${instance}/opportunities/${id}` };
}

/** `http://127.0.0.1:4300` for a ref (or any page URL) on a Demo CRM instance. */
export function demoOrigin(ref: { url: string }): string {
  return new URL(ref.url).origin;
}
