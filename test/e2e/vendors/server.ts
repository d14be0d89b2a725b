/**
 * One local HTTPS server that plays Salesforce, HubSpot, Pipedrive and Dynamics 365 for the e2e tests.
 * Chromium is started with `--host-resolver-rules` mapping the real CRM hosts to it and
 * `--ignore-certificate-errors` (a throw-away self-signed certificate made with openssl), so the
 * extension sees the REAL URL shapes, from the page and from its service worker alike.
 *
 * - Record pages imitate each CRM's SPA just enough: the record container appears a moment after load
 *   or after a pushState navigation to the other record (see pages.ts).
 * - API requests are answered from test/fixtures/<crm>/*.json by exact method + path + query, built
 *   with the adapters' own query builders (as in the unit tests). A request nothing answers gets a 599
 *   and is listed in `missing`, which the tests expect to stay empty.
 * - Each API checks its credential (Salesforce sid, HubSpot / Pipedrive token, Dynamics session cookie)
 *   and answers 401 with the vendor's recorded error when it is wrong or when `expire(crm)` was called.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordPage, type VendorPage } from './pages';
import { ROUTES, type Route, type Vendor } from './routes';

export interface LoggedRequest {
  vendor: Vendor;
  host: string;
  method: string;
  path: string;
  /** Authorization / x-api-token / cookie as received (tests check which credential went where). */
  credential: string | null;
  at: number;
}

export interface VendorServer {
  port: number;
  /** `--host-resolver-rules` value mapping every CRM host of the tests to this server. */
  hostRules: string;
  requests: LoggedRequest[];
  missing: string[];
  /** From now on the vendor's API answers 401 (session expired / token revoked). */
  expire(vendor: Vendor): void;
  /** Sforce-Limit-Info the Salesforce API reports. */
  setSalesforceUsage(used: number, max: number): void;
  /** From now on every API request of `vendor` is answered by `fault` (still logged); null clears it (test/e2e/faults). */
  fault(vendor: Vendor, fault: ApiFault | null): void;
  reset(): void;
  apiRequests(vendor: Vendor): LoggedRequest[];
  close(): Promise<void>;
}

/** An injected API failure (test/e2e/faults): one of an answer, a truncated recording, or a held request. */
export interface ApiFault {
  /** Answer with this status and body (a string is sent as is, with `headers`' content type). */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Per request instead (Salesforce answers a Composite call with per-part statuses); undefined falls back to status/body. */
  answer?: (method: string, path: string) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;
  /** 200 with the recorded JSON cut in half, as a dropped connection leaves it. */
  truncate?: boolean;
  /** Hold the request this long without answering, then drop the connection (reset and close drop it sooner). */
  holdMs?: number;
}

/** Hosts of the tests, each answered by one vendor. */
export const HOSTS: Record<string, { vendor: Vendor; kind: 'page' | 'api' | 'both' }> = {
  'globex.lightning.force.com': { vendor: 'salesforce', kind: 'page' },
  'globex.my.salesforce.com': { vendor: 'salesforce', kind: 'api' },
  'initech.lightning.force.com': { vendor: 'salesforce', kind: 'page' },
  'initech.my.salesforce.com': { vendor: 'salesforce', kind: 'api' },
  'app.hubspot.com': { vendor: 'hubspot', kind: 'page' },
  'api.hubapi.com': { vendor: 'hubspot', kind: 'api' },
  'acme.pipedrive.com': { vendor: 'pipedrive', kind: 'both' },
  'contoso.crm4.dynamics.com': { vendor: 'dynamics', kind: 'both' },
};

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'deal-coach-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=deal-coach-e2e', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], {
      stdio: 'ignore',
    });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function normalise(pathAndQuery: string): string {
  const u = new URL(pathAndQuery, 'https://x.invalid');
  return `${u.pathname}${u.search}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startVendorServer(): Promise<VendorServer> {
  const expired = new Set<Vendor>();
  const faults = new Map<Vendor, ApiFault>();
  const held = new Set<ServerResponse>();
  const dropHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
  };
  let sfUsage = { used: 1200, max: 15000 };
  const requests: LoggedRequest[] = [];
  const missing: string[] = [];
  const routes: Route[] = ROUTES.map((r) => ({ ...r, url: normalise(r.url) }));

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(text);
  };

  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    void (async () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const entry = HOSTS[host];
      const url = normalise(req.url ?? '/');
      if (!entry) return send(res, 421, { error: `unknown host ${host}` });
      const { vendor } = entry;
      const page = entry.kind !== 'api' ? recordPage(vendor as VendorPage, host, url) : null;
      if (page) return send(res, 200, page.html, page.headers);
      // The browser's own requests to a CRM page host (favicon) are not the extension's: not logged.
      if (entry.kind === 'page' || url === '/favicon.ico') return send(res, 404, { error: 'not found' });

      const body = req.method === 'POST' ? await readBody(req) : '';
      const credential = (req.headers.authorization as string | undefined) ?? (req.headers['x-api-token'] as string | undefined) ?? (vendor === 'dynamics' ? (req.headers.cookie ?? null) : null);
      requests.push({ vendor, host, method: req.method ?? 'GET', path: url, credential: credential ?? null, at: Date.now() });

      const route = routes.find((r) => r.vendor === vendor && (r.host ?? host) === host && (r.method ?? 'GET') === req.method && r.url === url && (!r.when || r.when(body ? (JSON.parse(body) as unknown) : undefined)));
      const fault = faults.get(vendor);
      if (fault) return answerFault(res, fault, req.method ?? 'GET', url, route);
      const auth = route?.authorized ?? AUTH[vendor];
      if (expired.has(vendor) || !auth(host, credential ?? null)) {
        const unauthorized = UNAUTHORIZED[vendor];
        return send(res, 401, unauthorized.body, unauthorized.headers);
      }
      if (!route) {
        missing.push(`${vendor} ${req.method} ${host}${url}`);
        return send(res, 599, { e2e: `no recording for ${req.method} ${host}${url}` });
      }
      const headers: Record<string, string> = { ...(route.headers ?? {}) };
      if (vendor === 'salesforce') headers['sforce-limit-info'] = `api-usage=${sfUsage.used}/${sfUsage.max}`;
      return send(res, route.status ?? 200, typeof route.body === 'function' ? route.body() : route.body, headers);
    })().catch((error: unknown) => send(res, 500, { e2e: String(error) }));
  });
  /** The injected answer; a held request is dropped after `holdMs` or when the client gives up. */
  const answerFault = (res: ServerResponse, fault: ApiFault, method: string, url: string, route: Route | undefined) => {
    if (fault.holdMs !== undefined) {
      held.add(res);
      const timer = setTimeout(() => {
        held.delete(res);
        res.destroy();
      }, fault.holdMs);
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
      return;
    }
    if (fault.truncate) {
      const recorded = route ? JSON.stringify(typeof route.body === 'function' ? route.body() : route.body) : '{"results":[{"id":"1","properties":{"dealname":"x"}}]}';
      return send(res, 200, recorded.slice(0, Math.floor(recorded.length / 2)), { 'content-type': 'application/json; charset=utf-8' });
    }
    const answer = fault.answer?.(method, url) ?? { status: fault.status ?? 500, body: fault.body ?? { error: 'injected fault' }, headers: fault.headers };
    return send(res, answer.status, answer.body, answer.headers);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hostRules = [...Object.keys(HOSTS).map((h) => `MAP ${h} 127.0.0.1:${port}`), 'EXCLUDE localhost'].join(',');

  return {
    port,
    hostRules,
    requests,
    missing,
    expire: (vendor) => void expired.add(vendor),
    setSalesforceUsage: (used, max) => void (sfUsage = { used, max }),
    fault: (vendor, fault) => {
      if (fault) faults.set(vendor, fault);
      else faults.delete(vendor);
    },
    reset: () => {
      expired.clear();
      faults.clear();
      dropHeld();
      sfUsage = { used: 1200, max: 15000 };
      requests.length = 0;
      missing.length = 0;
    },
    apiRequests: (vendor) => requests.filter((r) => r.vendor === vendor),
    close: () => {
      dropHeld();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The credentials the tests set up (cookies, tokens typed in options). */
export const SECRETS = {
  /** Org id prefix of each org's session: the background checks the Lightning tab's sid is the same org. */
  salesforce: { 'globex.my.salesforce.com': '00D5g000004Glob!AQ4AQGlobexSessionForE2E', 'initech.my.salesforce.com': '00D5g000004Init!AQ4AQInitechSessionForE2E' } as Record<string, string>,
  hubspot: 'pat-na1-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  pipedrive: '0123456789abcdef0123456789abcdef01234567',
  dynamics: 'CrmOwinAuth=e2e-dynamics-session',
};

const AUTH: Record<Vendor, (host: string, credential: string | null) => boolean> = {
  salesforce: (host, credential) => credential === `Bearer ${SECRETS.salesforce[host]}`,
  hubspot: (_host, credential) => credential === `Bearer ${SECRETS.hubspot}`,
  pipedrive: (_host, credential) => credential === SECRETS.pipedrive,
  dynamics: (_host, credential) => (credential ?? '').split(/;\s*/).includes(SECRETS.dynamics),
};

const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));

const UNAUTHORIZED: Record<Vendor, { body: unknown; headers?: Record<string, string> }> = {
  salesforce: { body: fixture('salesforce/error-invalid-session.json'), headers: { 'www-authenticate': 'Token' } },
  hubspot: { body: fixture('hubspot/error-401.json') },
  pipedrive: { body: fixture('pipedrive/error-401.json') },
  dynamics: { body: { error: { code: '0x80072182', message: 'The user is not authenticated.' } }, headers: { 'www-authenticate': 'Bearer' } },
};
