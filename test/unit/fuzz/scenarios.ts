/**
 * The happy-path record view and history read of every adapter, as the adapter tests replay them
 * (test/unit/crm/*.test.ts), so the fuzz suite can serve mutated versions of the same responses.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { RecordRef } from '../../../lib/model';
import type { Recording } from '../../../lib/crm/shared/recorded-io';
import type { CrmAdapter, HistoryQuery } from '../../../lib/crm/types';
import { demoAdapter, HISTORY_PAGE_SIZE as DEMO_PAGE } from '../../../lib/crm/demo';
import { createSalesforceAdapter } from '../../../lib/crm/salesforce';
import { historySoql, queryPath } from '../../../lib/crm/salesforce/queries';
import { createDynamicsAdapter } from '../../../lib/crm/dynamics';
import { activitiesPath, auditPath, connectionsPath, historyPath, opportunityPath } from '../../../lib/crm/dynamics/queries';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot';
import {
  associationBatchPath,
  associationsPath,
  batchReadPath,
  companyPath,
  DEAL_PROPERTIES_PATH,
  dealPath as hsDealPath,
  ownerPath,
  PIPELINES_PATH,
  SEARCH_DEALS_PATH,
} from '../../../lib/crm/hubspot/queries';
import { createPipedriveAdapter } from '../../../lib/crm/pipedrive';
import { activitiesPath as pdActivitiesPath, changelogPath, dealPath as pdDealPath, organizationPath, ownerDealsPath, participantsPath, stagesPath, userPath, USERS_PATH } from '../../../lib/crm/pipedrive/queries';
import { createTrytonAdapter } from '../../../lib/crm/tryton';

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const NOW = new Date('2026-01-25T12:00:00Z');

export interface Scenario {
  adapter: CrmAdapter;
  ref: RecordRef;
  recordings: Recording[];
  /** readDeal when absent; readHistory with this query when present. */
  history?: HistoryQuery;
}

// --- demo ---
const demoLost = json('../demo-crm/fixtures/opportunity-lost.json') as Record<string, unknown>;
const DEMO_ORIGIN = 'http://127.0.0.1:4300';
const demoRef: RecordRef = { crm: 'demo', instance: '127.0.0.1:4300', id: String(demoLost.id), url: `${DEMO_ORIGIN}/opportunities/${String(demoLost.id)}` };
const demoHistoryUrl = (owners: string[], cursor?: string) =>
  `${DEMO_ORIGIN}/api/opportunities?${owners.map((o) => `owner=${o}`).join('&')}&state=all&include=related&limit=${DEMO_PAGE}${cursor ? `&cursor=${cursor}` : ''}`;

// --- salesforce ---
const sf = (n: string) => json(`../../fixtures/salesforce/${n}`);
const SF_HOST = 'globex.my.salesforce.com';
const SF = `https://${SF_HOST}/services/data/v62.0`;
const SF_OPP = '0065g00000Q7kLmAAJ';
const SF_USER = '0055g00000Ab1CdAAJ';
const sfRef: RecordRef = { crm: 'salesforce', instance: SF_HOST, id: SF_OPP, url: `https://globex.lightning.force.com/lightning/r/Opportunity/${SF_OPP}/view` };
const sfFirst = `https://${SF_HOST}${queryPath(historySoql([SF_USER, '0055g00000Ab2EfAAJ'], '2025-01-01', true))}`;

// --- dynamics ---
const dy = (n: string) => json(`../../fixtures/dynamics/${n}`);
const DY = 'https://contoso.crm4.dynamics.com';
const DY_OPP = '5b7f3c1e-9a2d-ef11-8409-000d3a4bd123';
const DY_USER = 'a1b2c3d4-0000-ef11-8409-000d3a4b0001';
const dyRef: RecordRef = { crm: 'dynamics', instance: 'contoso.crm4.dynamics.com', id: DY_OPP, url: `${DY}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${DY_OPP}` };
const dyHistory = `${DY}${historyPath([DY_USER, 'a1b2c3d4-0000-ef11-8409-000d3a4b0002'], '2025-01-01')}`;

// --- hubspot ---
const hs = (n: string) => json(`../../fixtures/hubspot/${n}`);
const HS = 'https://api.hubapi.com';
const HS_DEAL = '14583920011';
const hsRef: RecordRef = { crm: 'hubspot', instance: 'api.hubapi.com/20417345', id: HS_DEAL, url: `https://app.hubspot.com/contacts/20417345/record/0-3/${HS_DEAL}` };
const hsPost = (path: string, file: string, whenBody?: (b: unknown) => boolean): Recording => ({ method: 'POST', url: `${HS}${path}`, body: hs(file), ...(whenBody ? { whenBody } : {}) });

// --- pipedrive ---
const pd = (n: string) => json(`../../fixtures/pipedrive/${n}`);
const PD = 'https://acme.pipedrive.com';
const pdRef: RecordRef = { crm: 'pipedrive', instance: 'acme.pipedrive.com', id: '1234', url: `${PD}/deal/1234` };
const pdAt = (path: string, file: string): Recording => ({ url: `${PD}${path}`, body: pd(file) });

// --- tryton ---
interface Capture {
  endpoint: string;
  exchanges: { method: string; params: unknown; status: number; body: unknown }[];
}
const tr = (n: string) => json(`../../fixtures/tryton/${n}.json`) as Capture;
const facts = json('../../fixtures/tryton/seed-facts.json') as { database: string; showcase: { stale: { id: number } }; users: { login: string; employeeId: number }[] };
const TR_ENDPOINT = tr('record-stale').endpoint;
const TR_ORIGIN = new URL(TR_ENDPOINT).origin;
const trRef: RecordRef = {
  crm: 'tryton',
  instance: new URL(TR_ENDPOINT).host,
  id: String(facts.showcase.stale.id),
  url: `${TR_ORIGIN}/#${facts.database}/model/sale.opportunity/${facts.showcase.stale.id}`,
};
const trReplay = (name: string): Recording[] =>
  tr(name).exchanges.map((ex) => ({
    method: 'POST' as const,
    url: TR_ENDPOINT,
    whenBody: (body: unknown) => {
      const b = body as { method?: string; params?: unknown };
      return b.method === ex.method && isDeepStrictEqual(b.params, ex.params);
    },
    status: ex.status,
    body: ex.body,
  }));

export const SCENARIOS: Record<string, Scenario> = {
  'demo readDeal': { adapter: demoAdapter, ref: demoRef, recordings: [{ url: `${DEMO_ORIGIN}/api/opportunities/${demoRef.id}`, body: demoLost }] },
  'demo readHistory': {
    adapter: demoAdapter,
    ref: demoRef,
    history: { ownerId: 'u-a', teamOwnerIds: ['u-b'] },
    recordings: [
      { url: demoHistoryUrl(['u-a', 'u-b']), body: { results: [{ ...demoLost, id: 'A1' }, { ...demoLost, id: 'A2' }], next: 'c2' } },
      { url: demoHistoryUrl(['u-a', 'u-b'], 'c2'), body: { results: [{ ...demoLost, id: 'A3', is_won: true, is_closed: true, amount: 100 }], next: null, total: 3 } },
    ],
  },
  'salesforce readDeal': {
    adapter: createSalesforceAdapter({ now: () => NOW }),
    ref: sfRef,
    recordings: [
      { method: 'POST', url: `${SF}/composite`, headers: { 'Sforce-Limit-Info': 'api-usage=1200/15000' }, body: sf('composite-open.json') },
      { url: `${SF}/query/01gRO0000016PIAYA2-2000`, body: sf('query-tasks-page2.json') },
    ],
  },
  'salesforce readDeal (many contacts)': {
    adapter: createSalesforceAdapter({ now: () => NOW }),
    ref: { ...sfRef, id: '0065g00000Q7kMyAAJ', url: sfRef.url.replace(SF_OPP, '0065g00000Q7kMyAAJ') },
    recordings: [{ method: 'POST', url: `${SF}/composite`, body: sf('composite-many-contacts.json') }],
  },
  'salesforce readHistory': {
    adapter: createSalesforceAdapter({ now: () => NOW }),
    ref: sfRef,
    history: { ownerId: SF_USER, teamOwnerIds: ['0055g00000Ab2EfAAJ'], since: '2025-01-01' },
    recordings: [
      { url: sfFirst, body: sf('history-page1.json') },
      { url: `${SF}/query/01gRO0000016PIAYA2-2000`, body: sf('history-page2.json') },
      { url: `${SF}/query/01gRO0000016PIAYA3-200`, body: sf('history-child-page2.json') },
    ],
  },
  'dynamics readDeal': {
    adapter: createDynamicsAdapter({ now: () => NOW }),
    ref: dyRef,
    recordings: [
      { url: `${DY}${opportunityPath(DY_OPP)}`, body: dy('opportunity-open.json') },
      { url: `${DY}${connectionsPath(DY_OPP)}`, body: dy('connections-page1.json') },
      { url: `${DY}${activitiesPath(DY_OPP)}`, body: dy('activities.json') },
      { url: `${DY}${auditPath(DY_OPP)}`, body: dy('audit.json') },
      { url: (dy('connections-page1.json') as { '@odata.nextLink': string })['@odata.nextLink'], body: dy('connections-page2.json') },
    ],
  },
  'dynamics readHistory': {
    adapter: createDynamicsAdapter({ now: () => NOW }),
    ref: dyRef,
    history: { ownerId: DY_USER, teamOwnerIds: ['a1b2c3d4-0000-ef11-8409-000d3a4b0002'], since: '2025-01-01' },
    recordings: [
      { url: dyHistory, body: dy('history-page1.json') },
      { url: (dy('history-page1.json') as { '@odata.nextLink': string })['@odata.nextLink'], body: dy('history-page2.json') },
    ],
  },
  'hubspot readDeal': {
    adapter: createHubSpotAdapter({ now: () => NOW, userEmail: () => 'riley.chen@contoso-sales.example' }),
    ref: hsRef,
    recordings: [
      { url: `${HS}${hsDealPath(HS_DEAL)}`, body: hs('deal-open.json') },
      { url: `${HS}${DEAL_PROPERTIES_PATH}`, body: hs('properties-deals.json') },
      { url: `${HS}${PIPELINES_PATH}`, body: hs('pipelines-deals.json') },
      { url: `${HS}${associationsPath(HS_DEAL, 'contacts')}`, body: hs('deal-contacts-page1.json') },
      { url: `${HS}${associationsPath(HS_DEAL, 'contacts', 'NTA%3D')}`, body: hs('deal-contacts-page2.json') },
      { url: `${HS}${associationsPath(HS_DEAL, 'emails')}`, body: hs('deal-emails.json') },
      hsPost(batchReadPath('deals'), 'batch-deal-custom.json'),
      hsPost(batchReadPath('contacts'), 'batch-contacts.json'),
      { url: `${HS}${companyPath('5123401')}`, body: hs('company.json') },
      { url: `${HS}${ownerPath('81234567')}`, body: hs('owner.json') },
      hsPost(batchReadPath('calls'), 'batch-calls.json'),
      hsPost(batchReadPath('meetings'), 'batch-meetings.json'),
      hsPost(batchReadPath('emails'), 'batch-emails.json'),
      hsPost(batchReadPath('tasks'), 'batch-tasks.json'),
      hsPost(associationBatchPath('calls', 'contacts'), 'assoc-calls-contacts.json'),
      hsPost(associationBatchPath('meetings', 'contacts'), 'assoc-meetings-contacts.json'),
      hsPost(associationBatchPath('emails', 'contacts'), 'assoc-emails-contacts.json'),
    ],
  },
  'hubspot readHistory': {
    adapter: createHubSpotAdapter({ now: () => NOW, userEmail: () => 'riley.chen@contoso-sales.example' }),
    ref: hsRef,
    history: { ownerId: '81234567', teamOwnerIds: ['81234568'], since: '2025-01-01' },
    recordings: [
      { url: `${HS}${PIPELINES_PATH}`, body: hs('pipelines-deals.json') },
      { url: `${HS}/crm/v3/owners?limit=500`, body: hs('owners.json') },
      hsPost(SEARCH_DEALS_PATH, 'search-page1.json', (b) => !(b as { after?: string }).after),
      hsPost(SEARCH_DEALS_PATH, 'search-page2.json', (b) => (b as { after?: string }).after === '2'),
    ],
  },
  'pipedrive readDeal': {
    adapter: createPipedriveAdapter(),
    ref: pdRef,
    recordings: [
      pdAt(pdDealPath('1234'), 'deal-open.json'),
      pdAt(participantsPath('1234'), 'participants-page1.json'),
      pdAt(participantsPath('1234', 100), 'participants-page2.json'),
      pdAt(pdActivitiesPath('1234'), 'activities-page1.json'),
      pdAt(pdActivitiesPath('1234', 'eyJpZCI6ODAyfQ'), 'activities-page2.json'),
      pdAt(changelogPath('1234'), 'changelog.json'),
      pdAt(stagesPath(), 'stages-page1.json'),
      pdAt(stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), 'stages-page2.json'),
      pdAt(organizationPath('301'), 'organization.json'),
      pdAt(userPath('11001'), 'user-owner.json'),
    ],
  },
  'pipedrive readHistory': {
    adapter: createPipedriveAdapter(),
    ref: pdRef,
    history: { ownerId: '11001', teamOwnerIds: ['11002'], since: '2025-01-01' },
    recordings: [
      pdAt(stagesPath(), 'stages-page1.json'),
      pdAt(stagesPath('eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9'), 'stages-page2.json'),
      pdAt(USERS_PATH, 'users.json'),
      pdAt(ownerDealsPath('11001'), 'deals-owner-11001-page1.json'),
      pdAt(ownerDealsPath('11001', 'eyJpZCI6MjAwMn0'), 'deals-owner-11001-page2.json'),
      pdAt(ownerDealsPath('11002'), 'deals-owner-11002.json'),
    ],
  },
  'tryton readDeal': { adapter: createTrytonAdapter(), ref: trRef, recordings: trReplay('record-stale') },
  'tryton readHistory': {
    adapter: createTrytonAdapter(),
    ref: trRef,
    history: { ownerId: String(facts.users.find((u) => u.login === 'alice')!.employeeId) },
    recordings: trReplay('history-alice'),
  },
};
