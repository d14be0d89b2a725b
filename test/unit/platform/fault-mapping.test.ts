/**
 * The fault matrix's product fixes (test/e2e/faults): a rate limit keeps the CRM's Retry-After all
 * the way to the back-off and says when Deal Coach asks again; every fault kind has its own title.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ErrorState } from '../../../components/sidebar/ErrorState';
import { failure, fetchJson } from '../../../lib/crm/shared/http';
import { classifyHubSpotError } from '../../../lib/crm/hubspot/errors';
import { classifySalesforceError } from '../../../lib/crm/salesforce/errors';
import { CrmError, type CrmAdapter, type CrmErrorKind } from '../../../lib/crm/types';
import type { Deal, RecordRef } from '../../../lib/model';
import { askAgainNote, BACKOFF_BASE_MS, RATE_LIMIT_DEFAULT_MS } from '../../../lib/platform/cache-policy';
import { dealKey, type Cache, type DealEntry } from '../../../lib/platform/cache';
import { describeError } from '../../../lib/platform/crm-io';
import { createRepository, ReadFailure } from '../../../lib/platform/repository';

const T0 = Date.UTC(2026, 10, 23, 15, 0, 0);
const HS = { label: 'HubSpot', classify: classifyHubSpotError };
const SF = { label: 'Salesforce', classify: classifySalesforceError };

describe('rate limits keep Retry-After', () => {
  it('a 429 with Retry-After becomes a rate-limited CrmError carrying it', () => {
    const error = failure({ status: 429, headers: { 'retry-after': '20' }, body: { errorType: 'RATE_LIMIT' } }, HS);
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfter).toBe('20');
    expect(describeError(error, 'HubSpot').retryAfterMs).toBe(20_000);
  });

  it('Salesforce REQUEST_LIMIT_EXCEEDED (a 403 without Retry-After) is a rate limit with no wait of its own', () => {
    const error = failure({ status: 403, headers: {}, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }] }, SF);
    expect(error.kind).toBe('rate-limited');
    expect(describeError(error, 'Salesforce').retryAfterMs).toBeUndefined();
  });

  it('other failures ignore a Retry-After header', () => {
    const error = failure({ status: 503, headers: { 'retry-after': '20' }, body: {} }, HS);
    expect(error.kind).toBe('server');
    expect(error.retryAfter).toBeUndefined();
  });

  it('a 200 whose JSON was cut off is "malformed", in words', async () => {
    const io = async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"1","properties":{"dealn' });
    await expect(fetchJson(io, '/deal', undefined, HS, 'the deal')).rejects.toMatchObject({ kind: 'malformed', message: 'HubSpot sent something that is not JSON for the deal.' });
  });
});

function memoryCache(): Cache {
  const deals = new Map<string, DealEntry>();
  return {
    getDeal: async (k: string) => deals.get(k),
    putDeal: async (e: DealEntry) => void deals.set(e.key, e),
    getHistory: async () => undefined,
    putHistory: async () => undefined,
    historyOwners: async () => [],
    getUser: async () => undefined,
    putUser: async () => undefined,
    addUsage: async () => undefined,
    usage: async () => 0,
    clearAll: async () => deals.clear(),
  } as unknown as Cache;
}

const ref: RecordRef = { crm: 'hubspot', instance: 'api.hubapi.com/1', id: '7', url: 'https://app.hubspot.com/contacts/1/record/0-3/7' };

function failingAdapter(error: CrmError): CrmAdapter {
  return {
    id: 'hubspot',
    label: 'HubSpot',
    transport: 'background',
    matches: () => ref,
    readDeal: async () => {
      throw error;
    },
    readHistory: async () => [] as Deal[],
    whoAmI: async () => ({ id: 'o1', name: 'Owner', teamOwnerIds: [] }),
  };
}

async function failedRead(error: CrmError): Promise<{ failure: ReadFailure; until: number }> {
  const repo = createRepository({ cache: memoryCache(), now: () => T0 });
  const io = async () => ({ status: 200, headers: {}, body: null });
  const failure = await repo.readDeal(failingAdapter(error), ref, io).then(
    () => null,
    (e: unknown) => e as ReadFailure,
  );
  expect(failure).toBeInstanceOf(ReadFailure);
  return { failure: failure!, until: repo.backoff(dealKey(ref))?.until ?? Number.NaN };
}

describe('the back-off after a rate limit', () => {
  it('waits as long as Retry-After says (above the base back-off) and says until when', async () => {
    const limited = failure({ status: 429, headers: { 'retry-after': '120' }, body: {} }, HS);
    const { failure: f, until } = await failedRead(limited);
    expect(until - T0).toBe(120_000);
    expect(f.errorKind).toBe('rate-limited');
    expect(f.message).toBe(`HubSpot asked us to slow down (API rate limit). Showing cached data. ${askAgainNote('HubSpot', T0 + 120_000)}`);
  });

  it('without Retry-After waits the default, never less than the base back-off', async () => {
    const { until } = await failedRead(new CrmError('rate-limited', 'Slow down.'));
    expect(until - T0).toBe(Math.max(BACKOFF_BASE_MS, RATE_LIMIT_DEFAULT_MS));
    const short = failure({ status: 429, headers: { 'retry-after': '1' }, body: {} }, HS);
    expect((await failedRead(short)).until - T0).toBe(BACKOFF_BASE_MS);
  });

  it('other failures keep their words as they are', async () => {
    const { failure: f } = await failedRead(new CrmError('server', 'HubSpot answered with an error (HTTP 500).'));
    expect(f.message).toBe('HubSpot answered with an error (HTTP 500).');
  });

  it('askAgainNote names the CRM and a time of day', () => {
    expect(askAgainNote('Pipedrive', T0)).toMatch(/^Deal Coach will not ask Pipedrive again before \d{1,2}:\d{2} (AM|PM)\.$/);
  });
});

describe('ErrorState titles', () => {
  const KINDS: Array<CrmErrorKind | 'internal'> = ['session-expired', 'forbidden', 'not-found', 'rate-limited', 'server', 'malformed', 'offline', 'timeout', 'not-configured', 'internal'];
  afterAll(() => void vi.unstubAllGlobals());
  const titleOf = (errorKind: CrmErrorKind | 'internal') => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    vi.stubGlobal('window', window);
    const root = document.getElementById('root')!;
    render(h(ErrorState, { crmLabel: 'HubSpot', errorKind, message: 'words' }), root as unknown as Element);
    return root.querySelector('.dc-error__title')?.textContent ?? '';
  };

  it('gives every fault kind its own title', () => {
    const titles = KINDS.map(titleOf);
    expect(new Set(titles).size).toBe(KINDS.length);
  });

  it('a rejected token does not read as "never set up"', () => {
    expect(titleOf('not-configured')).toBe('Deal Coach is not connected to HubSpot');
  });
});
