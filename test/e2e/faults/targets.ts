/**
 * The CRMs of the fault matrix: for each, where its record page is, how to sign in, which request is
 * "the deal's endpoint" (the first request of every read), and how each fault is answered — with the
 * vendor's own error bodies from test/fixtures/<crm>/ (their READMEs cite the API docs).
 * Vendors run on the local HTTPS server at their real URL shapes (test/e2e/vendors); the demo CRM on
 * its own server with its /__test/ hooks.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { startDemoCrm, type DemoCrm } from '../../demo-crm/server';
import { SHAPES } from '../vendors/pages';
import { DYN, HS, PD, SF } from '../vendors/routes';
import { SECRETS, startVendorServer, type ApiFault, type VendorServer } from '../vendors/server';
import { dealPath as hsDealPath } from '../../../lib/crm/hubspot/queries';
import { dealPath as pdDealPath } from '../../../lib/crm/pipedrive/queries';
import { opportunityPath } from '../../../lib/crm/dynamics/queries';
import { DATA } from '../../../lib/crm/salesforce/queries';
import { HANG_MS, RETRY_AFTER_S, type CrmName, type FaultKind } from './cells';

/** A fault the server plays; 'offline' is the browser's (a route that aborts as a disconnected network would). */
export type ServerFault = Exclude<FaultKind, 'offline'>;

export interface Target {
  crm: CrmName;
  /** The CRM's name as the sidebar shows it. */
  label: string;
  recordUrl: string;
  dealName: string;
  /** Faults that also break the CRM's own page (it never shows the record the sidebar waits for). */
  pageFailsToo?(fault: FaultKind): boolean;
  /** Extra Chromium flags (vendors: their hosts mapped to the local server). */
  chromiumArgs: string[];
  /** Credentials in place, as a person sets them up (after "Delete all local data" removed the tokens). */
  signIn(context: BrowserContext, openOptions: () => Promise<Page>): Promise<void>;
  inject(fault: ServerFault): Promise<void>;
  /** Clear the server's faults (and its request log). */
  clear(): Promise<void>;
  /** URLs of the CRM's API, for 'offline'. */
  apiUrls: RegExp;
  /** Which of those requests 'offline' fails (default all). */
  offlineAffects?(headers: Record<string, string>): boolean;
  isDealRequest(url: URL, method: string, headers: Record<string, string>): boolean;
  close(): Promise<void>;
}

const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));
const pathOf = (url: string) => {
  const u = new URL(url, 'https://x.invalid');
  return `${u.pathname}${u.search}`;
};

/* ------------------------------------------------------------------ demo CRM */

const DEMO_USER = 'Darcel Schlecht';
const DEMO_DEAL = 'DEMO-UNQUALIFIED';

export async function demoTarget(): Promise<Target> {
  const crm: DemoCrm = await startDemoCrm({ port: 0, host: '127.0.0.1', latencyMs: 20 });
  const dealPath = `/api/opportunities/${DEMO_DEAL}`;
  const post = async (path: string, body?: unknown) => {
    const response = await fetch(`${crm.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.ok, `${path} ${JSON.stringify(body)}`).toBe(true);
  };
  // The extension's reads fail (they carry X-Requested-With); the page still renders, as a vendor
  // CRM's pages do while its API fails. The 500 is an outage: the page's own requests fail too.
  const route = '/api/';
  const header = 'x-requested-with';
  const faults: Record<ServerFault, () => Promise<unknown>> = {
    '401': async () => ({ route, header, status: 401, body: { error: 'UNAUTHORIZED', message: 'Your session has expired.' } }),
    '403': async () => ({ route, header, status: 403, body: { error: 'FORBIDDEN', message: 'You may not read this opportunity.' } }),
    '404': async () => ({ route, header, status: 404, body: { error: 'NOT_FOUND', message: `No opportunity ${DEMO_DEAL}.` } }),
    '429': async () => ({ route, header, status: 429, headers: { 'Retry-After': String(RETRY_AFTER_S) }, body: { error: 'RATE_LIMITED', message: 'Too many requests.' } }),
    '500': async () => ({ route, status: 500 }),
    malformed: async () => {
      // The real answer, cut in half: JSON that does not parse.
      const real = await (await fetch(`${crm.url}${dealPath}`, { headers: { 'X-Demo-User': DEMO_USER } })).text();
      return { route, header, status: 200, body: real.slice(0, Math.floor(real.length / 2)), headers: { 'Content-Type': 'application/json; charset=utf-8' } };
    },
    hang: async () => ({ route, header, delayMs: HANG_MS, drop: true }),
  };
  return {
    crm: 'demo',
    label: 'Demo CRM',
    recordUrl: `${crm.url}/opportunities/${DEMO_DEAL}`,
    dealName: crm.data.get(DEMO_DEAL)!.name,
    chromiumArgs: [],
    pageFailsToo: (fault) => fault === '500',
    signIn: (context) => context.addCookies([{ name: 'demo_user', value: encodeURIComponent(DEMO_USER), url: crm.url }]),
    inject: async (fault) => post('/__test/faults', await faults[fault]()),
    clear: () => post('/__test/reset'),
    apiUrls: new RegExp(`^${crm.url.replace(/[.]/g, '\\.')}/api/`),
    offlineAffects: (headers) => headers[header] !== undefined,
    // The content script's same-origin reads say X-Requested-With; the page's own do not.
    isDealRequest: (url, _method, headers) => url.origin === crm.url && url.pathname === dealPath && headers['x-requested-with'] !== undefined,
    close: () => crm.close(),
  };
}

/* ------------------------------------------------------------------ vendors */

type VendorName = Exclude<CrmName, 'demo'>;

interface VendorSpec {
  label: string;
  recordUrl: string;
  dealName: string;
  apiUrls: RegExp;
  deal: { host: string; method: string; path: string };
  faults: Record<Exclude<ServerFault, 'malformed' | 'hang'>, ApiFault>;
  signIn(context: BrowserContext, openOptions: () => Promise<Page>): Promise<void>;
}

const sfNotFound = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];

const VENDORS: Record<VendorName, VendorSpec> = {
  salesforce: {
    label: 'Salesforce',
    recordUrl: SHAPES.salesforce.recordUrl('globex.lightning.force.com', SF.open),
    dealName: SHAPES.salesforce.records[SF.open]!,
    apiUrls: /^https:\/\/globex\.my\.salesforce\.com\//,
    deal: { host: 'globex.my.salesforce.com', method: 'POST', path: `${DATA}/composite` },
    faults: {
      '401': { status: 401, body: fixture('salesforce/error-invalid-session.json'), headers: { 'www-authenticate': 'Token' } },
      '403': { status: 403, body: fixture('salesforce/error-api-disabled.json') },
      // A deleted record: the Composite call succeeds, its record part is a 404 (other calls: a plain 404).
      '404': { answer: (method, path) => (method === 'POST' && path.endsWith('/composite') ? { status: 200, body: fixture('salesforce/composite-not-found.json') } : { status: 404, body: sfNotFound }) },
      // Salesforce signals its API limit as 403 REQUEST_LIMIT_EXCEEDED, without Retry-After.
      '429': { status: 403, body: fixture('salesforce/error-request-limit.json') },
      '500': { status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1969384213-27411 (-1154378295)' }] },
    },
    signIn: async (context) => {
      const sid = SECRETS.salesforce['globex.my.salesforce.com']!;
      await context.addCookies([
        { name: 'sid', value: sid, url: 'https://globex.my.salesforce.com', secure: true, httpOnly: true, sameSite: 'None' },
        { name: 'sid', value: `${sid.slice(0, 18)}UiSession`, url: 'https://globex.lightning.force.com', secure: true, httpOnly: true, sameSite: 'None' },
      ]);
    },
  },
  dynamics: {
    label: 'Dynamics 365',
    recordUrl: SHAPES.dynamics.recordUrl('contoso.crm4.dynamics.com', DYN.open),
    dealName: SHAPES.dynamics.records[DYN.open]!,
    apiUrls: /^https:\/\/contoso\.crm4\.dynamics\.com\/api\//,
    deal: { host: 'contoso.crm4.dynamics.com', method: 'GET', path: opportunityPath(DYN.open) },
    faults: {
      '401': { status: 401, body: { error: { code: '0x80072182', message: 'The user is not authenticated.' } }, headers: { 'www-authenticate': 'Bearer' } },
      '403': { status: 403, body: fixture('dynamics/error-privilege.json') },
      '404': { status: 404, body: fixture('dynamics/error-not-found.json') },
      '429': { status: 429, body: fixture('dynamics/error-throttled.json'), headers: { 'retry-after': String(RETRY_AFTER_S) } },
      '500': { status: 500, body: { error: { code: '0x80040216', message: 'An unexpected error occurred.' } } },
    },
    // The page sets the session cookie itself (vendors/pages.ts).
    signIn: async () => undefined,
  },
  hubspot: {
    label: 'HubSpot',
    recordUrl: SHAPES.hubspot.recordUrl('app.hubspot.com', HS.open),
    dealName: SHAPES.hubspot.records[HS.open]!,
    apiUrls: /^https:\/\/api\.hubapi\.com\//,
    deal: { host: 'api.hubapi.com', method: 'GET', path: hsDealPath(HS.open) },
    faults: {
      '401': { status: 401, body: fixture('hubspot/error-401.json') },
      '403': { status: 403, body: fixture('hubspot/error-403-scopes.json') },
      '404': { status: 404, body: fixture('hubspot/error-404.json') },
      '429': { status: 429, body: fixture('hubspot/error-429.json'), headers: { 'retry-after': String(RETRY_AFTER_S) } },
      '500': { status: 500, body: { status: 'error', message: 'internal error', correlationId: '5d1c0a2e-0000-4000-8000-000000000500', category: 'INTERNAL_ERROR' } },
    },
    signIn: async (_context, openOptions) => {
      const options = await openOptions();
      // The token is all a record view needs (who-am-I, set in options too, only serves the popup and review).
      await saveToken(options, 'HubSpot', HS.portal, SECRETS.hubspot);
      await options.close();
    },
  },
  pipedrive: {
    label: 'Pipedrive',
    recordUrl: SHAPES.pipedrive.recordUrl('acme.pipedrive.com', PD.open),
    dealName: SHAPES.pipedrive.records[PD.open]!,
    apiUrls: /^https:\/\/acme\.pipedrive\.com\/api\//,
    deal: { host: 'acme.pipedrive.com', method: 'GET', path: pdDealPath(PD.open) },
    faults: {
      '401': { status: 401, body: fixture('pipedrive/error-401.json') },
      '403': { status: 403, body: fixture('pipedrive/error-403.json') },
      '404': { status: 404, body: fixture('pipedrive/error-404.json') },
      '429': { status: 429, body: fixture('pipedrive/error-429.json'), headers: { 'retry-after': String(RETRY_AFTER_S) } },
      '500': { status: 500, body: { success: false, error: 'Internal server error', errorCode: 500 } },
    },
    signIn: async (_context, openOptions) => {
      const options = await openOptions();
      await saveToken(options, 'Pipedrive', 'acme', SECRETS.pipedrive);
      await options.close();
    },
  },
};

/** Save a token through the options page, as a person would. */
async function saveToken(options: Page, crm: 'HubSpot' | 'Pipedrive', owner: string, token: string): Promise<void> {
  const group = options.getByRole('group', { name: crm, exact: true });
  await group.getByLabel(crm === 'HubSpot' ? 'Portal ID' : 'Company domain').fill(owner);
  await group.getByLabel(crm === 'HubSpot' ? 'Private app token' : 'Personal API token').fill(token);
  await group.getByRole('button', { name: `Save ${crm} token` }).click();
  await expect(group.getByText(`${crm} token saved.`)).toBeVisible();
}

export async function vendorTarget(crm: VendorName): Promise<Target & { server: VendorServer }> {
  const server = await startVendorServer();
  const spec = VENDORS[crm];
  const faultOf = (fault: ServerFault): ApiFault => (fault === 'malformed' ? { truncate: true } : fault === 'hang' ? { holdMs: HANG_MS } : spec.faults[fault]);
  const dealPath = pathOf(spec.deal.path);
  return {
    crm,
    server,
    label: spec.label,
    recordUrl: spec.recordUrl,
    dealName: spec.dealName,
    chromiumArgs: [`--host-resolver-rules=${server.hostRules}`, '--ignore-certificate-errors'],
    signIn: spec.signIn,
    inject: async (fault) => server.fault(crm, faultOf(fault)),
    clear: async () => server.reset(),
    apiUrls: spec.apiUrls,
    isDealRequest: (url, method) => url.hostname === spec.deal.host && method === spec.deal.method && `${url.pathname}${url.search}` === dealPath,
    close: () => server.close(),
  };
}

export function createTarget(crm: CrmName): Promise<Target> {
  return crm === 'demo' ? demoTarget() : vendorTarget(crm);
}
