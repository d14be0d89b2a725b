import { describe, expect, it } from 'vitest';
import { checkSameOrigin, checkSender, originOf } from '../../../lib/platform/guards';
import { dispatch, type Handler } from '../../../lib/platform/dispatch';

const OWN = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const contentScript = { id: OWN.id, url: 'http://127.0.0.1:4300/opportunities/DEMO-STALE', frameId: 0, tab: { id: 7, url: 'http://127.0.0.1:4300/opportunities/DEMO-STALE' } };
const popup = { id: OWN.id, url: `${OWN.origin}popup.html` };

describe('checkSender', () => {
  it('accepts our content script and our pages where allowed', () => {
    expect(checkSender(contentScript, OWN, ['content-script'])).toEqual({ ok: true, kind: 'content-script', tabId: 7 });
    expect(checkSender(popup, OWN, ['extension-page'])).toEqual({ ok: true, kind: 'extension-page', tabId: null });
    expect(checkSender({ ...popup, url: `${OWN.origin}review.html?owner=x`, tab: { id: 9, url: `${OWN.origin}review.html?owner=x` } }, OWN, ['extension-page'])).toMatchObject({ ok: true, tabId: 9 });
  });

  it('refuses other extensions, web pages and missing senders', () => {
    expect(checkSender({ ...contentScript, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, OWN, ['content-script']).ok).toBe(false);
    expect(checkSender({ ...contentScript, id: undefined }, OWN, ['content-script']).ok).toBe(false);
    expect(checkSender(undefined, OWN, ['content-script', 'extension-page']).ok).toBe(false);
    expect(checkSender({ ...popup, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' }, OWN, ['extension-page']).ok).toBe(false);
    expect(checkSender(contentScript, { id: '', origin: '' }, ['content-script']).ok).toBe(false);
  });

  it('refuses a context the message is not for, and sub-frames', () => {
    expect(checkSender(contentScript, OWN, ['extension-page']).ok).toBe(false);
    expect(checkSender(popup, OWN, ['content-script']).ok).toBe(false);
    expect(checkSender({ ...contentScript, frameId: 3 }, OWN, ['content-script']).ok).toBe(false);
  });
});

describe('checkSameOrigin', () => {
  it('accepts a URL on the tab origin', () => {
    expect(checkSameOrigin('http://127.0.0.1:4300/opportunities/X', contentScript)).toEqual({ ok: true, origin: 'http://127.0.0.1:4300' });
  });
  it.each([
    ['another port', 'http://127.0.0.1:4301/opportunities/X'],
    ['another host', 'http://localhost:4300/opportunities/X'],
    ['another scheme', 'https://127.0.0.1:4300/opportunities/X'],
    ['a CRM host', 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_, url) => {
    expect(checkSameOrigin(url, contentScript).ok).toBe(false);
  });
  it('refuses when the sender has no tab URL', () => {
    expect(checkSameOrigin('http://127.0.0.1:4300/x', { id: OWN.id }).ok).toBe(false);
  });
  it('originOf keeps ports and extension hosts', () => {
    expect(originOf('http://127.0.0.1:4300/a?b#c')).toBe('http://127.0.0.1:4300');
    expect(originOf(`${OWN.origin}popup.html`)).toBe(`chrome-extension://${OWN.id}`);
    expect(originOf('about:blank')).toBeNull();
  });
});

describe('dispatch', () => {
  const handler: Handler<'getReviewDeals'> = {
    from: ['extension-page'],
    handle: async (request) => ({ kind: 'no-crm', message: `owner=${request.ownerId ?? '-'}` }),
  };

  it('runs the handler with the parsed request', async () => {
    expect(await dispatch('getReviewDeals', handler, { ownerId: 'o1' }, popup, OWN)).toEqual({ kind: 'no-crm', message: 'owner=o1' });
  });

  it('refuses another extension before parsing', async () => {
    const reply = await dispatch('getReviewDeals', handler, { ownerId: 'o1' }, { ...popup, id: 'other' }, OWN);
    expect(reply).toMatchObject({ kind: 'error', errorKind: 'refused' });
  });

  it('refuses a content script asking for an extension-page message', async () => {
    expect(await dispatch('getReviewDeals', handler, {}, contentScript, OWN)).toMatchObject({ kind: 'error', errorKind: 'refused' });
  });

  it('answers a bad payload with a typed error', async () => {
    expect(await dispatch('getReviewDeals', handler, { severity: 'bad' }, popup, OWN)).toMatchObject({ kind: 'error', errorKind: 'bad-request' });
  });

  it('turns a throwing handler into an internal error reply', async () => {
    const boom: Handler<'getConnections'> = { from: ['extension-page'], handle: async () => Promise.reject(new Error('boom')) };
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(await dispatch('getConnections', boom, undefined, popup, OWN)).toMatchObject({ kind: 'error', errorKind: 'internal', message: expect.stringContaining('boom') });
    } finally {
      console.error = original;
    }
  });
});
