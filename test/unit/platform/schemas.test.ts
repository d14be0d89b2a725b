import { describe, expect, it } from 'vitest';
import { PageFetchReply, PageFetchRequest, REQUEST_SCHEMAS } from '../../../lib/platform/schemas';

describe('request schemas', () => {
  it('accepts well-formed requests', () => {
    expect(REQUEST_SCHEMAS.getCoaching.safeParse({ url: 'http://127.0.0.1:4300/opportunities/DEMO-STALE' }).success).toBe(true);
    expect(REQUEST_SCHEMAS.getCoaching.safeParse({ url: 'https://acme.crm.dynamics.com/main.aspx?etn=opportunity', force: true }).success).toBe(true);
    expect(REQUEST_SCHEMAS.matchPage.safeParse({ url: 'http://localhost/opportunities' }).success).toBe(true);
    expect(REQUEST_SCHEMAS.getReviewDeals.safeParse({ ownerId: 'darcel-schlecht', severity: 'risk' }).success).toBe(true);
    expect(REQUEST_SCHEMAS.getReviewDeals.safeParse({}).success).toBe(true);
    for (const name of ['getPersonalSummary', 'getConnections', 'deleteAllData'] as const) {
      expect(REQUEST_SCHEMAS[name].safeParse(undefined).success).toBe(true);
      expect(REQUEST_SCHEMAS[name].safeParse({}).success).toBe(true);
    }
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'http://127.0.0.1/opportunities/1'],
    ['no url', { force: true }],
    ['a non-http url', { url: 'javascript:alert(1)' }],
    ['a chrome url', { url: 'chrome://settings' }],
    ['a file url', { url: 'file:///etc/passwd' }],
    ['not a url', { url: 'opportunities/1' }],
    ['a huge url', { url: `http://127.0.0.1/${'a'.repeat(5000)}` }],
    ['force as a string', { url: 'http://127.0.0.1/opportunities/1', force: 'yes' }],
    ['an unknown field', { url: 'http://127.0.0.1/opportunities/1', tabId: 3 }],
  ])('getCoaching rejects %s', (_, payload) => {
    expect(REQUEST_SCHEMAS.getCoaching.safeParse(payload).success).toBe(false);
  });

  it('rejects bad review filters and payloads on payload-less messages', () => {
    expect(REQUEST_SCHEMAS.getReviewDeals.safeParse({ severity: 'critical' }).success).toBe(false);
    expect(REQUEST_SCHEMAS.getReviewDeals.safeParse({ ownerId: '' }).success).toBe(false);
    expect(REQUEST_SCHEMAS.getReviewDeals.safeParse({ ownerId: 42 }).success).toBe(false);
    expect(REQUEST_SCHEMAS.deleteAllData.safeParse({ everything: true }).success).toBe(false);
    expect(REQUEST_SCHEMAS.getConnections.safeParse('all').success).toBe(false);
  });

  it('checks page fetch requests and replies', () => {
    expect(PageFetchRequest.safeParse({ url: 'http://127.0.0.1/api/me', headers: { Accept: 'application/json' } }).success).toBe(true);
    expect(PageFetchRequest.safeParse({ url: 'http://127.0.0.1/api/me', method: 'DELETE' }).success).toBe(false);
    expect(PageFetchRequest.safeParse({ url: 'http://127.0.0.1/api/me', headers: { n: 1 } }).success).toBe(false);
    expect(PageFetchReply.safeParse({ kind: 'response', status: 200, headers: {}, body: { a: 1 } }).success).toBe(true);
    expect(PageFetchReply.safeParse({ kind: 'response', status: '200', headers: {}, body: null }).success).toBe(false);
    expect(PageFetchReply.safeParse({ kind: 'error', errorKind: 'timeout', message: 'slow' }).success).toBe(true);
    expect(PageFetchReply.safeParse(undefined).success).toBe(false);
  });
});
