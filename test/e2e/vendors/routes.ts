/**
 * The recorded vendor answers the fake CRMs serve (test/fixtures/<crm>/, see each README for the vendor
 * docs they follow), keyed by the exact request the adapters build — the same tables as the adapter
 * unit tests, plus the history and who-am-I requests a record view leads to.
 */
import { readFileSync } from 'node:fs';
import { DATA, historySoql, queryPath, reportsSoql } from '../../../lib/crm/salesforce/queries';
import {
  associationBatchPath,
  associationsPath,
  batchReadPath,
  companyPath,
  dealPath as hsDealPath,
  DEAL_PROPERTIES_PATH,
  OWNERS_PATH,
  ownerPath,
  PIPELINES_PATH,
  SEARCH_DEALS_PATH,
} from '../../../lib/crm/hubspot/queries';
import * as pd from '../../../lib/crm/pipedrive/queries';
import * as dyn from '../../../lib/crm/dynamics/queries';

export type Vendor = 'salesforce' | 'hubspot' | 'pipedrive' | 'dynamics';

export interface Route {
  vendor: Vendor;
  /** Only on this host (default: any host of the vendor). */
  host?: string;
  method?: 'GET' | 'POST';
  /** Path and query, as the adapter builds it. */
  url: string;
  when?: (body: unknown) => boolean;
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Override of the vendor's credential check. */
  authorized?: (host: string, credential: string | null) => boolean;
}

const text = (file: string) => readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8');
const fixture = (file: string): unknown => JSON.parse(text(file));

/* ---------------------------------------------------------------- Salesforce */
export const SF = {
  open: '0065g00000Q7kLmAAJ',
  won: '0065g00000Q7kWnAAJ',
  owner: '0055g00000Ab1CdAAJ',
};
const compositeFor = (id: string) => (b: unknown) => ((b as { compositeRequest?: { url: string }[] }).compositeRequest?.[0]?.url ?? '').includes(id);
// The history's next page shares its locator with the tasks' next page in the recordings: give it its own.
const sfHistory1 = JSON.parse(text('salesforce/history-page1.json').replaceAll('01gRO0000016PIAYA2-2000', '01gRO0000016PIAYH2-2000')) as unknown;

const salesforce: Route[] = [
  { vendor: 'salesforce', method: 'POST', url: `${DATA}/composite`, when: compositeFor(SF.open), body: fixture('salesforce/composite-open.json') },
  { vendor: 'salesforce', method: 'POST', url: `${DATA}/composite`, when: compositeFor(SF.won), body: fixture('salesforce/composite-won-de.json') },
  { vendor: 'salesforce', url: `${DATA}/query/01gRO0000016PIAYA2-2000`, body: fixture('salesforce/query-tasks-page2.json') },
  { vendor: 'salesforce', url: queryPath(historySoql([SF.owner], null, true)), body: sfHistory1 },
  { vendor: 'salesforce', url: `${DATA}/query/01gRO0000016PIAYH2-2000`, body: fixture('salesforce/history-page2.json') },
  { vendor: 'salesforce', url: `${DATA}/query/01gRO0000016PIAYA3-200`, body: fixture('salesforce/history-child-page2.json') },
  { vendor: 'salesforce', url: '/services/oauth2/userinfo', body: fixture('salesforce/userinfo.json') },
  { vendor: 'salesforce', url: queryPath(reportsSoql(SF.owner)), body: fixture('salesforce/query-reports.json') },
];

/* ---------------------------------------------------------------- HubSpot */
export const HS = { portal: '20417345', open: '14583920011', won: '14583920099', email: 'riley.chen@contoso-sales.example' };
const inputsOf = (b: unknown) => ((b as { inputs?: { id: string }[] }).inputs ?? []).map((i) => i.id);
const hsPost = (path: string, file: string, when?: (b: unknown) => boolean): Route => ({ vendor: 'hubspot', method: 'POST', url: path, body: fixture(`hubspot/${file}`), ...(when ? { when } : {}) });

const hubspot: Route[] = [
  { vendor: 'hubspot', url: hsDealPath(HS.open), body: fixture('hubspot/deal-open.json') },
  { vendor: 'hubspot', url: hsDealPath(HS.won), body: fixture('hubspot/deal-won-de.json') },
  { vendor: 'hubspot', url: DEAL_PROPERTIES_PATH, body: fixture('hubspot/properties-deals.json') },
  { vendor: 'hubspot', url: PIPELINES_PATH, body: fixture('hubspot/pipelines-deals.json') },
  { vendor: 'hubspot', url: associationsPath(HS.open, 'contacts'), body: fixture('hubspot/deal-contacts-page1.json') },
  { vendor: 'hubspot', url: associationsPath(HS.open, 'contacts', 'NTA%3D'), body: fixture('hubspot/deal-contacts-page2.json') },
  { vendor: 'hubspot', url: associationsPath(HS.open, 'emails'), body: fixture('hubspot/deal-emails.json') },
  { vendor: 'hubspot', url: associationsPath(HS.won, 'contacts'), body: fixture('hubspot/deal-contacts-empty.json') },
  hsPost(batchReadPath('deals'), 'batch-deal-custom.json', (b) => inputsOf(b).includes(HS.open)),
  { vendor: 'hubspot', method: 'POST', url: batchReadPath('deals'), when: (b) => inputsOf(b).includes(HS.won), body: { status: 'COMPLETE', results: [] } },
  hsPost(batchReadPath('contacts'), 'batch-contacts.json'),
  { vendor: 'hubspot', url: companyPath('5123401'), body: fixture('hubspot/company.json') },
  { vendor: 'hubspot', url: ownerPath('81234567'), body: fixture('hubspot/owner.json') },
  { vendor: 'hubspot', url: ownerPath('81234568'), body: (fixture('hubspot/owners.json') as { results: unknown[] }).results[1] },
  hsPost(batchReadPath('calls'), 'batch-calls.json'),
  hsPost(batchReadPath('meetings'), 'batch-meetings.json'),
  hsPost(batchReadPath('emails'), 'batch-emails.json'),
  hsPost(batchReadPath('tasks'), 'batch-tasks.json'),
  hsPost(associationBatchPath('calls', 'contacts'), 'assoc-calls-contacts.json'),
  hsPost(associationBatchPath('meetings', 'contacts'), 'assoc-meetings-contacts.json'),
  hsPost(associationBatchPath('emails', 'contacts'), 'assoc-emails-contacts.json'),
  // Sam Ortiz's own history (picked as "who am I" in options): only when the search is for Sam alone.
  hsPost(SEARCH_DEALS_PATH, 'search-owner-sam.json', (b) => JSON.stringify((b as { filterGroups?: unknown }).filterGroups ?? []).includes('["81234568"]')),
  hsPost(SEARCH_DEALS_PATH, 'search-page1.json', (b) => !(b as { after?: string }).after),
  hsPost(SEARCH_DEALS_PATH, 'search-page2.json', (b) => (b as { after?: string }).after === '2'),
  { vendor: 'hubspot', url: `${OWNERS_PATH}?limit=500`, body: fixture('hubspot/owners.json') },
  { vendor: 'hubspot', url: `${OWNERS_PATH}?email=${encodeURIComponent(HS.email)}&limit=1`, body: fixture('hubspot/owners-by-email.json') },
];

/* ---------------------------------------------------------------- Pipedrive */
export const PD = { open: '1234', won: '1240', me: '11001' };
const at = (url: string, file: string, status?: number): Route => ({ vendor: 'pipedrive', url, body: fixture(`pipedrive/${file}`), ...(status ? { status } : {}) });
const STAGES_NEXT = 'eyJmaWVsZCI6ImlkIiwiZmllbGRWYWx1ZSI6MywiaWQiOjN9';

const pipedrive: Route[] = [
  at(pd.dealPath(PD.open), 'deal-open.json'),
  at(pd.participantsPath(PD.open), 'participants-page1.json'),
  at(pd.participantsPath(PD.open, 100), 'participants-page2.json'),
  at(pd.activitiesPath(PD.open), 'activities-page1.json'),
  at(pd.activitiesPath(PD.open, 'eyJpZCI6ODAyfQ'), 'activities-page2.json'),
  at(pd.changelogPath(PD.open), 'changelog.json'),
  at(pd.stagesPath(), 'stages-page1.json'),
  at(pd.stagesPath(STAGES_NEXT), 'stages-page2.json'),
  at(pd.organizationPath('301'), 'organization.json'),
  at(pd.userPath('11001'), 'user-owner.json'),
  at(pd.dealPath(PD.won), 'deal-won-de.json'),
  at(pd.participantsPath(PD.won), 'participants-empty.json'),
  at(pd.activitiesPath(PD.won), 'activities-empty.json'),
  at(pd.changelogPath(PD.won), 'error-403.json', 403),
  at(pd.userPath('11002'), 'user-other.json'),
  at(pd.USERS_PATH, 'users.json'),
  at(pd.ownerDealsPath('11001'), 'deals-owner-11001-page1.json'),
  at(pd.ownerDealsPath('11001', 'eyJpZCI6MjAwMn0'), 'deals-owner-11001-page2.json'),
  at(pd.ownerDealsPath('11002'), 'deals-owner-11002.json'),
  at(pd.ME_PATH, 'users-me.json'),
  at(pd.teamsOfUserPath('11001'), 'legacy-teams-user.json'),
];

/* ---------------------------------------------------------------- Dynamics 365 */
export const DYN = { open: '5b7f3c1e-9a2d-ef11-8409-000d3a4bd123', won: '8c1d2e3f-4a5b-ef11-8409-000d3a4bd456', user: 'a1b2c3d4-0000-ef11-8409-000d3a4b0001' };
const d = (url: string, file: string | unknown, status?: number): Route => ({ vendor: 'dynamics', url, body: typeof file === 'string' ? fixture(`dynamics/${file}`) : file, ...(status ? { status } : {}) });
const nextOf = (file: string) => new URL((fixture(`dynamics/${file}`) as { '@odata.nextLink': string })['@odata.nextLink']).href.replace(/^https:\/\/[^/]+/, '');

const dynamics: Route[] = [
  d(dyn.opportunityPath(DYN.open), 'opportunity-open.json'),
  d(dyn.connectionsPath(DYN.open), 'connections-page1.json'),
  d(nextOf('connections-page1.json'), 'connections-page2.json'),
  d(dyn.activitiesPath(DYN.open), 'activities.json'),
  d(dyn.auditPath(DYN.open), 'audit.json'),
  d(dyn.opportunityPath(DYN.won), 'opportunity-won-de.json'),
  d(dyn.connectionsPath(DYN.won), 'connections-empty.json'),
  d(dyn.activitiesPath(DYN.won), 'activities-empty.json'),
  d(dyn.auditPath(DYN.won), 'error-audit-privilege.json', 403),
  d(dyn.historyPath([DYN.user], null), 'history-page1.json'),
  d(nextOf('history-page1.json'), 'history-page2.json'),
  d(dyn.WHO_AM_I, 'whoami.json'),
  d(dyn.userPath(DYN.user), 'systemuser.json'),
  d(dyn.reportsPath(DYN.user), 'reports.json'),
];

export const ROUTES: Route[] = [...salesforce, ...hubspot, ...pipedrive, ...dynamics];
