/** Recorded HubSpot answers for the adapter tests (test/fixtures/hubspot, see its README for the vendor docs). */
import { readFileSync } from 'node:fs';
import type { Recording } from '../../../lib/crm/shared/recorded-io';
import { associationBatchPath, associationsPath, batchReadPath, companyPath, DEAL_PROPERTIES_PATH, dealPath, OWNERS_PATH, ownerPath, PIPELINES_PATH, SEARCH_DEALS_PATH } from '../../../lib/crm/hubspot/queries';

export const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/hubspot/${name}`, import.meta.url), 'utf8'));

export const API = 'https://api.hubapi.com';
export const DEAL = '14583920011';
export const DEAL_WON = '14583920099';
export const INSTANCE = 'api.hubapi.com/20417345';
export const ref = (id: string) => ({ crm: 'hubspot', instance: INSTANCE, id, url: `https://app.hubspot.com/contacts/20417345/record/0-3/${id}` });
export const post = (path: string, file: string | unknown, when?: (b: unknown) => boolean): Recording => ({
  method: 'POST',
  url: `${API}${path}`,
  body: typeof file === 'string' ? fixture(file) : file,
  ...(when ? { whenBody: when } : {}),
});
const inputsOf = (b: unknown) => ((b as { inputs?: { id: string }[] }).inputs ?? []).map((i) => i.id);

/** Every answer of both recorded deals, their metadata and their history. */
export function portal(pipelines: unknown = fixture('pipelines-deals.json')): Recording[] {
  return [
    { url: `${API}${dealPath(DEAL)}`, body: fixture('deal-open.json') },
    { url: `${API}${dealPath(DEAL_WON)}`, body: fixture('deal-won-de.json') },
    { url: `${API}${DEAL_PROPERTIES_PATH}`, body: fixture('properties-deals.json') },
    { url: `${API}${PIPELINES_PATH}`, body: pipelines },
    { url: `${API}${associationsPath(DEAL, 'contacts')}`, body: fixture('deal-contacts-page1.json') },
    { url: `${API}${associationsPath(DEAL, 'contacts', 'NTA%3D')}`, body: fixture('deal-contacts-page2.json') },
    { url: `${API}${associationsPath(DEAL, 'emails')}`, body: fixture('deal-emails.json') },
    { url: `${API}${associationsPath(DEAL_WON, 'contacts')}`, body: fixture('deal-contacts-empty.json') },
    post(batchReadPath('deals'), 'batch-deal-custom.json', (b) => inputsOf(b).includes(DEAL)),
    post(batchReadPath('deals'), { status: 'COMPLETE', results: [] }, (b) => inputsOf(b).includes(DEAL_WON)),
    post(batchReadPath('contacts'), 'batch-contacts.json'),
    { url: `${API}${companyPath('5123401')}`, body: fixture('company.json') },
    { url: `${API}${ownerPath('81234567')}`, body: fixture('owner.json') },
    post(batchReadPath('calls'), 'batch-calls.json'),
    post(batchReadPath('meetings'), 'batch-meetings.json'),
    post(batchReadPath('emails'), 'batch-emails.json'),
    post(batchReadPath('tasks'), 'batch-tasks.json'),
    post(associationBatchPath('calls', 'contacts'), 'assoc-calls-contacts.json'),
    post(associationBatchPath('meetings', 'contacts'), 'assoc-meetings-contacts.json'),
    post(associationBatchPath('emails', 'contacts'), 'assoc-emails-contacts.json'),
    post(SEARCH_DEALS_PATH, 'search-page1.json', (b) => !(b as { after?: string }).after),
    post(SEARCH_DEALS_PATH, 'search-page2.json', (b) => (b as { after?: string }).after === '2'),
    { url: `${API}${OWNERS_PATH}?limit=500`, body: fixture('owners.json') },
  ];
}

/** The pipelines as they were before the German pipeline was added. */
export function pipelinesWithoutGerman(): unknown {
  const all = fixture('pipelines-deals.json') as { results: { id: string }[] };
  return { ...all, results: all.results.filter((p) => p.id === 'default') };
}

/** The pipelines as they were when the German "won" stage was still an open stage. */
export function pipelinesWonStageOpen(): unknown {
  const all = structuredClone(fixture('pipelines-deals.json')) as { results: { id: string; stages: { id: string; metadata: Record<string, string> }[] }[] };
  for (const p of all.results) for (const s of p.stages) if (s.id === '98765432') s.metadata = { isClosed: 'false', probability: '0.5' };
  return all;
}
